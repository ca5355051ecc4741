package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.sdk.engine.ProgramJar;
import io.github.mtasts.sdk.engine.PulumiCli;
import io.github.mtasts.sdk.engine.PulumiCli.CommandResult;
import io.github.mtasts.sdk.engine.program.MailDomainProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path a user takes, with the real Pulumi engine: a Java program using the SDK, run
 * by the Java language host from a prebuilt jar, served by the plugin {@code
 * pulumi-resource-mtasts} from this build (bin/), with a local file backend. Each step asserts
 * the exit code and what the stack holds afterwards; a secret provider token must appear in no
 * command output and nowhere in the exported state.
 */
class PulumiEngineIT {

  /** Every command starts JVMs (program, plugin); generous, bounded. */
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

  private static final String STACK = "e2e";

  private final Path repository = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private final String secretToken = "cf-token-" + UUID.randomUUID();
  private final List<CommandResult> transcript = new ArrayList<>();

  @TempDir Path work;

  private PulumiCli pulumi;

  @Test
  void policyLifecycleUnderTheRealEngine() throws IOException {
    Path pulumiBin = PulumiCli.install(repository);
    Path mtastsJar = repository.resolve("target/mtasts.jar");
    assertTrue(Files.isRegularFile(mtastsJar), "run after package: " + mtastsJar);
    Path project = Files.createDirectories(work.resolve("project"));
    Path programJar =
        ProgramJar.write(MailDomainProgram.class, List.of(mtastsJar), work.resolve("app.jar"));
    Files.writeString(project.resolve("Pulumi.yaml"), projectFile(programJar));
    pulumi =
        PulumiCli.forProject(
            pulumiBin, List.of(repository.resolve("bin")), project, work, "e2e-passphrase");

    ok("stack", "init", STACK);
    ok("config", "set", "mode", "testing");
    ok("config", "set", "mx", "mx1.example.com,*.mail.example.net");
    ok("config", "set", "maxAge", "604800");
    ok("config", "set", "rua", "mailto:tlsrpt@example.com");
    ok("config", "set", "--secret", "mtasts:cloudflareApiToken", secretToken);

    CommandResult preview = ok("preview");
    assertTrue(preview.output().contains("mtasts:index:Policy"), "preview names the Policy");

    ok("up", "--yes");
    JsonObject first = stackOutputs();
    assertEquals("testing", first.get("mode").getAsString());
    String firstId = first.get("policyId").getAsString();
    assertTrue(firstId.matches("[A-Za-z0-9]{1,32}"), "RFC 8461 §3.1 id: " + firstId);
    assertEquals("v=STSv1; id=" + firstId, first.get("stsRecord").getAsString());
    assertEquals("v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
        first.get("tlsRptRecord").getAsString());
    // The policy core renders the same canonical body and derives the same id.
    var expected = io.github.mtasts.policy.Policy.builder()
        .mode(Mode.TESTING).mx("mx1.example.com", "*.mail.example.net").maxAge(604800).build();
    assertEquals(expected.render(), first.get("body").getAsString());
    assertEquals(expected.id().value(), firstId);

    JsonObject state = exportedState();
    JsonObject defaultProvider = resource(state, "pulumi:providers:mtasts");
    // The default provider is named after the version the SDK asked for.
    assertTrue(defaultProvider.get("urn").getAsString().endsWith(
        "::default_" + MtastsPackage.version().replace('.', '_')), defaultProvider.toString());
    JsonElement storedToken = defaultProvider.getAsJsonObject("inputs").get("cloudflareApiToken");
    assertTrue(storedToken != null && storedToken.isJsonObject()
        && storedToken.getAsJsonObject().has("ciphertext"),
        "the token is stored encrypted: " + storedToken);

    // Bad input fails the preview, naming the property and the value.
    ok("config", "set", "mode", "enforced");
    CommandResult rejected = pulumi.run(COMMAND_TIMEOUT, "preview");
    transcript.add(rejected);
    assertNotEquals(0, rejected.exitCode(), "preview of an invalid mode must fail");
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

    ok("destroy", "--yes");
    JsonArray left = exportedState().getAsJsonObject("deployment").getAsJsonArray("resources");
    assertTrue(left == null || left.isEmpty(), "destroy leaves nothing: " + left);

    for (CommandResult result : transcript) {
      assertFalse(result.output().contains(secretToken), "the token leaked into command output");
    }
    ok("stack", "rm", "--yes");
  }

  private String projectFile(Path programJar) {
    return String.join("\n",
        "name: mtasts-e2e",
        "runtime:",
        "  name: java",
        "  options:",
        "    binary: " + programJar,
        "plugins:",
        "  providers:",
        "    - name: mtasts",
        "      path: " + repository.resolve("bin"),
        "");
  }

  private CommandResult ok(String... args) {
    CommandResult result = pulumi.run(COMMAND_TIMEOUT, args);
    transcript.add(result);
    assertEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }

  private JsonObject stackOutputs() {
    return JsonParser.parseString(ok("stack", "output", "--json").stdout()).getAsJsonObject();
  }

  private JsonObject exportedState() {
    String exported = ok("stack", "export").stdout();
    assertFalse(exported.contains(secretToken), "the token is in the state in clear text");
    return JsonParser.parseString(exported).getAsJsonObject();
  }

  private static JsonObject resource(JsonObject state, String type) {
    JsonArray resources = state.getAsJsonObject("deployment").getAsJsonArray("resources");
    return StreamSupport.stream(resources.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(r -> r.get("type").getAsString().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + resources));
  }
}
