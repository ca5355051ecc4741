package io.github.mtasts.e2e;

import io.github.mtasts.sdk.Verification;
import io.github.mtasts.testlab.Route53DnsFront;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.AwsLab;
import io.github.mtasts.testlab.CloudFrontEdge;
import io.github.mtasts.testlab.PulumiCli;
import io.github.mtasts.testlab.Repository;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One mail domain's whole life with the real Pulumi engine against moto: the repository's own
 * {@code Pulumi.yaml} (the config-driven program in {@code program/target/mtasts-program.jar}, the plugin
 * in {@code bin/}) deploys MTA-STS in testing mode, moves to enforce mode, and is destroyed.
 *
 * <p>What stands in for AWS, and where it differs from it:
 *
 * <ul>
 *   <li>moto serves the Route 53, ACM, S3 and CloudFront APIs. It issues a requested certificate
 *       after {@code MOTO_ACM_VALIDATION_WAIT} seconds whether or not the validation CNAME exists
 *       (real ACM issues once the CNAME resolves publicly); a Route 53 change is INSYNC at once
 *       (real: within about a minute); a distribution is Deployed at the first read and an
 *       invalidation completes at once (real: minutes).
 *   <li>Senders would ask the public DNS: here {@link io.github.mtasts.testlab.Route53DnsFront}
 *       answers every query from moto's Route 53 at the moment it is asked, and resolves a
 *       distribution's {@code *.cloudfront.net} name to the edge below.
 *   <li>moto serves no CloudFront traffic: {@link CloudFrontEdge} serves what the distribution
 *       would, reading the object from moto's S3 only when the bucket policy admits the
 *       distribution; its TLS certificate comes from a test CA (ACM keys never leave AWS), which
 *       the verifier is told to trust, and it listens on a high port instead of 443.
 *   <li>The domain's existing MX host is a STARTTLS SMTP server on loopback, on a high port
 *       instead of 25.
 * </ul>
 */
@ExtendWith(MotoExtension.class)
class MtaStsAwsIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
  private static final Path REPOSITORY = Repository.root();
  private static final String DOMAIN = "e2e-mail.test";
  private static final String NAME = "e2e-mail-test";
  private static final String MX = "mx1." + DOMAIN;
  private static final String RUA = "mailto:tlsrpt@" + DOMAIN;
  private static final long MAX_AGE = 86400;

  private static Path pulumiBin;

  /** What DNS announced each time the edge served a policy body. */
  private record Observation(String body, Optional<String> stsTxt) {}

  @TempDir Path work;

  private AwsFixture aws;
  private AwsLab lab;
  private PulumiCli pulumi;
  private final List<Observation> observations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void installPulumi() {
    pulumiBin = PulumiCli.install(REPOSITORY);
  }

  @BeforeEach
  void createProject(AwsFixture aws) throws Exception {
    assertTrue(Files.isRegularFile(REPOSITORY.resolve("program/target/mtasts-program.jar")),
        "run after package: program/target/mtasts-program.jar");
    this.aws = aws;
    // The laboratory reads moto directly; the plugin goes through the recording proxy.
    lab = AwsLab.start(aws.moto.endpoint(), work, List.of(DOMAIN));
    lab.edge().onServe((host, body) -> observations.add(new Observation(body, stsTxt())));
    Path project = Files.createDirectories(work.resolve("project"));
    Files.writeString(project.resolve("Pulumi.yaml"), Stacks.rootProjectFile());
    Path awsConfig = work.resolve("no-aws-config");
    pulumi = PulumiCli.forProject(pulumiBin, List.of(REPOSITORY.resolve("bin")), project, work,
            "e2e-passphrase")
        .withEnvironment(Map.of(
            // moto takes any key; the files keep a developer's own AWS profile out of the test.
            "AWS_ACCESS_KEY_ID", AwsLab.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY", AwsLab.SECRET_KEY,
            "AWS_CONFIG_FILE", awsConfig.toString(),
            "AWS_SHARED_CREDENTIALS_FILE", awsConfig.toString(),
            "AWS_EC2_METADATA_DISABLED", "true"));
    ok("stack", "init", "e2e");
  }

  @AfterEach
  void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void testingThenEnforceThenDestroy() {
    List<String> zoneBefore = describe(lab.recordSets(DOMAIN));

    // Bad stack config fails the preview, by key, before anything is declared.
    ok("config", "set", "domain", DOMAIN);
    ok("config", "set", "mode", "testing");
    ok("config", "set", "maxAge", "a week");
    CommandResult rejected = fails("preview");
    assertTrue(rejected.output().contains("config maxAge: 'a week' is not a whole number"),
        rejected.output());
    assertTrue(rejected.output().contains("config route53ZoneId is required"),
        rejected.output());

    configure();
    ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject first = stackOutputs();
    assertEquals("https://mta-sts." + DOMAIN + "/.well-known/mta-sts.txt",
        first.get("policyUrl").getAsString());
    assertEquals(testing.render(), first.get("policyBody").getAsString());
    assertEquals(testing.id().value(), first.get("policyId").getAsString());
    assertEquals("v=STSv1; id=" + testing.id().value(), first.get("stsRecord").getAsString());
    assertEquals("v=TLSRPTv1; rua=" + RUA, first.get("tlsRptRecord").getAsString());
    assertEquals(0, first.getAsJsonObject("verification").get("errors").getAsInt(),
        first.toString());
    assertDeployed(testing);
    // RFC 8461 §3.1: the policy host served the body before any _mta-sts record existed.
    assertFalse(observations.isEmpty(), "the verifications fetched the policy");
    assertEquals(Optional.empty(), observations.get(0).stsTxt(), observations.toString());
    assertEquals(List.of(), lab.edge().refusals(), "the edge refused nothing");
    assertStsDependsOnThePolicyHostVerification();

    // testing -> enforce changes exactly the policy, the served object, the verifications and
    // the _mta-sts record.
    ok("config", "set", "mode", "enforce");
    int callsBefore = aws.proxy.exchanges().size();
    ok("preview", "--diff");
    assertEquals(callsBefore, aws.proxy.exchanges().size(), "a preview calls no AWS operation");
    JsonObject preview = JsonParser.parseString(ok("preview", "--json").stdout())
        .getAsJsonObject();
    assertEquals(Set.of(
        "update mtasts:index:Policy::" + NAME + "-policy",
        "update mtasts:aws:PolicySite::" + NAME + "-site",
        "update mtasts:index:Verification::" + NAME + "-verify-policy-host",
        "update mtasts:aws:Record::" + NAME + "-sts",
        "update mtasts:index:Verification::" + NAME + "-verify-all"), Stacks.changedSteps(preview),
        preview.toString());
    assertEquals(List.of("policy"), Stacks.diffReasons(preview, "mtasts:aws:PolicySite"),
        "only the served policy changes on the site");
    assertEquals(List.of("values"), Stacks.diffReasons(preview, "mtasts:aws:Record"));

    int servedBefore = observations.size();
    ok("up", "--yes");
    Policy enforce = policy(Mode.ENFORCE);
    JsonObject second = stackOutputs();
    assertEquals(enforce.id().value(), second.get("policyId").getAsString());
    assertNotEquals(first.get("policyId"), second.get("policyId"));
    assertDeployed(enforce);
    // RFC 8461 §3.1: the new body was live while the record still announced the old id.
    Observation firstEnforce = observations.subList(servedBefore, observations.size()).stream()
        .filter(o -> o.body().equals(enforce.render())).findFirst().orElseThrow();
    assertEquals(Optional.of("\"v=STSv1; id=" + testing.id().value() + "\""),
        firstEnforce.stsTxt(), observations.toString());
    assertEquals(List.of(), lab.edge().refusals(), "the edge refused nothing");
    ok("preview", "--expect-no-changes");

    // MX preflight: a new MX host that no pattern covers fails enforce mode, warns in testing.
    lab.route53().changeResourceRecordSets(b -> b.hostedZoneId(lab.zoneId(DOMAIN))
        .changeBatch(c -> c.changes(ch -> ch.action(ChangeAction.UPSERT).resourceRecordSet(r -> r
            .name(DOMAIN).type(RRType.MX).ttl(300L).resourceRecords(
                v -> v.value("10 " + MX + "."), v -> v.value("20 backup.elsewhere.test."))))));
    CommandResult refused = fails("preview");
    assertTrue(refused.output().contains("backup.elsewhere.test")
        && refused.output().contains("RFC 8461 §4.1"), refused.output());
    ok("config", "set", "mode", "testing");
    CommandResult warned = ok("preview");
    assertTrue(warned.output().contains("warning") && warned.output().contains(
        "backup.elsewhere.test"), warned.output());
    lab.change(lab.zoneId(DOMAIN), ChangeAction.UPSERT, DOMAIN, RRType.MX, "10 " + MX + ".");

    ok("destroy", "--yes");
    assertEquals(zoneBefore, describe(lab.recordSets(DOMAIN)),
        "the zone holds what it held before the first up");
    assertEquals(List.of(), lab.s3().listBuckets().buckets(), "no bucket is left");
    assertEquals(List.of(), lab.cloudFront().listDistributions(b -> { }).distributionList()
        .items(), "no distribution is left");
    assertEquals(List.of(), lab.acm().listCertificates(b -> { }).certificateSummaryList(),
        "no certificate is left");
    JsonArray left = JsonParser.parseString(ok("stack", "export").stdout()).getAsJsonObject()
        .getAsJsonObject("deployment").getAsJsonArray("resources");
    assertTrue(left == null || left.isEmpty(), "destroy leaves nothing in the state: " + left);
    ok("stack", "rm", "--yes");
  }

  private void configure() {
    ok("config", "set", "mtasts:awsEndpoint", aws.proxy.endpoint());
    ok("config", "set", "mtasts:awsRegion", "us-east-1");
    ok("config", "set", "mtasts:verifyResolver", lab.resolver());
    ok("config", "set", "mtasts:verifyCaFile", lab.caFile().toString());
    ok("config", "set", "mx", MX);
    ok("config", "set", "maxAge", String.valueOf(MAX_AGE));
    ok("config", "set", "rua", RUA);
    ok("config", "set", "route53ZoneId", lab.zoneId(DOMAIN));
    ok("config", "set", "verifyTimeout", "60");
    ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    ok("config", "set", "verifySmtpPort", String.valueOf(lab.smtpPort()));
  }

  private static Policy policy(Mode mode) {
    return Policy.builder().mode(mode).mx(MX).maxAge(MAX_AGE).build();
  }

  /** What moto holds after an up: the records, the certificate, the object behind the site. */
  private void assertDeployed(Policy policy) {
    List<ResourceRecordSet> sets = lab.recordSets(DOMAIN);
    assertEquals(List.of("\"v=STSv1; id=" + policy.id().value() + "\""),
        values(sets, "_mta-sts." + DOMAIN, "TXT"));
    assertEquals(List.of("\"v=TLSRPTv1; rua=" + RUA + "\""),
        values(sets, "_smtp._tls." + DOMAIN, "TXT"));
    String distributionDomain = lab.cloudFront().listDistributions(b -> { }).distributionList()
        .items().get(0).domainName();
    assertEquals(List.of(distributionDomain),
        values(sets, "mta-sts." + DOMAIN, "CNAME").stream().map(v -> v.replaceAll("\\.$", ""))
            .toList());
    var certificates = lab.acm().listCertificates(b -> { }).certificateSummaryList();
    assertEquals(1, certificates.size(), certificates.toString());
    assertEquals("mta-sts." + DOMAIN, certificates.get(0).domainName());
    assertEquals("ISSUED", certificates.get(0).statusAsString());
    var bucket = lab.s3().listBuckets().buckets().get(0).name();
    var object = lab.s3().getObjectAsBytes(b -> b.bucket(bucket).key(".well-known/mta-sts.txt"));
    assertEquals(policy.render(), object.asUtf8String());
    GetObjectResponse metadata = object.response();
    assertTrue(metadata.contentType().startsWith("text/plain"), metadata.contentType());
  }

  /** The _mta-sts record depends on the policy-host verification in the stored state. */
  private void assertStsDependsOnThePolicyHostVerification() {
    JsonArray resources = JsonParser.parseString(ok("stack", "export").stdout())
        .getAsJsonObject().getAsJsonObject("deployment").getAsJsonArray("resources");
    assertTrue(Stacks.dependsOn(resources, "mtasts:aws:Record::" + NAME + "-sts",
        "mtasts:index:Verification::" + NAME + "-verify-policy-host"), resources.toString());
  }

  private Optional<String> stsTxt() {
    return values(lab.recordSets(DOMAIN), "_mta-sts." + DOMAIN, "TXT").stream().findFirst();
  }

  private static List<String> values(List<ResourceRecordSet> sets, String name, String type) {
    return sets.stream()
        .filter(s -> s.name().replaceAll("\\.$", "").equals(name) && s.typeAsString().equals(type))
        .flatMap(s -> s.resourceRecords().stream().map(ResourceRecord::value))
        .toList();
  }

  private static List<String> describe(List<ResourceRecordSet> sets) {
    return sets.stream().map(s -> s.name() + " " + s.typeAsString() + " "
        + s.resourceRecords().stream().map(ResourceRecord::value).toList()).sorted().toList();
  }

  private JsonObject stackOutputs() {
    return JsonParser.parseString(ok("stack", "output", "--json").stdout()).getAsJsonObject();
  }

  private CommandResult ok(String... args) {
    CommandResult result = pulumi.run(COMMAND_TIMEOUT, args);
    assertEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }

  private CommandResult fails(String... args) {
    CommandResult result = pulumi.run(COMMAND_TIMEOUT, args);
    assertNotEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " should have failed:\n" + result.output());
    return result;
  }
}
