package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.reports.HostileCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mtasts reports} over the hostile inputs of the reports module's tests, in a JVM whose
 * heap is capped far below their sizes: each is rejected with its reason, and nothing runs out of
 * memory.
 */
class ReportsHostileInputTest {
  @TempDir static Path dir;
  static HostileCorpus corpus;

  @BeforeAll
  static void makeCorpus() throws IOException {
    corpus = HostileCorpus.write(dir);
  }

  @Test
  void theCommandLineRejectsTheWholeCorpusWithin48MegabytesOfHeap()
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx48m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"),
        "io.github.mtasts.cli.Main", "reports"));
    for (Path file : List.of(corpus.gzipBomb(), corpus.hugeJson(), corpus.deepNesting(),
        corpus.invalidUtf8(), corpus.traversalZip())) {
      command.add(file.toString());
    }
    Path output = dir.resolve("cli.out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the command line did not finish");
    String out = Files.readString(output);
    assertEquals(1, process.exitValue(), out);
    assertFalse(out.contains("OutOfMemoryError"), out);
    assertTrue(out.contains("read: 1 report, 0 duplicates not counted again, 0 messages without "
        + "a report, 7 rejected"), out);
    assertTrue(out.contains("rejected " + corpus.gzipBomb() + ": the decompressed report is larger"), out);
    assertTrue(out.contains("rejected " + corpus.hugeJson() + ": the report is larger"), out);
    assertTrue(out.contains("rejected " + corpus.deepNesting() + ": x: the JSON under x is nested"), out);
    assertTrue(out.contains("rejected " + corpus.invalidUtf8() + ": the input is not valid UTF-8"), out);
    assertTrue(out.contains("rejected " + corpus.traversalZip() + "!../../etc/cron.d/report.json"), out);
  }
}
