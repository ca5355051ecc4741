package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/mtasts} records a class data sharing archive of a command at that command's first
 * run after a build, starts with it afterwards, and neither run prints anything of the JVM's.
 */
class LauncherIT {
  private static final Path LAUNCHER = Repository.resolve("bin/mtasts");
  private static final Path TARGET = Repository.resolve("cli/target");

  /** What one run printed. */
  private record Run(int exit, String stdout, String stderr) {}

  @Test
  void theFirstRunOfACommandRecordsItsArchiveAndLaterRunsStartWithIt() throws Exception {
    for (Path old : archives("render")) {
      Files.delete(old);
    }
    Run first = render();
    List<Path> recorded = archives("render");
    assertEquals(1, recorded.size(), "one archive for render: " + recorded);
    assertTrue(Files.getLastModifiedTime(recorded.get(0)).compareTo(
        Files.getLastModifiedTime(TARGET.resolve("mtasts.jar"))) > 0, "newer than the jar it belongs to");
    Run second = render();
    assertEquals(new Run(0, first.stdout(), ""), first, "the recording run");
    assertEquals(first, second, "the run with the archive prints the same, and nothing of the JVM's");
    assertEquals(recorded, archives("render"), "the archive is used, not recorded again");
  }

  private static Run render() throws IOException, InterruptedException {
    Process process = new ProcessBuilder(LAUNCHER.toString(), "render", "--mode", "enforce", "--mx", "mx1.example.com",
        "--max-age", "604800").redirectError(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bin/mtasts render did not end");
    return new Run(process.exitValue(), out, err);
  }

  private static List<Path> archives(String command) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(TARGET, "mtasts-" + command + "-*.jsa")) {
      files.forEach(found::add);
    }
    return found;
  }
}
