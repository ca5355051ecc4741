package io.github.mtasts.e2e;

import static io.github.mtasts.e2e.Stack.changedSteps;
import static io.github.mtasts.e2e.Stack.diffReasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.AwsLab;
import io.github.mtasts.testlab.CloudflareLab;
import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.Repository;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail domain whose zone is on Cloudflare and whose policy is served by S3 and CloudFront, with
 * the real Pulumi engine: the repository's own {@code Pulumi.yaml} with stack config {@code dns:
 * cloudflare} (the zone given by id) and the default hosting, through testing, enforce, refresh
 * and destroy. The ACM validation CNAME and the {@code mta-sts} CNAME go into the Cloudflare zone,
 * unproxied.
 *
 * <p>What stands in for Cloudflare and AWS, and where they differ: the fake Cloudflare API and a
 * DNS server answering from its records, as in {@link MtaStsCloudflareIT}; moto for ACM, S3 and
 * CloudFront, and the CloudFront edge of the AWS laboratory, as in {@link MtaStsAwsIT}. The DNS
 * server resolves a distribution's {@code *.cloudfront.net} name to that edge, as CloudFront's
 * DNS does to its own. moto issues the certificate whether or not its validation record resolves
 * (ACM issues it once the CNAME in the Cloudflare zone resolves publicly).
 */
@ExtendWith(MotoExtension.class)
class MtaStsCloudflareCloudFrontIT {
  private static final String DOMAIN = "e2e-cdn.test";
  private static final String NAME = "e2e-cdn-test";
  private static final String MX = "mx1." + DOMAIN;
  private static final long MAX_AGE = 86400;

  private static Path pulumiBin;

  @TempDir Path work;

  private AwsFixture aws;
  private AwsLab awsLab;
  private CloudflareLab lab;
  private CloudflareStack stack;
  private final List<Observation> observations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void installPulumi() {
    pulumiBin = Stack.install(Repository.root());
  }

  @BeforeEach
  void createProject(AwsFixture aws) throws Exception {
    this.aws = aws;
    awsLab = AwsLab.start(aws.moto.endpoint(), work, List.of(DOMAIN));
    lab = CloudflareLab.withCloudFront(awsLab, List.of(DOMAIN));
    awsLab.edge().onServe((host, body) -> observations.add(new Observation(body, stsTxt())));
    // The stack carries moto's credentials (Stack.create) for the S3 and CloudFront resources.
    stack = CloudflareStack.init(pulumiBin, work, Stack.rootProjectFile(Repository.root()), lab);
  }

  @AfterEach
  void stopLabs() throws Exception {
    if (lab != null) {
      lab.close();
    }
    if (awsLab != null) {
      awsLab.close();
    }
  }

  @Test
  void testingThenEnforceThenRefreshThenDestroy() throws Exception {
    stack.ok("config", "set", "domain", DOMAIN);
    stack.ok("config", "set", "mode", "testing");
    stack.ok("config", "set", "mx", MX);
    stack.ok("config", "set", "maxAge", String.valueOf(MAX_AGE));
    stack.ok("config", "set", "dns", "cloudflare");
    stack.ok("config", "set", "cloudflareZone", lab.zoneId(DOMAIN));
    stack.ok("config", "set", "mtasts:awsEndpoint", aws.proxy.endpoint());
    stack.ok("config", "set", "mtasts:awsRegion", "us-east-1");
    stack.ok("config", "set", "verifyTimeout", "60");
    stack.ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    stack.ok("config", "set", "verifySmtpPort", String.valueOf(lab.smtpPort()));

    stack.ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject first = stack.outputs();
    assertEquals(testing.id().value(), first.get("policyId").getAsString());
    assertEquals(0, first.getAsJsonObject("verification").get("errors").getAsInt(), first.toString());
    assertDeployed(testing);
    // RFC 8461 §3.1: the policy host served the body before any _mta-sts record existed.
    assertFalse(observations.isEmpty(), "the verifications fetched the policy");
    assertEquals(Optional.empty(), observations.get(0).stsTxt(), observations.toString());
    assertEquals(List.of(), awsLab.edge().refusals(), "the edge refused nothing");

    stack.ok("config", "set", "mode", "enforce");
    int awsCallsBefore = aws.proxy.exchanges().size();
    JsonObject preview = stack.previewChangingNothing(lab);
    assertEquals(awsCallsBefore, aws.proxy.exchanges().size(), "a preview calls no AWS operation");
    assertEquals(Stack.enforceSteps(NAME, "mtasts:aws:PolicySite::" + NAME + "-site",
        "mtasts:cloudflare:Record::" + NAME + "-sts"), changedSteps(preview), preview.toString());
    assertEquals(List.of("policy"), diffReasons(preview, "mtasts:aws:PolicySite"));
    assertEquals(List.of("values"), diffReasons(preview, "mtasts:cloudflare:Record"));

    int servedBefore = observations.size();
    stack.ok("up", "--yes");
    Policy enforce = policy(Mode.ENFORCE);
    assertEquals(enforce.id().value(), stack.outputs().get("policyId").getAsString());
    assertDeployed(enforce);
    // RFC 8461 §3.1: the new body was live while the record still announced the old id.
    CloudflareStack.assertServedBeforeTheIdChanged(observations, servedBefore, enforce, testing);

    stack.ok("refresh", "--yes", "--expect-no-changes");
    stack.ok("preview", "--expect-no-changes");

    stack.ok("destroy", "--yes");
    assertEquals(List.of(), lab.written(DOMAIN), "no record is left in the Cloudflare zone");
    assertEquals(List.of(), awsLab.s3().listBuckets().buckets(), "no bucket is left");
    assertEquals(List.of(), awsLab.cloudFront().listDistributions(b -> { }).distributionList().items(),
        "no distribution is left");
    assertEquals(List.of(), awsLab.acm().listCertificates(b -> { }).certificateSummaryList(),
        "no certificate is left");
    assertEquals(0, stack.resources().size(), "destroy leaves nothing in the state");
    stack.assertTokenNowhere();
    stack.ok("stack", "rm", "--yes");
  }

  private static Policy policy(Mode mode) {
    return Policy.builder().mode(mode).mx(MX).maxAge(MAX_AGE).build();
  }

  /** The records in the Cloudflare zone: the two TXT, the validation and policy-host CNAMEs. */
  private void assertDeployed(Policy policy) {
    List<FakeCloudflareApi.DnsRecord> written = lab.written(DOMAIN);
    assertEquals(Optional.of("\"v=STSv1; id=" + policy.id().value() + "\""), stsTxt());
    String distribution = awsLab.cloudFront().listDistributions(b -> { }).distributionList().items().get(0)
        .domainName();
    assertEquals(List.of(distribution), written.stream()
        .filter(r -> r.name().equals("mta-sts." + DOMAIN) && r.type().equals("CNAME")).map(r -> r.content()).toList());
    String validation = awsLab.acm().describeCertificate(b -> b.certificateArn(awsLab.acm().listCertificates(l -> { })
        .certificateSummaryList().get(0).certificateArn())).certificate().domainValidationOptions().get(0)
        .resourceRecord().name().replaceAll("\\.$", "");
    assertTrue(written.stream().anyMatch(r -> r.name().equals(validation) && r.type().equals("CNAME")),
        validation + " in " + written);
    assertEquals(3, written.stream().filter(r -> r.type().equals("CNAME") || r.name().startsWith("_mta-sts.")).count(),
        written.toString());
    assertTrue(written.stream().noneMatch(FakeCloudflareApi.DnsRecord::proxied), "nothing is proxied: " + written);
  }

  private Optional<String> stsTxt() {
    return CloudflareStack.txt(lab, DOMAIN, "_mta-sts." + DOMAIN);
  }
}
