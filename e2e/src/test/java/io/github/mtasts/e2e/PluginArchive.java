package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The plugin archive this build made for the machine the tests run on ({@code dist} module). */
final class PluginArchive {
  /** The version the build gave the plugin, as {@code pulumi plugin install} wants it. */
  static final String VERSION = System.getProperty("mtasts.version");

  private PluginArchive() {}

  /** {@code dist/target/pulumi-resource-mtasts-vVERSION-OS-ARCH.tar.gz}, which must exist. */
  static Path forThisMachine() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : "linux";
    String arch = switch (System.getProperty("os.arch")) {
      case "aarch64", "arm64" -> "arm64";
      default -> "amd64";
    };
    Path archive = Repository.resolve(
        "dist/target/pulumi-resource-mtasts-v" + VERSION + "-" + os + "-" + arch + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), "run after package: " + archive);
    return archive;
  }
}
