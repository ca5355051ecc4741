package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.testlab.PulumiCli;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a user installs it: {@code pulumi plugin install resource mtasts VERSION --file
 * ARCHIVE} from this build's archive for this machine into a fresh Pulumi home, then a Pulumi
 * YAML program in a folder outside the repository, with no {@code plugins:} block and nothing of
 * the repository on PATH, declares a {@code mtasts:index:Policy} and is previewed, deployed and
 * destroyed by the real engine with a local state folder.
 */
class InstalledPluginIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final String VERSION = PluginArchive.VERSION;

  @TempDir Path work;

  @Test
  void aProgramAnywhereUsesThePluginInstalledFromItsArchive() throws IOException {
    Path repository = Repository.root();
    Path project = Files.createDirectories(work.resolve("policy-anywhere"));
    assertFalse(project.toAbsolutePath().startsWith(repository), "the program lives outside the repository");
    Files.writeString(project.resolve("Pulumi.yaml"), String.join("\n",
        "name: policy-anywhere",
        "runtime: yaml",
        "resources:",
        "  policy:",
        "    type: mtasts:index:Policy",
        "    properties:",
        "      mode: enforce",
        "      mx:",
        "        - mx1.example.com",
        "      maxAge: 604800",
        "outputs:",
        "  stsRecord: ${policy.stsRecord}",
        "  body: ${policy.body}",
        ""));
    // No plugin folders on PATH; ambient plugins ignored, so only the installed one can serve.
    PulumiCli pulumi = PulumiCli.forProject(PulumiCli.install(repository), List.of(), project, work, "anywhere")
        .withEnvironment(Map.of("PULUMI_IGNORE_AMBIENT_PLUGINS", "true"));

    ok(pulumi, "plugin", "install", "resource", "mtasts", VERSION, "--file", PluginArchive.forThisMachine().toString());
    JsonElement plugins = JsonParser.parseString(ok(pulumi, "plugin", "ls", "--json").stdout());
    assertTrue(StreamSupport.stream(plugins.getAsJsonArray().spliterator(), false).map(JsonElement::getAsJsonObject)
        .anyMatch(p -> p.get("name").getAsString().equals("mtasts") && p.get("kind").getAsString().equals("resource")
            && p.get("version").getAsString().equals(VERSION)), plugins.toString());

    ok(pulumi, "stack", "init", "anywhere");
    CommandResult preview = ok(pulumi, "preview");
    assertTrue(preview.output().contains("mtasts:index:Policy"), preview.output());
    ok(pulumi, "up", "--yes");
    JsonObject outputs = JsonParser.parseString(ok(pulumi, "stack", "output", "--json").stdout()).getAsJsonObject();
    assertTrue(outputs.get("stsRecord").getAsString().matches("v=STSv1; id=[a-z0-9]{1,32}"), outputs.toString());
    assertEquals("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n",
        outputs.get("body").getAsString());
    ok(pulumi, "preview", "--expect-no-changes");
    ok(pulumi, "destroy", "--yes");
  }

  private static CommandResult ok(PulumiCli pulumi, String... args) {
    CommandResult result = pulumi.run(TIMEOUT, args);
    assertEquals(0, result.exitCode(), () -> "pulumi " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }
}
