package io.github.mtasts.sdks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.Folders;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Go SDK builds and passes {@code go vet} with the modules its go.mod and go.sum pin, and
 * records the plugin version it asks the engine for (in its default resource options and its
 * plugin descriptor).
 */
class GoSdkTest {
  /** The first build compiles the Pulumi Go SDK: minutes on two cores. */
  private static final Duration TIMEOUT = Duration.ofMinutes(20);
  /** The checked-in module as it is: no go.mod or go.sum changes, no toolchain download. */
  private static final Map<String, String> GO = Map.of("GOFLAGS", "-mod=readonly", "GOTOOLCHAIN", "local");

  @TempDir Path work;

  @Test
  void theGoSdkBuildsAndPassesVetWithThePluginVersion() throws IOException {
    Path sdk = Folders.copy(Repository.resolve("sdks/go"), work.resolve("go"));
    Commands.succeed(sdk, GO, TIMEOUT, "go", "build", "./...");
    Commands.succeed(sdk, GO, TIMEOUT, "go", "vet", "./...");

    String version = System.getProperty("mtasts.version");
    String utilities = Files.readString(sdk.resolve("mtasts/internal/pulumiUtilities.go"));
    assertTrue(utilities.contains("semver.MustParse(\"" + version + "\")"), utilities);
    String plugin = Files.readString(sdk.resolve("mtasts/pulumi-plugin.json"));
    assertTrue(plugin.contains("\"version\": \"" + version + "\""), plugin);
  }
}
