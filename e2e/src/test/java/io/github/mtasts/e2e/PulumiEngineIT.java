package io.github.mtasts.e2e;

import io.github.mtasts.sdk.MtastsPackage;
import io.github.mtasts.sdk.Policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.testlab.ProgramJar;
import io.github.mtasts.testlab.PulumiCli;
import io.github.mtasts.testlab.Repository;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.e2e.program.MailDomainProgram;
import io.github.mtasts.testlab.VerifyLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a user takes, with the real Pulumi engine: a Java program using the SDK
 * ({@link MailDomainProgram}), run by the Java language host from a prebuilt jar, served by the
 * plugin {@code pulumi-resource-mtasts} of this build (bin/), with a local file backend. Each
 * step asserts the exit code and what the stack holds afterwards; a provider setting given as a
 * secret must appear in no command output and nowhere in the exported state.
 */
class PulumiEngineIT {

  /** Every command starts JVMs (program, plugin); generous, bounded. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  private static final Path REPOSITORY = Repository.root();

  private static Path pulumiBin;

  private final String secretEndpoint = "https://aws-" + UUID.randomUUID() + ".example.test";
  private final String explicitProviderEndpoint = "https://aws-" + UUID.randomUUID() + ".example.test";
  private final List<CommandResult> transcript = new ArrayList<>();

  @TempDir Path work;

  private PulumiCli pulumi;

  @BeforeAll
  static void installPulumi() {
    pulumiBin = PulumiCli.install(REPOSITORY);
  }

  @BeforeEach
  void createProject() throws IOException {
    Path mtastsJar = REPOSITORY.resolve("program/target/mtasts-program.jar");
    assertTrue(Files.isRegularFile(mtastsJar), "run after package: " + mtastsJar);
    Path project = Files.createDirectories(work.resolve("project"));
    Path programJar =
        ProgramJar.write(MailDomainProgram.class, List.of(mtastsJar), work.resolve("app.jar"));
    Files.writeString(project.resolve("Pulumi.yaml"), String.join("\n",
        "name: mtasts-e2e",
        "runtime:",
        "  name: java",
        "  options:",
        "    binary: " + programJar,
        "plugins:",
        "  providers:",
        "    - name: mtasts",
        "      path: " + REPOSITORY.resolve("bin"),
        ""));
    pulumi = PulumiCli.forProject(
        pulumiBin, List.of(REPOSITORY.resolve("bin")), project, work, "e2e-passphrase");
    ok("stack", "init", "e2e");
    ok("config", "set", "--secret", "mtasts:awsEndpoint", secretEndpoint);
  }

  @Test
  void policyLifecycle() {
    ok("config", "set", "mode", "testing");
    ok("config", "set", "mx", "mx1.example.com,*.mail.example.net");
    ok("config", "set", "maxAge", "604800");
    ok("config", "set", "rua", "mailto:tlsrpt@example.com");
    ok("config", "set", "--secret", "explicitProviderEndpoint", explicitProviderEndpoint);

    CommandResult preview = ok("preview");
    assertTrue(preview.output().contains("mtasts:index:Policy"), "preview names the Policy");

    ok("up", "--yes");
    JsonObject first = stackOutputs();
    assertEquals("testing", first.get("mode").getAsString());
    String firstId = first.get("policyId").getAsString();
    // The policy core renders the same canonical body and derives the same id.
    var expected = io.github.mtasts.policy.Policy.builder()
        .mode(Mode.TESTING).mx("mx1.example.com", "*.mail.example.net").maxAge(604800).build();
    assertEquals(expected.render(), first.get("body").getAsString());
    assertEquals(expected.id().value(), firstId);
    assertEquals("v=STSv1; id=" + firstId, first.get("stsRecord").getAsString());
    assertEquals("v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
        first.get("tlsRptRecord").getAsString());

    JsonObject state = exportedState();
    // The default provider is named after the version the SDK asked for.
    JsonObject defaultProvider = resource(state,
        "pulumi:providers:mtasts::default_" + MtastsPackage.version().replace('.', '_'));
    assertEncrypted(defaultProvider, "awsEndpoint");
    assertEncrypted(resource(state, "pulumi:providers:mtasts::explicit"), "awsEndpoint");
    assertEquals(
        resource(state, "pulumi:providers:mtasts::explicit").get("urn").getAsString() + "::"
            + resource(state, "pulumi:providers:mtasts::explicit").get("id").getAsString(),
        resource(state, "mtasts:index:Policy::explicit-provider").get("provider").getAsString(),
        "the policy declared with the explicit provider is served by it");

    // Bad input fails the preview, naming the property and the value.
    ok("config", "set", "mode", "enforced");
    CommandResult rejected = fails("preview");
    assertTrue(rejected.output().contains("mode") && rejected.output().contains("enforced"),
        "the error names the property and the value:\n" + rejected.output());

    ok("config", "set", "mode", "enforce");
    CommandResult diff = ok("preview", "--diff");
    assertTrue(diff.output().contains("~ mtasts:index:Policy"), "an in-place update");
    assertTrue(diff.output().matches("(?s).*mode\\s*:\\s*\"testing\"\\s*=>\\s*\"enforce\".*"),
        "the diff shows the changed mode");
    assertFalse(diff.output().contains("+- mtasts:index:Policy"), "never a replacement");

    ok("up", "--yes");
    JsonObject second = stackOutputs();
    assertEquals("enforce", second.get("mode").getAsString());
    assertNotEquals(firstId, second.get("policyId").getAsString(),
        "RFC 8461 §3.1: the id changes when the policy changes");

    ok("refresh", "--yes");
    assertEquals(second, stackOutputs(), "refresh reads back what up stored");
    ok("preview", "--expect-no-changes");

    destroyAndRemove();
  }

  @Test
  void verificationGatesTheUpdate() throws Exception {
    try (VerifyLab lab = VerifyLab.start()) {
      // enforce.test of the verifier's laboratory serves this policy from its HTTPS host,
      // announces it in DNS (Knot) and has a STARTTLS MX; the provider reaches the lab through
      // its own config, as a user would point it at a resolver and a private CA.
      ok("config", "set", "mtasts:verifyResolver", lab.resolver());
      ok("config", "set", "mtasts:verifyCaFile", lab.caFile().toString());
      ok("config", "set", "mode", "enforce");
      ok("config", "set", "mx", "mx.enforce.test");
      ok("config", "set", "maxAge", "604800");
      ok("config", "set", "rua", "mailto:tlsrpt@enforce.test");
      ok("config", "set", "verifyDomain", "enforce.test");
      ok("config", "set", "verifyTimeout", "5");
      ok("config", "set", "httpsPort", String.valueOf(lab.httpsPort()));
      ok("config", "set", "smtpPort", String.valueOf(lab.smtpPort()));

      int fetchesBefore = lab.policyHost("enforce.test").getRequestCount();
      ok("preview");
      assertEquals(fetchesBefore, lab.policyHost("enforce.test").getRequestCount(),
          "a preview verifies nothing");

      ok("up", "--yes");
      JsonObject passed = stackOutputs();
      assertTrue(passed.get("verified").getAsBoolean(), passed.toString());
      assertEquals(0, passed.get("errors").getAsInt());
      List<String> checks = strings(passed.getAsJsonArray("checks"));
      assertTrue(checks.contains("expect.policy:pass"), checks.toString());
      assertTrue(lab.policyHost("enforce.test").getRequestCount() > fetchesBefore,
          "the update fetched the live policy");

      // The program now asks for a testing policy while enforce.test still serves enforce:
      // the verification fails the update and says what differs.
      ok("config", "set", "mode", "testing");
      CommandResult failed = fails("up", "--yes");
      assertTrue(failed.output().contains("expect.policy"), failed.output());
      assertTrue(failed.output().contains("mode: testing") || failed.output().contains(
          "'mode: testing'"), "the message shows the expected line:\n" + failed.output());

      ok("config", "set", "mode", "enforce");
      ok("up", "--yes");
      assertTrue(stackOutputs().get("verified").getAsBoolean());
      destroyAndRemove();
    }
  }

  private void destroyAndRemove() {
    ok("destroy", "--yes");
    JsonArray left = exportedState().getAsJsonObject("deployment").getAsJsonArray("resources");
    assertTrue(left == null || left.isEmpty(), "destroy leaves nothing: " + left);
    for (CommandResult result : transcript) {
      for (String secret : List.of(secretEndpoint, explicitProviderEndpoint)) {
        assertFalse(result.output().contains(secret), "a secret setting leaked into command output");
      }
    }
    ok("stack", "rm", "--yes");
  }

  private CommandResult ok(String... args) {
    CommandResult result = pulumi.run(COMMAND_TIMEOUT, args);
    transcript.add(result);
    assertEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }

  private CommandResult fails(String... args) {
    CommandResult result = pulumi.run(COMMAND_TIMEOUT, args);
    transcript.add(result);
    assertNotEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " should have failed:\n" + result.output());
    return result;
  }

  private JsonObject stackOutputs() {
    return JsonParser.parseString(ok("stack", "output", "--json").stdout()).getAsJsonObject();
  }

  private JsonObject exportedState() {
    String exported = ok("stack", "export").stdout();
    for (String secret : List.of(secretEndpoint, explicitProviderEndpoint)) {
      assertFalse(exported.contains(secret), "a secret setting is in the state in clear text");
    }
    return JsonParser.parseString(exported).getAsJsonObject();
  }

  /** The resource whose URN ends with {@code type::name}. */
  private static JsonObject resource(JsonObject state, String typeAndName) {
    JsonArray resources = state.getAsJsonObject("deployment").getAsJsonArray("resources");
    return StreamSupport.stream(resources.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(r -> r.get("urn").getAsString().endsWith("::" + typeAndName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + typeAndName + " in " + resources));
  }

  private static void assertEncrypted(JsonObject resource, String input) {
    JsonElement stored = resource.getAsJsonObject("inputs").get(input);
    assertTrue(stored != null && stored.isJsonObject()
        && stored.getAsJsonObject().has("ciphertext"),
        input + " of " + resource.get("urn") + " is stored encrypted: " + stored);
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.getAsString()));
    return values;
  }
}
