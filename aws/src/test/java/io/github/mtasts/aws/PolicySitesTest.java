package io.github.mtasts.aws;

import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlConfig;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/** Policy sites (S3 bucket + CloudFront distribution) against moto's S3 and CloudFront. */
@ExtendWith(MotoExtension.class)
class PolicySitesTest {

  private static final String CERTIFICATE =
      "arn:aws:acm:us-east-1:123456789012:certificate/1f9c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f";
  private static final String BODY = "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\n"
      + "max_age: 604800\r\n";
  private static final String NEW_BODY = BODY.replace("testing", "enforce");
  private static final String DISTRIBUTIONS = "/2020-05-31/distribution";
  private static final String OBJECT_PATH = "/mta-sts-example-com/.well-known/mta-sts.txt";

  private AwsFixture aws;
  private PolicySites sites;
  private S3Client s3;
  private CloudFrontClient cloudFront;

  @BeforeEach
  void setUp(AwsFixture aws) {
    this.aws = aws;
    this.sites = new PolicySites(aws.clients);
    this.s3 = aws.clients.s3();
    this.cloudFront = aws.clients.cloudFront();
  }

  private static PolicySiteSpec spec(String body) {
    return PolicySiteSpec.builder().domain("example.com").certificateArn(CERTIFICATE)
        .policyBody(body).build();
  }

  @Test
  void createsAPrivateBucketAndADistributionThatOnlyItMayRead() throws Exception {
    // Real CloudFront deploys a new distribution in minutes; moto reports InProgress for as
    // many status reads as configured.
    aws.moto.distributionDeploysAfterReads(3);

    PolicySiteState site = sites.create(spec(BODY), aws.fastWait());

    assertTrue(site.complete(), site.toString());
    assertEquals("mta-sts-example-com", site.bucketName());
    assertEquals(Optional.of("example.com"), site.domain());
    assertEquals(Optional.of(BODY), site.policyBody());
    String bucket = site.bucketName();

    PublicAccessBlockConfiguration block =
        s3.getPublicAccessBlock(r -> r.bucket(bucket)).publicAccessBlockConfiguration();
    assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy()
        && block.restrictPublicBuckets(), block.toString());
    assertEquals("AES256", s3.getBucketEncryption(r -> r.bucket(bucket))
        .serverSideEncryptionConfiguration().rules().get(0)
        .applyServerSideEncryptionByDefault().sseAlgorithmAsString());
    assertEquals("BucketOwnerEnforced", s3.getBucketOwnershipControls(r -> r.bucket(bucket))
        .ownershipControls().rules().get(0).objectOwnershipAsString());

    HeadObjectResponse object = s3.headObject(r -> r.bucket(bucket).key(".well-known/mta-sts.txt"));
    assertEquals("text/plain; charset=utf-8", object.contentType());
    assertEquals("max-age=300", object.cacheControl());
    assertEquals(BODY, s3.getObjectAsBytes(r -> r.bucket(bucket).key(".well-known/mta-sts.txt"))
        .asUtf8String());

    OriginAccessControlConfig oac = cloudFront.getOriginAccessControl(r -> r.id(
        site.oacId().orElseThrow())).originAccessControl().originAccessControlConfig();
    assertEquals(bucket, oac.name());
    assertEquals("sigv4", oac.signingProtocolAsString());
    assertEquals("always", oac.signingBehaviorAsString());
    assertEquals("s3", oac.originAccessControlOriginTypeAsString());

    DistributionConfig config = cloudFront.getDistributionConfig(r -> r.id(
        site.distributionId().orElseThrow())).distributionConfig();
    assertEquals(List.of("mta-sts.example.com"), config.aliases().items());
    assertEquals(CERTIFICATE, config.viewerCertificate().acmCertificateArn());
    assertEquals("sni-only", config.viewerCertificate().sslSupportMethodAsString());
    assertEquals("TLSv1.2_2021", config.viewerCertificate().minimumProtocolVersionAsString());
    assertEquals("redirect-to-https",
        config.defaultCacheBehavior().viewerProtocolPolicyAsString());
    assertEquals(PolicyDistributionConfig.CACHING_OPTIMIZED_POLICY_ID,
        config.defaultCacheBehavior().cachePolicyId());
    assertTrue(config.isIPV6Enabled());
    assertTrue(config.enabled());
    assertEquals("mta-sts-example-com.s3.us-east-1.amazonaws.com",
        config.origins().items().get(0).domainName());
    // Moto does not return an origin's OriginAccessControlId; the request shows it was set.
    String created = aws.proxy.matching("POST", DISTRIBUTIONS).get(0).body();
    assertTrue(created.contains("<OriginAccessControlId>" + site.oacId().orElseThrow()
        + "</OriginAccessControlId>"), created);

    JsonObject policy = JsonParser.parseString(
        s3.getBucketPolicy(r -> r.bucket(bucket)).policy()).getAsJsonObject();
    JsonObject statement = policy.getAsJsonArray("Statement").get(0).getAsJsonObject();
    assertEquals("cloudfront.amazonaws.com",
        statement.getAsJsonObject("Principal").get("Service").getAsString());
    assertEquals("s3:GetObject", statement.get("Action").getAsString());
    assertEquals("arn:aws:s3:::mta-sts-example-com/*", statement.get("Resource").getAsString());
    assertEquals(site.distributionArn().orElseThrow(), statement.getAsJsonObject("Condition")
        .getAsJsonObject("StringEquals").get("AWS:SourceArn").getAsString());

    // A new distribution fetches the object fresh: nothing to invalidate. It was awaited.
    assertEquals(List.of(), aws.proxy.matching("POST", DISTRIBUTIONS + "/.+/invalidation"));
    assertTrue(aws.progress.stream().anyMatch(m -> m.contains("InProgress")), aws.progress.toString());
  }

  @Test
  void aChangedBodyIsUploadedThenInvalidatedAndAwaited() {
    PolicySiteState site = sites.create(spec(BODY), aws.fastWait());
    aws.proxy.clear();
    // Real invalidations run for a minute or so; moto completes them at once (and spells the
    // status COMPLETED where CloudFront says Completed).
    aws.proxy.rewriteFirst(FaultProxy.request("GET", DISTRIBUTIONS + "/.+/invalidation/.+"), 2,
        body -> body.replace("COMPLETED", "InProgress"));

    PolicySiteState updated = sites.update(site, spec(NEW_BODY), aws.fastWait());

    assertEquals(Optional.of(NEW_BODY), updated.policyBody());
    assertEquals(site.distributionId(), updated.distributionId());
    List<String> operations = operations();
    int upload = operations.indexOf("PUT " + OBJECT_PATH);
    int invalidate = indexOfMatch(operations, "POST " + DISTRIBUTIONS + "/.+/invalidation");
    int lastPoll = lastIndexOfMatch(operations, "GET " + DISTRIBUTIONS + "/.+/invalidation/.+");
    assertTrue(upload >= 0 && upload < invalidate && invalidate < lastPoll, operations.toString());
    assertEquals(3, operations.stream()
        .filter(o -> o.matches("GET " + DISTRIBUTIONS + "/.+/invalidation/.+")).count());
    String batch = aws.proxy.matching("POST", DISTRIBUTIONS + "/.+/invalidation").get(0).body();
    assertTrue(batch.contains("<Path>/.well-known/mta-sts.txt</Path>"), batch);
    assertEquals(NEW_BODY, s3.getObjectAsBytes(r -> r.bucket(site.bucketName())
        .key(".well-known/mta-sts.txt")).asUtf8String());

    // The same spec again changes nothing: no upload, no invalidation.
    aws.proxy.clear();
    assertEquals(updated, sites.update(updated, spec(NEW_BODY), aws.fastWait()));
    assertFalse(operations().contains("PUT " + OBJECT_PATH), operations().toString());
    assertEquals(-1, indexOfMatch(operations(), "POST " + DISTRIBUTIONS + "/.+/invalidation"));
  }

  @Test
  void deletesInTheOrderAwsRequires() {
    PolicySiteState site = sites.create(spec(BODY), aws.fastWait());
    String id = site.distributionId().orElseThrow();
    String oacId = site.oacId().orElseThrow();
    aws.proxy.clear();
    // After a configuration change real CloudFront reports InProgress until it is deployed;
    // moto's distributions stay Deployed once they are. The first status read says InProgress.
    aws.proxy.rewriteFirst(FaultProxy.request("GET", DISTRIBUTIONS + "/" + id), 2,
        body -> body.replace("<Status>Deployed</Status>", "<Status>InProgress</Status>"));

    sites.delete(site, aws.fastWait());

    List<String> operations = operations();
    int disable = operations.indexOf("PUT " + DISTRIBUTIONS + "/" + id + "/config");
    int deleteDistribution = operations.indexOf("DELETE " + DISTRIBUTIONS + "/" + id);
    int deleteOac = operations.indexOf("DELETE /2020-05-31/origin-access-control/" + oacId);
    int deleteObject = operations.indexOf("DELETE " + OBJECT_PATH);
    int deleteBucket = operations.indexOf("DELETE /mta-sts-example-com");
    assertTrue(0 <= disable && disable < deleteDistribution && deleteDistribution < deleteOac
        && deleteOac < deleteObject && deleteObject < deleteBucket, operations.toString());
    List<Integer> statusReads = new ArrayList<>();
    for (int i = disable + 1; i < deleteDistribution; i++) {
      if (operations.get(i).equals("GET " + DISTRIBUTIONS + "/" + id)) {
        statusReads.add(i);
      }
    }
    assertTrue(statusReads.size() >= 2, "waited for Deployed after disabling: " + operations);
    FaultProxy.Exchange disabling = aws.proxy.matching("PUT", DISTRIBUTIONS + "/" + id + "/config")
        .get(0);
    assertTrue(disabling.body().contains("<Enabled>false</Enabled>"), disabling.body());
    assertTrue(disabling.headers().get("If-Match") != null);
    assertTrue(aws.proxy.matching("DELETE", DISTRIBUTIONS + "/" + id).get(0).headers()
        .get("If-Match") != null);

    assertThrows(NoSuchDistributionException.class, () -> cloudFront.getDistribution(r -> r.id(id)));
    assertThrows(NoSuchBucketException.class,
        () -> s3.headBucket(r -> r.bucket(site.bucketName())));
    assertEquals(Optional.empty(), sites.read(site.bucketName()));
    // A rerun of a delete (e.g. after a timeout) finds everything gone and succeeds.
    sites.delete(site, aws.fastWait());
  }

  @Test
  void readFindsEverythingFromTheBucketName() {
    PolicySiteState created = sites.create(spec(BODY), aws.fastWait());

    assertEquals(Optional.of(created), sites.read(created.bucketName()));
    assertEquals(Optional.empty(), sites.read("mta-sts-no-such-bucket"));
  }

  @Test
  void throttlingAndServerErrorsAreRetriedHonouringRetryAfter() {
    // Retry-After of 3 s: longer than the SDK's own first backoff (jittered, at most 2 s), so
    // the gap shows the header was honoured.
    aws.proxy.failFirst(FaultProxy.request("PUT", OBJECT_PATH), 1, FaultProxy.s3SlowDown(3));
    aws.proxy.failFirst(FaultProxy.request("POST", DISTRIBUTIONS), 1, FaultProxy.xmlThrottling());
    aws.proxy.failFirst(FaultProxy.request("POST", "/2020-05-31/origin-access-control"), 1,
        FaultProxy.xmlServerError(500));

    PolicySiteState site = sites.create(spec(BODY), aws.fastWait());

    assertTrue(site.complete());
    List<FaultProxy.Exchange> puts = aws.proxy.matching("PUT", OBJECT_PATH);
    assertEquals(List.of(503, 200), puts.stream().map(FaultProxy.Exchange::status).toList());
    long gapMillis = Duration.ofNanos(puts.get(1).nanoTime() - puts.get(0).nanoTime()).toMillis();
    assertTrue(gapMillis >= 2950, "the retry waited for Retry-After: 3, gap " + gapMillis + " ms");
    assertEquals(List.of(400, 201), aws.proxy.matching("POST", DISTRIBUTIONS).stream()
        .map(FaultProxy.Exchange::status).toList());
    assertEquals(List.of(500, 201), aws.proxy.matching("POST", "/2020-05-31/origin-access-control")
        .stream().map(FaultProxy.Exchange::status).toList());
  }

  @Test
  void aPartialFailureLeavesStateFromWhichUpdateCompletes() {
    // CloudFront keeps failing CreateDistribution beyond the retries.
    aws.proxy.failFirst(FaultProxy.request("POST", DISTRIBUTIONS), AwsSettings.DEFAULT_MAX_ATTEMPTS,
        FaultProxy.xmlServerError(503));

    PolicySiteIncompleteException failed = assertThrows(PolicySiteIncompleteException.class,
        () -> sites.create(spec(BODY), aws.fastWait()));

    PolicySiteState partial = failed.partialState();
    assertFalse(partial.complete());
    assertEquals("mta-sts-example-com", partial.bucketName());
    assertTrue(partial.oacId().isPresent());
    assertEquals(Optional.empty(), partial.distributionId());
    assertTrue(failed.getMessage().contains("create CloudFront distribution"), failed.getMessage());
    assertTrue(failed.getCause() instanceof AwsOperationException);

    PolicySiteState finished = sites.update(partial, spec(BODY), aws.fastWait());

    assertTrue(finished.complete(), finished.toString());
    assertEquals(partial.oacId(), finished.oacId());
    assertEquals(1, oacsNamed("mta-sts-example-com"));
    assertEquals(1, distributionsFor("mta-sts.example.com").size());
  }

  @Test
  void createRunAgainAfterATimeoutAdoptsWhatTheFirstRunMade() throws Exception {
    aws.moto.distributionDeploysAfterReads(1000);
    PolicySiteIncompleteException failed = assertThrows(PolicySiteIncompleteException.class,
        () -> sites.create(spec(BODY), WaitOptions.builder().pollInterval(Duration.ofMillis(20))
            .maxPollInterval(Duration.ofMillis(50)).timeout(Duration.ofMillis(500)).build()));
    assertTrue(failed.getCause() instanceof WaitTimeoutException, failed.getCause().toString());
    assertTrue(failed.partialState().distributionId().isPresent());
    aws.moto.distributionDeploysAfterReads(1);

    // The provider may have lost the partial state: create again with the same spec.
    PolicySiteState finished = sites.create(spec(BODY), aws.fastWait());

    assertTrue(finished.complete());
    assertEquals(failed.partialState().distributionId(), finished.distributionId());
    assertEquals(failed.partialState().oacId(), finished.oacId());
    assertEquals(1, oacsNamed("mta-sts-example-com"));
    assertEquals(1, distributionsFor("mta-sts.example.com").size());
    assertTrue(aws.progress.stream().anyMatch(m -> m.contains("adopting existing S3 bucket")),
        aws.progress.toString());
  }

  @Test
  void aBucketHoldingOtherObjectsIsNotTakenOver() {
    s3.createBucket(r -> r.bucket("mta-sts-example-com"));
    s3.putObject(r -> r.bucket("mta-sts-example-com").key("backup.tar"),
        RequestBody.fromString("data"));
    aws.proxy.clear();

    // Nothing of the site exists, so there is no partial state: a plain conflict.
    ResourceConflictException failed = assertThrows(ResourceConflictException.class,
        () -> sites.create(spec(BODY), aws.fastWait()));

    assertTrue(failed.getMessage().contains("backup.tar"), failed.getMessage());
    assertTrue(failed.getMessage().contains("choose another bucketName"), failed.getMessage());
    assertEquals(List.of("HEAD /mta-sts-example-com", "GET /mta-sts-example-com"), operations());
  }

  @Test
  void anAliasServedByAnotherDistributionIsAConflict() {
    PolicySiteState other = sites.create(PolicySiteSpec.builder().domain("example.com")
        .bucketName("someone-elses-site").certificateArn(CERTIFICATE).policyBody(BODY).build(),
        aws.fastWait());

    PolicySiteIncompleteException failed = assertThrows(PolicySiteIncompleteException.class,
        () -> sites.create(spec(BODY), aws.fastWait()));

    assertTrue(failed.getCause() instanceof ResourceConflictException);
    assertTrue(failed.getMessage().contains("mta-sts.example.com is already an alternate domain"
        + " name of CloudFront distribution " + other.distributionId().orElseThrow()),
        failed.getMessage());
    assertEquals(1, distributionsFor("mta-sts.example.com").size());
  }

  @Test
  void aBucketOutsideUsEast1IsCreatedThereAndIsTheOrigin() {
    try (AwsClients euClients = AwsClients.create(
        AwsFixture.settings(aws.proxy.endpoint()).region("eu-west-1").build())) {
      PolicySiteState site = new PolicySites(euClients).create(spec(BODY), aws.fastWait());

      assertEquals("eu-west-1", site.bucketRegion());
      assertEquals("eu-west-1", euClients.s3().getBucketLocation(r -> r.bucket(site.bucketName()))
          .locationConstraintAsString());
      assertEquals("mta-sts-example-com.s3.eu-west-1.amazonaws.com", cloudFront
          .getDistributionConfig(r -> r.id(site.distributionId().orElseThrow()))
          .distributionConfig().origins().items().get(0).domainName());
    }
  }

  private List<String> operations() {
    return aws.proxy.exchanges().stream().map(FaultProxy.Exchange::operation).toList();
  }

  private static int indexOfMatch(List<String> operations, String regex) {
    for (int i = 0; i < operations.size(); i++) {
      if (operations.get(i).matches(regex)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndexOfMatch(List<String> operations, String regex) {
    for (int i = operations.size() - 1; i >= 0; i--) {
      if (operations.get(i).matches(regex)) {
        return i;
      }
    }
    return -1;
  }

  private long oacsNamed(String name) {
    return cloudFront.listOriginAccessControls(r -> {}).originAccessControlList().items().stream()
        .filter(o -> name.equals(o.name())).count();
  }

  private List<DistributionSummary> distributionsFor(String alias) {
    return cloudFront.listDistributions(r -> {}).distributionList().items().stream()
        .filter(d -> d.aliases().items().contains(alias)).toList();
  }
}
