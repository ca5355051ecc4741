package io.github.mtasts.e2e;

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
import io.github.mtasts.testlab.Repository;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * One mail domain's whole life with the real Pulumi engine against moto: the repository's own
 * {@code Pulumi.yaml} (the config-driven program in {@code program/target/mtasts-program.jar}, the plugin
 * in {@code bin/}) deploys MTA-STS in testing mode, moves to enforce mode, and is destroyed; and so
 * does the same program written in Pulumi YAML ({@code yaml-program/Pulumi.yaml} of the test
 * resources), whose {@code mtasts:index:MtaSts} the provider declares through {@code Construct}:
 * both get the same children, order, records and verifications. The YAML program runs as a user's
 * would: from a folder outside the repository, with no {@code plugins:} block, against the plugin
 * installed from this build's archive into the test's own Pulumi home.
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

  @TempDir Path work;

  private AwsFixture aws;
  private AwsLab lab;
  private Stack stack;
  private final List<Observation> observations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void installPulumi() {
    pulumiBin = Stack.install(REPOSITORY);
  }

  /** The two programs that declare the domain's MtaSts. */
  enum Program {
    /** The repository's Pulumi.yaml: the Java program, which declares the component itself. */
    JAVA,
    /**
     * The same program in Pulumi YAML, against the plugin installed from its archive: the
     * provider declares the component (Construct).
     */
    YAML;

    /** The project file, its relative paths made absolute. */
    String projectFile() throws IOException {
      return this == JAVA ? Stack.rootProjectFile(REPOSITORY)
          : Stack.resourceFile("/yaml-program/Pulumi.yaml");
    }
  }

  @BeforeEach
  void takeFixture(AwsFixture aws) {
    this.aws = aws;
  }

  private void createProject(Program program) throws Exception {
    // The laboratory reads moto directly; the plugin goes through the recording proxy.
    lab = AwsLab.start(aws.moto.endpoint(), work, List.of(DOMAIN));
    lab.edge().onServe((host, body) -> observations.add(new Observation(body, stsTxt())));
    String projectFile = program.projectFile();
    stack = program == Program.JAVA
        ? Stack.create(pulumiBin, REPOSITORY, work, projectFile, COMMAND_TIMEOUT)
        : Stack.createWithInstalledPlugin(pulumiBin, work, projectFile, COMMAND_TIMEOUT);
  }

  @AfterEach
  void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Program.class)
  void testingThenEnforceThenDestroy(Program program) throws Exception {
    createProject(program);
    List<String> zoneBefore = lab.zoneListing(DOMAIN);

    // Bad stack config fails the preview, by key, before anything is declared.
    stack.ok("config", "set", "domain", DOMAIN);
    stack.ok("config", "set", "mode", "testing");
    stack.ok("config", "set", "maxAge", "a week");
    CommandResult rejected = stack.fails("preview");
    if (program == Program.JAVA) {
      assertTrue(rejected.output().contains("config maxAge: 'a week' is not a whole number"),
          rejected.output());
      assertTrue(rejected.output().contains("config route53ZoneId is required"),
          rejected.output());
      // Once, from the engine: not again as the Java SDK's log line on standard error.
      assertEquals(1, rejected.output().split("config maxAge: 'a week' is not a whole number", -1).length - 1,
          rejected.output());
      assertFalse(rejected.output().contains("SEVERE") || rejected.output().contains("SLF4J"), rejected.output());
    } else {
      // Pulumi YAML checks its declared config before the program runs: required keys first.
      assertTrue(rejected.output().contains("missing configuration values"), rejected.output());
      assertTrue(rejected.output().contains("route53ZoneId"), rejected.output());
    }
    assertEquals(zoneBefore, lab.zoneListing(DOMAIN), "nothing was declared");

    configure();
    stack.ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject first = stack.outputs();
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
    stack.ok("config", "set", "mode", "enforce");
    int callsBefore = aws.proxy.exchanges().size();
    stack.ok("preview", "--diff");
    assertEquals(callsBefore, aws.proxy.exchanges().size(), "a preview calls no AWS operation");
    JsonObject preview = JsonParser.parseString(stack.ok("preview", "--json").stdout())
        .getAsJsonObject();
    Set<String> expected = new TreeSet<>(Stack.enforceSteps(NAME,
        "mtasts:aws:PolicySite::" + NAME + "-site", "mtasts:aws:Record::" + NAME + "-sts"));
    // The same steps for both programs: the engine plans a component (local or constructed by
    // the provider) as "same" and shows the changes of its children.
    assertEquals(expected, Stack.changedSteps(preview), preview.toString());
    assertEquals(List.of("policy"), Stack.diffReasons(preview, "mtasts:aws:PolicySite"),
        "only the served policy changes on the site");
    assertEquals(List.of("values"), Stack.diffReasons(preview, "mtasts:aws:Record"));

    int servedBefore = observations.size();
    stack.ok("up", "--yes");
    Policy enforce = policy(Mode.ENFORCE);
    JsonObject second = stack.outputs();
    assertEquals(enforce.id().value(), second.get("policyId").getAsString());
    assertNotEquals(first.get("policyId"), second.get("policyId"));
    assertDeployed(enforce);
    // RFC 8461 §3.1: the new body was live while the record still announced the old id.
    Observation firstEnforce = observations.subList(servedBefore, observations.size()).stream()
        .filter(o -> o.body().equals(enforce.render())).findFirst().orElseThrow();
    assertEquals(Optional.of("\"v=STSv1; id=" + testing.id().value() + "\""),
        firstEnforce.stsTxt(), observations.toString());
    assertEquals(List.of(), lab.edge().refusals(), "the edge refused nothing");
    stack.ok("preview", "--expect-no-changes");

    // MX preflight: a new MX host that no pattern covers fails enforce mode, warns in testing.
    lab.route53().changeResourceRecordSets(b -> b.hostedZoneId(lab.zoneId(DOMAIN))
        .changeBatch(c -> c.changes(ch -> ch.action(ChangeAction.UPSERT).resourceRecordSet(r -> r
            .name(DOMAIN).type(RRType.MX).ttl(300L).resourceRecords(
                v -> v.value("10 " + MX + "."), v -> v.value("20 backup.elsewhere.test."))))));
    CommandResult refused = stack.fails("preview");
    assertTrue(refused.output().contains("backup.elsewhere.test")
        && refused.output().contains("RFC 8461 §4.1"), refused.output());
    stack.ok("config", "set", "mode", "testing");
    CommandResult warned = stack.ok("preview");
    assertTrue(warned.output().contains("warning") && warned.output().contains(
        "backup.elsewhere.test"), warned.output());
    lab.change(lab.zoneId(DOMAIN), ChangeAction.UPSERT, DOMAIN, RRType.MX, "10 " + MX + ".");

    stack.ok("destroy", "--yes");
    assertEquals(zoneBefore, lab.zoneListing(DOMAIN),
        "the zone holds what it held before the first up");
    assertEquals(List.of(), lab.s3().listBuckets().buckets(), "no bucket is left");
    assertEquals(List.of(), lab.cloudFront().listDistributions(b -> { }).distributionList()
        .items(), "no distribution is left");
    assertEquals(List.of(), lab.acm().listCertificates(b -> { }).certificateSummaryList(),
        "no certificate is left");
    JsonArray left = stack.resources();
    assertTrue(left.isEmpty(), "destroy leaves nothing in the state: " + left);
    stack.ok("stack", "rm", "--yes");
  }

  private void configure() {
    stack.ok("config", "set", "mtasts:awsEndpoint", aws.proxy.endpoint());
    stack.ok("config", "set", "mtasts:awsRegion", "us-east-1");
    stack.ok("config", "set", "mtasts:verifyResolver", lab.resolver());
    stack.ok("config", "set", "mtasts:verifyCaFile", lab.caFile().toString());
    stack.ok("config", "set", "mx", MX);
    stack.ok("config", "set", "maxAge", String.valueOf(MAX_AGE));
    stack.ok("config", "set", "rua", RUA);
    stack.ok("config", "set", "route53ZoneId", lab.zoneId(DOMAIN));
    stack.ok("config", "set", "verifyTimeout", "60");
    stack.ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    stack.ok("config", "set", "verifySmtpPort", String.valueOf(lab.smtpPort()));
  }

  private static Policy policy(Mode mode) {
    return Policy.builder().mode(mode).mx(MX).maxAge(MAX_AGE).build();
  }

  /** What moto holds after an up: the records, the certificate, the object behind the site. */
  private void assertDeployed(Policy policy) {
    assertEquals(List.of("\"v=STSv1; id=" + policy.id().value() + "\""),
        lab.values(DOMAIN, "_mta-sts." + DOMAIN, "TXT"));
    assertEquals(List.of("\"v=TLSRPTv1; rua=" + RUA + "\""),
        lab.values(DOMAIN, "_smtp._tls." + DOMAIN, "TXT"));
    String distributionDomain = lab.cloudFront().listDistributions(b -> { }).distributionList()
        .items().get(0).domainName();
    assertEquals(List.of(distributionDomain),
        lab.values(DOMAIN, "mta-sts." + DOMAIN, "CNAME").stream().map(v -> v.replaceAll("\\.$", ""))
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
    JsonArray resources = stack.resources();
    JsonObject sts = Stack.resource(resources, "mtasts:aws:Record::" + NAME + "-sts").orElseThrow();
    JsonObject check = Stack.resource(resources, "mtasts:index:Verification::" + NAME
        + "-verify-policy-host").orElseThrow();
    assertTrue(Stack.strings(sts.getAsJsonArray("dependencies")).contains(
        check.get("urn").getAsString()), sts.toString());
  }

  private Optional<String> stsTxt() {
    return lab.values(DOMAIN, "_mta-sts." + DOMAIN, "TXT").stream().findFirst();
  }
}
