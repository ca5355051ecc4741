package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mtasts.ProjectVersion;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpExitsZero() {
    assertEquals(0, Main.execute("--help"));
  }

  @Test
  void versionIsTheVersionThePluginReports() {
    CliRun run = CliRun.run("--version");
    assertEquals(0, run.exit());
    assertEquals("mtasts " + ProjectVersion.get(), run.out().strip());
  }

  @Test
  void missingCommandIsUsageError() {
    assertEquals(Main.EXIT_USAGE, Main.execute());
  }

  @Test
  void unknownOptionIsUsageError() {
    assertEquals(Main.EXIT_USAGE, Main.execute("--no-such-option"));
  }
}
