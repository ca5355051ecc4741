package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void helpExitsZero() {
    assertEquals(0, Main.execute("--help"));
  }

  @Test
  void versionExitsZero() {
    // What it prints comes from the jar's manifest: MainJarIT checks it on the packaged jar.
    assertEquals(0, CliRun.run("--version").exit());
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
