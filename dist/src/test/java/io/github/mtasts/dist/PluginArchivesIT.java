package io.github.mtasts.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every platform's archive holds, at its root and as regular files, the launcher (executable)
 * and the plugin jar of this build, nothing else: what {@code pulumi plugin install resource
 * mtasts VERSION --file ARCHIVE} unpacks into the plugin's folder, which refuses symbolic links.
 */
class PluginArchivesIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String NAME = "pulumi-resource-mtasts";

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64", "windows-amd64"})
  void theArchiveHoldsTheLauncherAndTheJarAtItsRootAsRegularFiles(String platform) throws IOException {
    Path archive = archive(platform);
    assertTrue(Files.isRegularFile(archive), "run after package: " + archive);
    String launcher = platform.startsWith("windows") ? NAME + ".cmd" : NAME;

    // `tar -tv` lists the type and mode first: "-rwxr-xr-x root/root 4740 2026-01-01 10:00 NAME".
    CommandResult listing = CommandResult.run(work, List.of("tar", "-tvzf", archive.toString()), Map.of(), TIMEOUT);
    assertEquals(0, listing.exitCode(), listing.output());
    Map<String, String> modes = new TreeMap<>();
    listing.stdout().lines().map(line -> line.split("\\s+")).forEach(f -> modes.put(f[f.length - 1], f[0]));
    assertEquals(Map.of(launcher, "-rwxr-xr-x", NAME + ".jar", "-rw-r--r--"), modes, listing.stdout());

    CommandResult unpacking = CommandResult.run(work, List.of("tar", "-xzf", archive.toString()), Map.of(), TIMEOUT);
    assertEquals(0, unpacking.exitCode(), unpacking.output());
    assertArrayEquals(Files.readAllBytes(Repository.resolve("bin/" + launcher)), Files.readAllBytes(work.resolve(launcher)),
        "the launcher of bin/");
    assertArrayEquals(Files.readAllBytes(Repository.resolve("provider/target/" + NAME + ".jar")),
        Files.readAllBytes(work.resolve(NAME + ".jar")), "the plugin jar of this build");
  }

  /**
   * The archive of one platform, as Pulumi names it.
   *
   * @param platform for example {@code linux-amd64}
   * @return its path in this module's target folder
   */
  static Path archive(String platform) {
    return Repository.resolve("dist/target/" + NAME + "-v" + System.getProperty("mtasts.version") + "-" + platform + ".tar.gz");
  }
}
