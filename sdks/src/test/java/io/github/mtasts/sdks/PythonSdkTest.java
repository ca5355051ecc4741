package io.github.mtasts.sdks;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The Python SDK builds into a wheel and installs without the network, and every module imports
 * against the pinned Pulumi Python SDK and reports the plugin version. Its package build reads a
 * README.md beside pyproject.toml, which Pulumi's own providers' builds copy there from the
 * package folder's README.
 */
class PythonSdkTest {
  private static final Path PYTHON = Repository.resolve(".tools/python/bin/python");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path work;

  @Test
  void thePythonSdkInstallsAndImportsWithThePluginVersion() throws IOException {
    Path sdk = Folders.copy(Repository.resolve("sdks/python"), work.resolve("python"));
    Files.copy(sdk.resolve("pulumi_mtasts/README.md"), sdk.resolve("README.md"));
    Path site = work.resolve("site-packages");
    Commands.succeed(work, Map.of(), TIMEOUT, PYTHON.toString(), "-m", "pip", "install", "--quiet",
        "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "--no-index",
        "--target", site.toString(), sdk.toString());

    String imported = Commands.succeed(work, Map.of("PYTHONPATH", site.toString()), TIMEOUT, PYTHON.toString(), "-c",
        String.join("\n",
            "import pulumi_mtasts, pulumi_mtasts.aws, pulumi_mtasts.config",
            "kinds = [pulumi_mtasts.Policy, pulumi_mtasts.Verification, pulumi_mtasts.Provider,",
            "         pulumi_mtasts.aws.Record, pulumi_mtasts.aws.Certificate,",
            "         pulumi_mtasts.aws.CertificateValidation, pulumi_mtasts.aws.PolicySite]",
            "print(' '.join(type(k).__name__ for k in kinds), pulumi_mtasts.aws.RecordType.TXT.value,",
            "      pulumi_mtasts._utilities.get_version())"))
        .stdout().strip();
    assertEquals("type type type type type type type TXT " + System.getProperty("mtasts.version"), imported);
  }
}
