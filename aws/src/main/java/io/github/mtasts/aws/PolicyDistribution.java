package io.github.mtasts.aws;

import io.github.mtasts.wait.Progress;
import io.github.mtasts.wait.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CnameAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.Invalidation;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchOriginAccessControlException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlInUseException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlList;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlOriginTypes;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSigningBehaviors;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSigningProtocols;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/**
 * The CloudFront half of a policy site: an origin access control for the bucket and a
 * distribution that serves the bucket under the policy host.
 */
final class PolicyDistribution {

  /** CloudFront's status of a distribution whose configuration is live everywhere. */
  static final String DEPLOYED = "Deployed";

  /** A distribution as this package needs it: identity, where it answers, and its config. */
  record Current(String id, String arn, String domainName, String status, String eTag,
      DistributionConfig config) {

    static Current of(Distribution distribution, String eTag) {
      return new Current(distribution.id(), distribution.arn(), distribution.domainName(),
          distribution.status(), eTag, distribution.distributionConfig());
    }
  }

  private final CloudFrontClient cloudFront;

  PolicyDistribution(CloudFrontClient cloudFront) {
    this.cloudFront = cloudFront;
  }

  /**
   * Returns the id of the origin access control with this name, creating it when there is
   * none. OAC names are unique per account, so the name (the bucket's) identifies ours.
   */
  String ensureOac(String name, Progress progress) {
    Optional<String> existing = findOac(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      String id = cloudFront.createOriginAccessControl(r -> r.originAccessControlConfig(c -> c
          .name(name)
          .description("MTA-STS policy bucket " + name + " (mtasts)")
          .originAccessControlOriginType(OriginAccessControlOriginTypes.S3)
          // Sign every request to the bucket: the bucket policy admits only signed requests.
          .signingBehavior(OriginAccessControlSigningBehaviors.ALWAYS)
          .signingProtocol(OriginAccessControlSigningProtocols.SIGV4)))
          .originAccessControl().id();
      progress.report("created CloudFront origin access control " + id);
      return id;
    } catch (OriginAccessControlAlreadyExistsException e) {
      // Created concurrently or by an attempt whose answer was lost: it is ours by its name.
      return findOac(name).orElseThrow(() -> AwsErrors.failure(
          "create CloudFront origin access control " + name, e));
    } catch (SdkException e) {
      throw AwsErrors.failure("create CloudFront origin access control " + name, e);
    }
  }

  /** Returns the id of the origin access control with this name, if any. */
  Optional<String> findOac(String name) {
    String marker = null;
    try {
      while (true) {
        String page = marker;
        OriginAccessControlList list = cloudFront
            .listOriginAccessControls(r -> r.marker(page)).originAccessControlList();
        Optional<String> found = list.items().stream()
            .filter(summary -> name.equals(summary.name()))
            .map(OriginAccessControlSummary::id)
            .findFirst();
        if (found.isPresent() || !Boolean.TRUE.equals(list.isTruncated())) {
          return found;
        }
        marker = list.nextMarker();
      }
    } catch (SdkException e) {
      throw AwsErrors.failure("list CloudFront origin access controls", e);
    }
  }

  /** Reads a distribution; empty when it does not exist. */
  Optional<Current> get(String id) {
    try {
      GetDistributionResponse response = cloudFront.getDistribution(r -> r.id(id));
      return Optional.of(Current.of(response.distribution(), response.eTag()));
    } catch (NoSuchDistributionException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.failure("read CloudFront distribution " + id, e);
    }
  }

  /** Returns the distribution whose origin is this bucket, if any. */
  Optional<Current> findByOrigin(String originDomain) {
    return list().stream()
        .filter(s -> s.origins().items().stream().anyMatch(o -> originDomain.equals(o.domainName())))
        .findFirst()
        .flatMap(s -> get(s.id()));
  }

  /**
   * Returns the distribution for this site: the known one, else the one that already answers
   * for the policy host from this bucket, else a new one; and sets its managed settings.
   *
   * @return the distribution and whether it was created now (a new one serves the current
   *     object and needs no invalidation)
   * @throws ResourceConflictException when another distribution answers for the policy host
   */
  Ensured ensure(PolicySiteSpec spec, String originDomain, String oacId,
      Optional<String> knownId, Progress progress) {
    DistributionConfig desired = PolicyDistributionConfig.desired(spec, originDomain, oacId,
        "mtasts-" + UUID.randomUUID());
    Optional<Current> existing = knownId.flatMap(this::get)
        .or(() -> findByAlias(spec.host(), originDomain));
    if (existing.isEmpty()) {
      return new Ensured(create(spec, desired), true);
    }
    Current current = existing.get();
    List<String> differences = PolicyDistributionConfig.differences(current.config(), desired);
    if (differences.isEmpty()) {
      return new Ensured(current, false);
    }
    progress.report("updating CloudFront distribution " + current.id() + ": "
        + String.join(", ", differences));
    return new Ensured(update(current, PolicyDistributionConfig.merged(current.config(), desired)),
        false);
  }

  /** The distribution of a site, and whether {@link #ensure} created it. */
  record Ensured(Current distribution, boolean created) {}

  private Optional<Current> findByAlias(String host, String originDomain) {
    for (DistributionSummary summary : list()) {
      if (summary.aliases() != null && summary.aliases().items().contains(host)) {
        boolean fromOurBucket = summary.origins().items().stream()
            .anyMatch(o -> originDomain.equals(o.domainName()));
        if (!fromOurBucket) {
          throw new ResourceConflictException(host + " is already an alternate domain name of"
              + " CloudFront distribution " + summary.id() + ", which serves another origin:"
              + " remove the name from that distribution, then run again", null, null);
        }
        return get(summary.id());
      }
    }
    return Optional.empty();
  }

  private List<DistributionSummary> list() {
    List<DistributionSummary> all = new ArrayList<>();
    String marker = null;
    try {
      while (true) {
        String page = marker;
        DistributionList list = cloudFront.listDistributions(r -> r.marker(page)).distributionList();
        all.addAll(list.items());
        if (!Boolean.TRUE.equals(list.isTruncated())) {
          return all;
        }
        marker = list.nextMarker();
      }
    } catch (SdkException e) {
      throw AwsErrors.failure("list CloudFront distributions", e);
    }
  }

  private Current create(PolicySiteSpec spec, DistributionConfig config) {
    try {
      var response = cloudFront.createDistribution(r -> r.distributionConfig(config));
      return Current.of(response.distribution(), response.eTag());
    } catch (CnameAlreadyExistsException e) {
      throw new ResourceConflictException(spec.host() + " is already an alternate domain name of"
          + " another CloudFront distribution (possibly in another AWS account): remove it there,"
          + " then run again", AwsErrors.code(e), e);
    } catch (SdkException e) {
      throw AwsErrors.failure("create CloudFront distribution for " + spec.host(), e);
    }
  }

  private Current update(Current current, DistributionConfig config) {
    try {
      var response = cloudFront.updateDistribution(r -> r.id(current.id())
          .ifMatch(current.eTag()).distributionConfig(config));
      return Current.of(response.distribution(), response.eTag());
    } catch (SdkException e) {
      throw AwsErrors.failure("update CloudFront distribution " + current.id(), e);
    }
  }

  /** Waits until the distribution's configuration is deployed everywhere. */
  Current awaitDeployed(Waiter waiter, String id) {
    return waiter.until("CloudFront distribution " + id + " to be " + DEPLOYED, () -> {
      Current current = get(id).orElseThrow(() -> new AwsOperationException(
          "CloudFront distribution " + id + " disappeared while waiting for it", null, null));
      return DEPLOYED.equals(current.status())
          ? Waiter.Poll.done(current)
          : Waiter.Poll.pending(current.status());
    });
  }

  /** Invalidates the policy object in the distribution's caches and waits until that is done. */
  void invalidate(Waiter waiter, String id) {
    String path = "/" + PolicySiteSpec.OBJECT_KEY;
    Invalidation invalidation;
    try {
      invalidation = cloudFront.createInvalidation(r -> r.distributionId(id)
          .invalidationBatch(b -> b.callerReference("mtasts-" + UUID.randomUUID())
              .paths(p -> p.quantity(1).items(path)))).invalidation();
    } catch (SdkException e) {
      throw AwsErrors.failure("invalidate " + path + " in CloudFront distribution " + id, e);
    }
    waiter.progress().report("invalidating " + path + " in CloudFront distribution " + id);
    String invalidationId = invalidation.id();
    waiter.until("CloudFront invalidation " + invalidationId + " of " + path + " to complete",
        () -> {
          String status;
          try {
            status = cloudFront.getInvalidation(r -> r.distributionId(id).id(invalidationId))
                .invalidation().status();
          } catch (SdkException e) {
            throw AwsErrors.failure("read CloudFront invalidation " + invalidationId, e);
          }
          // CloudFront answers "InProgress" or "Completed".
          return "Completed".equalsIgnoreCase(status)
              ? Waiter.Poll.done(status)
              : Waiter.Poll.pending(status);
        });
  }

  /**
   * Deletes the distribution in the order CloudFront requires: disable it, wait until that is
   * deployed, then delete it with the current ETag. A distribution that is gone is fine.
   */
  void delete(Waiter waiter, String id) {
    Optional<Current> existing = get(id);
    if (existing.isEmpty()) {
      waiter.progress().report("CloudFront distribution " + id + " is already gone");
      return;
    }
    Current current = existing.get();
    if (Boolean.TRUE.equals(current.config().enabled())) {
      waiter.progress().report("disabling CloudFront distribution " + id);
      update(current, PolicyDistributionConfig.disabled(current.config()));
    }
    waiter.until("CloudFront distribution " + id + " to be disabled and deleted", () -> {
      Optional<Current> now = get(id);
      if (now.isEmpty()) {
        return Waiter.Poll.done(id);
      }
      if (!DEPLOYED.equals(now.get().status())) {
        return Waiter.Poll.pending(now.get().status());
      }
      try {
        cloudFront.deleteDistribution(r -> r.id(id).ifMatch(now.get().eTag()));
        waiter.progress().report("deleted CloudFront distribution " + id);
        return Waiter.Poll.done(id);
      } catch (NoSuchDistributionException e) {
        return Waiter.Poll.done(id);
      } catch (DistributionNotDisabledException | PreconditionFailedException e) {
        // The disabling is not visible yet, or the distribution changed since it was read.
        return Waiter.Poll.pending(AwsErrors.code(e));
      } catch (SdkException e) {
        throw AwsErrors.failure("delete CloudFront distribution " + id, e);
      }
    });
  }

  /**
   * Deletes an origin access control; while a deleted distribution still counts as using it,
   * CloudFront refuses and the deletion is retried. An OAC that is gone is fine.
   */
  void deleteOac(Waiter waiter, String id) {
    waiter.until("CloudFront origin access control " + id + " to be deleted", () -> {
      try {
        String eTag = cloudFront.getOriginAccessControl(r -> r.id(id)).eTag();
        cloudFront.deleteOriginAccessControl(r -> r.id(id).ifMatch(eTag));
        waiter.progress().report("deleted CloudFront origin access control " + id);
        return Waiter.Poll.done(id);
      } catch (NoSuchOriginAccessControlException e) {
        return Waiter.Poll.done(id);
      } catch (OriginAccessControlInUseException e) {
        return Waiter.Poll.pending("still in use");
      } catch (SdkException e) {
        throw AwsErrors.failure("delete CloudFront origin access control " + id, e);
      }
    });
  }
}
