package io.github.mtasts.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Empty;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a plugin installed from its archive runs it: from the folder it was unpacked
 * into, with the jar beside it, and nothing of the repository around it.
 */
class LauncherIT {
  private static final String NAME = "pulumi-resource-mtasts";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir Path work;
  private Path plugin;

  @BeforeEach
  void unpack() throws IOException {
    plugin = Files.createDirectories(work.resolve("plugin"));
    CommandResult unpacking = CommandResult.run(plugin,
        List.of("tar", "-xzf", PluginArchivesIT.archive("linux-amd64").toString()), Map.of(), TIMEOUT);
    assertEquals(0, unpacking.exitCode(), unpacking.output());
  }

  @Test
  void fromAReadOnlyFolderThePluginPrintsOnlyItsPortAndWritesNothing() throws Exception {
    Path home = Files.createDirectories(work.resolve("home"));
    Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      RunningPlugin running = RunningPlugin.start(plugin.resolve(NAME), Map.of("HOME", home.toString()));
      try (running) {
        assertTrue(running.process().portLine().matches("[0-9]+"), running.process().portLine());
        assertEquals(System.getProperty("mtasts.version"),
            running.provider().getPluginInfo(Empty.getDefaultInstance()).getVersion());
      }
      assertEquals("", running.process().restOfStdout());
    } finally {
      Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertEquals(Set.of(NAME, NAME + ".jar"), names(plugin), "nothing written beside the launcher");
    assertEquals(Set.of(), names(home), "nothing written in the home folder");
  }

  @Test
  void withoutJavaTheLauncherSaysHowToGetItAndPrintsNoPort() throws IOException {
    // The commands the launcher runs before it looks for Java, and no java among them.
    Path tools = Files.createDirectories(work.resolve("tools"));
    for (String tool : List.of("dirname", "readlink", "sed", "head")) {
      Files.createSymbolicLink(tools.resolve(tool), which(tool));
    }
    CommandResult run = launch(Map.of("PATH", tools.toString(), "JAVA_HOME", ""));
    assertEquals(2, run.exitCode(), run.output());
    assertEquals("", run.stdout());
    assertTrue(run.stderr().contains("needs Java 17 or newer and found none")
        && run.stderr().contains("set JAVA_HOME"), run.stderr());
  }

  @Test
  void anOlderJavaIsRefusedWithItsVersionNamedByItsReleaseFile() throws IOException {
    Path javaHome = fakeJava("java version \"11.0.22\" 2024-01-16");
    Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"11.0.22\"\n");
    assertRefused(javaHome, "Java 11");
  }

  @Test
  void anOlderJavaWithoutReleaseFileIsRefusedWithTheVersionItReports() throws IOException {
    assertRefused(fakeJava("java version \"1.8.0_292\""), "Java 8");
  }

  private void assertRefused(Path javaHome, String named) {
    CommandResult run = launch(Map.of("JAVA_HOME", javaHome.toString()));
    assertEquals(2, run.exitCode(), run.output());
    assertEquals("", run.stdout(), "no port, and the old Java was never started");
    assertTrue(run.stderr().contains("needs Java 17 or newer, and " + javaHome.resolve("bin/java") + " is " + named),
        run.stderr());
  }

  /** A Java home whose java only reports a version, on stderr as Java does; never a port. */
  private Path fakeJava(String versionLine) throws IOException {
    Path bin = Files.createDirectories(work.resolve("old-java/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nif [ \"$1\" = -version ]; then echo '" + versionLine + "' >&2; exit 0; fi\n"
        + "echo 'started anyway'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin.getParent();
  }

  private CommandResult launch(Map<String, String> env) {
    return CommandResult.run(work, List.of(plugin.resolve(NAME).toString(), "127.0.0.1:1"), env, TIMEOUT);
  }

  private static Path which(String command) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(command + " is not on PATH");
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
    }
  }
}
