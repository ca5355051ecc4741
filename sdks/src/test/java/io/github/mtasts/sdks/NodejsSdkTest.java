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
 * The Node.js SDK compiles with {@code tsc} against the pinned Pulumi Node.js SDK, and the
 * compiled package loads in Node and reports the plugin version, as it would once published: its
 * build copies package.json beside the compiled code, as Pulumi's own providers' builds do.
 */
class NodejsSdkTest {
  private static final Path TOOLS = Repository.resolve(".tools/nodejs/node_modules");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  @TempDir Path work;

  @Test
  void theNodejsSdkCompilesWithTscAndLoadsWithThePluginVersion() throws IOException {
    Path sdk = Folders.copy(Repository.resolve("sdks/nodejs"), work.resolve("nodejs"));
    Files.createSymbolicLink(sdk.resolve("node_modules"), TOOLS);

    Commands.succeed(sdk, Map.of(), TIMEOUT, TOOLS.resolve(".bin/tsc").toString(), "-p", "tsconfig.json");
    Files.copy(sdk.resolve("package.json"), sdk.resolve("bin/package.json"));

    String loaded = Commands.succeed(sdk, Map.of(), TIMEOUT, "node", "-e", String.join("\n",
        "const mtasts = require('./bin');",
        "const kinds = [mtasts.Policy, mtasts.Verification, mtasts.Provider, mtasts.aws.Record,",
        "  mtasts.aws.Certificate, mtasts.aws.CertificateValidation, mtasts.aws.PolicySite].map(c => typeof c);",
        "console.log(kinds.join(' '), mtasts.aws.RecordType.TXT, require('./bin/utilities').getVersion());"))
        .stdout().strip();
    assertEquals("function function function function function function function TXT "
        + System.getProperty("mtasts.version"), loaded);
  }
}
