package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.aws.PolicySites;
import io.github.mtasts.aws.RecordSet;
import io.github.mtasts.aws.RecordSetId;
import io.github.mtasts.aws.RecordType;
import io.github.mtasts.aws.Route53Records;
import io.github.mtasts.e2e.program.AwsSiteProgram;
import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.ProgramJar;
import io.github.mtasts.testlab.PulumiCli;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import io.github.mtasts.wait.WaitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS resources with the real Pulumi engine: {@link AwsSiteProgram} run by the Java language
 * host, served by the plugin of this build, against moto (Route 53, ACM, S3, CloudFront) behind
 * the recording proxy, which the stack's {@code mtasts:awsEndpoint} points at. It shows what the
 * gRPC tests cannot: that the engine records the partial state of a policy site refused part way
 * and completes it on the next {@code pulumi up}, that {@code pulumi import} with the id an
 * error names adopts an existing record set so that the program then has nothing to change, and
 * that a refresh reads everything back unchanged.
 */
@ExtendWith(MotoExtension.class)
class AwsEngineIT {

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  private static final Path REPOSITORY = Repository.root();
  private static final String DISTRIBUTIONS = "/2020-05-31/distribution";
  private static final String TLS_RPT = "v=TLSRPTv1; rua=mailto:tlsrpt@example.com";

  private static Path pulumiBin;

  @TempDir Path work;

  private PulumiCli pulumi;

  @BeforeAll
  static void installPulumi() {
    pulumiBin = PulumiCli.install(REPOSITORY);
  }

  @Test
  void aSiteRefusedPartWayIsCompletedByTheNextUpAndAnExistingRecordIsImported(AwsFixture aws) throws IOException {
    String zoneId = aws.createHostedZone("example.com");
    createProject();
    ok("config", "set", "mtasts:awsEndpoint", aws.proxy.endpoint());
    ok("config", "set", "mtasts:awsRegion", "us-east-1");
    ok("config", "set", "zoneId", zoneId);
    ok("config", "set", "domain", "example.com");

    int before = aws.proxy.exchanges().size();
    CommandResult preview = ok("preview");
    assertTrue(preview.output().contains("mtasts:aws:PolicySite"), preview.output());
    assertEquals(before, aws.proxy.exchanges().size(), "a preview calls no AWS operation");

    // Credentials without cloudfront:CreateDistribution: the site stops after bucket and OAC.
    aws.proxy.failFirst(FaultProxy.request("POST", DISTRIBUTIONS), 1,
        FaultProxy.xmlAccessDenied("cloudfront:CreateDistribution"));
    CommandResult refused = fails("up", "--yes");
    assertTrue(refused.output().contains("AccessDenied") && refused.output().contains("cloudfront:CreateDistribution"),
        refused.output());
    JsonObject partial = resource(exportedState(), "mtasts:aws:PolicySite::site").orElseThrow();
    assertTrue(partial.has("initErrors") && !partial.getAsJsonArray("initErrors").isEmpty(), partial.toString());
    assertTrue(partial.getAsJsonObject("outputs").has("oacId"), partial.toString());
    assertFalse(partial.getAsJsonObject("outputs").has("distributionId"), partial.toString());
    assertEquals(Optional.empty(), resource(exportedState(), "mtasts:aws:Record::sts"),
        "the _mta-sts record waits for a complete site");

    ok("up", "--yes");
    JsonObject outputs = stackOutputs();
    assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt", outputs.get("policyUrl").getAsString());
    assertEquals("ISSUED", outputs.get("certificateStatus").getAsString());
    JsonObject site = resource(exportedState(), "mtasts:aws:PolicySite::site").orElseThrow();
    assertFalse(site.has("initErrors") && !site.getAsJsonArray("initErrors").isEmpty(), site.toString());
    assertEquals(partial.getAsJsonObject("outputs").get("oacId"), site.getAsJsonObject("outputs").get("oacId"));
    assertTrue(new PolicySites(aws.clients).read("mta-sts-example-com").orElseThrow().complete());
    assertEquals(1, aws.proxy.matching("POST", DISTRIBUTIONS).stream().filter(e -> e.status() / 100 == 2).count(),
        "one distribution, made by the update that completed the site");
    Route53Records records = new Route53Records(aws.clients);
    assertEquals(List.of(outputs.get("distributionDomainName").getAsString()),
        records.read(RecordSetId.parse(zoneId + "/mta-sts.example.com/CNAME")).orElseThrow().values());
    assertTrue(records.read(RecordSetId.parse(zoneId + "/_mta-sts.example.com/TXT")).isPresent());
    ok("preview", "--expect-no-changes");

    // A TLS-RPT record someone published by hand: the create refuses, naming the import.
    records.create(RecordSet.builder().zoneId(zoneId).name("_smtp._tls.example.com").type(RecordType.TXT)
        .values(TLS_RPT).build(), WaitOptions.defaults(message -> { }));
    // Route 53 refuses a CREATE of an existing name and type; moto would overwrite it.
    aws.proxy.failFirst(r -> r.getBody() != null && r.getBody().utf8().contains("<Action>CREATE</Action>")
        && r.getBody().utf8().contains("_smtp._tls.example.com."), 1,
        FaultProxy.route53AlreadyExists("_smtp._tls.example.com.", "TXT"));
    ok("config", "set", "tlsRpt", TLS_RPT);
    CommandResult exists = fails("up", "--yes");
    String importId = zoneId + "/_smtp._tls.example.com/TXT";
    assertTrue(exists.output().contains("pulumi import mtasts:aws:Record tls-rpt " + importId), exists.output());

    ok("import", "mtasts:aws:Record", "tls-rpt", importId, "--yes", "--protect=false");
    CommandResult clean = ok("preview", "--expect-no-changes", "--diff");
    assertFalse(clean.output().contains("tls-rpt") && clean.output().contains("~ "), clean.output());

    // A refresh reads every resource back as it was made: still nothing to change.
    ok("refresh", "--yes");
    ok("preview", "--expect-no-changes");

    ok("destroy", "--yes");
    JsonArray left = exportedState().getAsJsonObject("deployment").getAsJsonArray("resources");
    assertTrue(left == null || left.isEmpty(), "destroy leaves nothing: " + left);
    assertEquals(Optional.empty(), new PolicySites(aws.clients).read("mta-sts-example-com"));
    assertEquals(Optional.empty(), records.read(RecordSetId.parse(importId)));
    ok("stack", "rm", "--yes");
  }

  private void createProject() throws IOException {
    Path mtastsJar = REPOSITORY.resolve("program/target/mtasts-program.jar");
    assertTrue(Files.isRegularFile(mtastsJar), "run after package: " + mtastsJar);
    Path project = Files.createDirectories(work.resolve("project"));
    Path programJar = ProgramJar.write(AwsSiteProgram.class, List.of(mtastsJar), work.resolve("app.jar"));
    Files.writeString(project.resolve("Pulumi.yaml"), String.join("\n",
        "name: mtasts-aws-e2e",
        "runtime:",
        "  name: java",
        "  options:",
        "    binary: " + programJar,
        "plugins:",
        "  providers:",
        "    - name: mtasts",
        "      path: " + REPOSITORY.resolve("bin"),
        ""));
    // moto's test credentials, where the AWS SDK's default chain looks first.
    pulumi = PulumiCli.forProject(pulumiBin, List.of(REPOSITORY.resolve("bin")), project, work, "e2e-passphrase")
        .withEnvironment(Map.of(
            "AWS_ACCESS_KEY_ID", "AKIAMOTOTESTKEY",
            "AWS_SECRET_ACCESS_KEY", "moto-test-secret",
            "AWS_EC2_METADATA_DISABLED", "true"));
    ok("stack", "init", "e2e");
  }

  private CommandResult ok(String... args) {
    CommandResult result = pulumi.run(COMMAND_TIMEOUT, args);
    assertEquals(0, result.exitCode(), () -> "pulumi " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }

  private CommandResult fails(String... args) {
    CommandResult result = pulumi.run(COMMAND_TIMEOUT, args);
    assertNotEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " should have failed:\n" + result.output());
    return result;
  }

  private JsonObject stackOutputs() {
    return JsonParser.parseString(ok("stack", "output", "--json").stdout()).getAsJsonObject();
  }

  private JsonObject exportedState() {
    return JsonParser.parseString(ok("stack", "export").stdout()).getAsJsonObject();
  }

  /** The resource whose URN ends with {@code ::TYPE::NAME}, as the state holds it. */
  private static Optional<JsonObject> resource(JsonObject state, String typeAndName) {
    JsonArray resources = state.getAsJsonObject("deployment").getAsJsonArray("resources");
    if (resources == null) {
      return Optional.empty();
    }
    return StreamSupport.stream(resources.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(r -> r.get("urn").getAsString().endsWith("::" + typeAndName))
        .findFirst();
  }
}
