package io.github.mtasts.aws;

import io.github.mtasts.wait.Progress;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import io.github.mtasts.wait.Waiter;
import java.util.Optional;

/**
 * Creates, updates, reads and deletes MTA-STS policy sites on AWS: a private S3 bucket with
 * the policy object, served by a CloudFront distribution under {@code mta-sts.DOMAIN} (see
 * {@link PolicySiteSpec} for what RFC 8461 §3.3 asks of the host).
 *
 * <p>Every step finds and reuses what an earlier, interrupted attempt created (the bucket by
 * its name, the origin access control by its name, the distribution by its alias and origin),
 * so running an operation again after a failure completes it. A failure part way throws
 * {@link PolicySiteIncompleteException} with the state reached.
 *
 * <p>A new policy body is uploaded first, then the distribution's cached copy is invalidated
 * and the invalidation awaited: when an operation returns, the distribution serves the new
 * body, and only then may the caller change the {@code _mta-sts} TXT id (RFC 8461 §3.1: the id
 * announces that the policy changed).
 */
public final class PolicySites {

  private final AwsClients clients;

  /**
   * Creates the operations over the given clients.
   *
   * @param clients the AWS clients
   */
  public PolicySites(AwsClients clients) {
    this.clients = clients;
  }

  /**
   * Creates the site, or completes one an earlier attempt started, and waits until the
   * distribution is deployed.
   *
   * @param spec what to serve and where
   * @param wait timeout (for the whole call) and progress
   * @return the complete state
   * @throws ResourceConflictException when the bucket name is another account's, or the bucket
   *     holds other objects; nothing was created
   * @throws PolicySiteIncompleteException when a later step fails; its partial state resumes
   */
  public PolicySiteState create(PolicySiteSpec spec, WaitOptions wait) {
    return converge(PolicySiteState.builder(spec.bucketName(), clients.bucketRegion().id()).build(), spec,
        wait);
  }

  /**
   * Brings an existing (or partially created) site to the spec: uploads and invalidates a
   * changed body, updates the distribution's settings, and waits until it is deployed.
   *
   * @param current the saved state (complete, or the partial state of a failed create)
   * @param spec what to serve and where
   * @param wait timeout (for the whole call) and progress
   * @return the complete state
   * @throws InvalidSpecException when the spec names another bucket (a site cannot move to
   *     another bucket: replace it)
   * @throws ResourceConflictException when the bucket now holds other objects
   * @throws PolicySiteIncompleteException when a later step fails; its partial state resumes
   */
  public PolicySiteState update(PolicySiteState current, PolicySiteSpec spec, WaitOptions wait) {
    if (!current.bucketName().equals(spec.bucketName())) {
      throw new InvalidSpecException("bucketName", spec.bucketName(), "the site's bucket is "
          + current.bucketName() + " and cannot be renamed: replace the site instead");
    }
    return converge(current, spec, wait);
  }

  private PolicySiteState converge(PolicySiteState current, PolicySiteSpec spec,
      WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    Progress progress = waiter.progress();
    PolicyBucket bucket = bucket();
    PolicyDistribution distribution = distribution();
    String name = spec.bucketName();
    // Outside the partial-state handling: until the bucket is known to be ours nothing of the
    // site exists, and a conflict must not leave state that a delete would act on.
    bucket.ensure(name, progress);
    PolicySiteState.Builder reached = current.toBuilder().domain(spec.domain());
    try {
      bucket.secure(name);
      boolean bodyChanged = !current.policyBodySha256().equals(Optional.of(spec.policyBodySha256()))
          || !current.cacheControl().equals(Optional.of(spec.cacheControl()));
      if (bodyChanged) {
        // Not yet published: recorded only once the distribution serves it.
        reached.policyBodySha256(null).cacheControl(null);
        bucket.upload(name, spec.policyBody(), spec.cacheControl());
        progress.report("uploaded " + PolicySiteSpec.OBJECT_KEY + " to S3 bucket " + name);
      }
      String oacId = distribution.ensureOac(name, progress);
      reached.oacId(oacId);
      PolicyDistribution.Ensured ensured = distribution.ensure(spec, bucket.originDomain(name),
          oacId, current.distributionId(), progress);
      PolicyDistribution.Current site = ensured.distribution();
      reached.distribution(site.id(), site.arn(), site.domainName())
          .certificateArn(spec.certificateArn());
      if (ensured.created()) {
        progress.report("created CloudFront distribution " + site.id() + " (" + site.domainName()
            + ")");
      }
      bucket.allowDistribution(name, site.arn());
      if (bodyChanged && !ensured.created()) {
        distribution.invalidate(waiter, site.id());
      }
      distribution.awaitDeployed(waiter, site.id());
      return reached.policyBody(spec.policyBody()).cacheControl(spec.cacheControl()).build();
    } catch (PolicySiteIncompleteException e) {
      throw e;
    } catch (AwsOperationException | WaitTimeoutException e) {
      throw new PolicySiteIncompleteException(reached.build(), e);
    }
  }

  /**
   * Reads a site by its id, the bucket name, for refresh and import.
   *
   * @param bucketName the site's id
   * @return the state, or empty when the bucket does not exist
   * @throws InvalidSpecException when the name is not a valid bucket name
   * @throws AwsOperationException when a call fails
   */
  public Optional<PolicySiteState> read(String bucketName) {
    PolicySiteSpec.checkBucketName(bucketName);
    PolicyBucket bucket = bucket();
    if (!bucket.exists(bucketName)) {
      return Optional.empty();
    }
    PolicySiteState.Builder state = PolicySiteState.builder(bucketName, clients.bucketRegion().id());
    bucket.read(bucketName).ifPresent(stored ->
        state.policyBody(stored.body()).cacheControl(stored.cacheControl()));
    PolicyDistribution distribution = distribution();
    Optional<PolicyDistribution.Current> site =
        distribution.findByOrigin(bucket.originDomain(bucketName));
    site.ifPresent(current -> {
      state.distribution(current.id(), current.arn(), current.domainName());
      if (current.config().viewerCertificate() != null) {
        state.certificateArn(current.config().viewerCertificate().acmCertificateArn());
      }
      current.config().aliases().items().stream()
          .filter(alias -> alias.startsWith(PolicySiteSpec.HOST_LABEL))
          .findFirst()
          .ifPresent(alias -> state.domain(alias.substring(PolicySiteSpec.HOST_LABEL.length())));
      current.config().origins().items().stream()
          .map(origin -> origin.originAccessControlId())
          .filter(id -> id != null && !id.isEmpty())
          .findFirst()
          .ifPresent(state::oacId);
    });
    if (state.build().oacId().isEmpty()) {
      // No distribution (yet), or it does not report its OAC: ours carries the bucket's name.
      distribution.findOac(bucketName).ifPresent(state::oacId);
    }
    return Optional.of(state.build());
  }

  /**
   * Deletes the site in the order AWS requires: disable the distribution, wait until that is
   * deployed, delete the distribution, then the origin access control, the policy object and
   * the bucket. Parts that are already gone are skipped, so a failed delete can be rerun.
   *
   * @param current the saved state (complete or partial)
   * @param wait timeout (for the whole call) and progress
   * @throws WaitTimeoutException when CloudFront takes longer than the timeout
   * @throws ResourceConflictException when the bucket holds objects that are not the policy
   * @throws AwsOperationException for other failures
   */
  public void delete(PolicySiteState current, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    PolicyBucket bucket = bucket();
    PolicyDistribution distribution = distribution();
    String name = current.bucketName();
    Optional<String> distributionId = current.distributionId()
        .or(() -> distribution.findByOrigin(bucket.originDomain(name))
            .map(PolicyDistribution.Current::id));
    distributionId.ifPresent(id -> distribution.delete(waiter, id));
    Optional<String> oacId = current.oacId().or(() -> distribution.findOac(name));
    oacId.ifPresent(id -> distribution.deleteOac(waiter, id));
    bucket.delete(name, waiter.progress());
  }

  private PolicyBucket bucket() {
    return new PolicyBucket(clients.s3(), clients.bucketRegion());
  }

  private PolicyDistribution distribution() {
    return new PolicyDistribution(clients.cloudFront());
  }
}
