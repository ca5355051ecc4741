package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, generated here: each is rejected with its reason, after reading no more than
 * the limits allow, and the whole set is read by the command line in a JVM whose heap is capped
 * far below the inputs' sizes.
 */
class HostileInputTest {
  private static final long MIB = 1 << 20;

  @TempDir static Path dir;
  static Path gzipBomb;
  static Path hugeJson;
  static Path deepNesting;
  static Path invalidUtf8;
  static Path traversalZip;

  @BeforeAll
  static void makeCorpus() throws IOException {
    gzipBomb = dir.resolve("bomb.json.gz");
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(
        Files.newOutputStream(gzipBomb)), 1 << 16)) {
      out.write("{\"organization-name\":\"".getBytes(StandardCharsets.US_ASCII));
      byte[] zeros = new byte[1 << 20];
      java.util.Arrays.fill(zeros, (byte) 'a');
      for (int i = 0; i < 1024; i++) { // 1 GiB once decompressed
        out.write(zeros);
      }
    }
    hugeJson = dir.resolve("huge.json");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(hugeJson), 1 << 16)) {
      out.write(("{\"organization-name\":\"Org\",\"report-id\":\"huge\",\"date-range\":{"
          + "\"start-datetime\":\"2024-04-01T00:00:00Z\",\"end-datetime\":\"2024-04-01T23:59:59Z\"},"
          + "\"policies\":[{\"policy\":{\"policy-type\":\"sts\",\"policy-domain\":\"example.com\"},"
          + "\"summary\":{\"total-successful-session-count\":1,\"total-failure-session-count\":1},"
          + "\"failure-details\":[").getBytes(StandardCharsets.US_ASCII));
      byte[] detail = ("{\"result-type\":\"validation-failure\",\"receiving-mx-hostname\":"
          + "\"mx.example.com\",\"failed-session-count\":1},").getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < 100 * MIB; written += detail.length) {
        out.write(detail);
      }
      out.write("{}]}]}".getBytes(StandardCharsets.US_ASCII));
    }
    deepNesting = dir.resolve("deep.json");
    Files.writeString(deepNesting, "{\"organization-name\":\"Org\",\"x\":" + "[".repeat(1_000_000)
        + "]".repeat(1_000_000) + "}");
    invalidUtf8 = dir.resolve("latin1.json");
    byte[] report = Corpus.RFC_EXAMPLE.replace("Company-X", "Soci\u00e9t\u00e9-X")
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(invalidUtf8, report);
    traversalZip = dir.resolve("traversal.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(traversalZip))) {
      for (String name : List.of("../../etc/cron.d/report.json", "/tmp/absolute.json",
          "ok/..\\..\\windows.json", "fine.json")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Corpus.report("Org " + name, "id-" + name.length(),
            java.time.LocalDate.of(2024, 4, 1)).sts("example.com", List.of("mx.example.com"), 1, 0)
            .bytes());
        zip.closeEntry();
      }
    }
  }

  /** Counts the bytes read from the file: what the reader took of the hostile input. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }

  private static Outcome readOne(Path file, Counting[] counted) throws IOException {
    try (Counting in = new Counting(Files.newInputStream(file))) {
      counted[0] = in;
      List<Outcome> outcomes = Payloads.read(in, file.toString(), Limits.DEFAULT);
      assertEquals(1, outcomes.size(), outcomes::toString);
      return outcomes.get(0);
    }
  }

  private static String reason(Outcome outcome) {
    return assertInstanceOf(Outcome.Rejected.class, outcome).problems().get(0).message();
  }

  @Test
  void aGzipBombIsRejectedOnceItsDecompressedSizePassesTheLimit() throws IOException {
    Counting[] counted = new Counting[1];
    String reason = reason(readOne(gzipBomb, counted));
    assertTrue(reason.startsWith("the decompressed report is larger than 8388608 bytes"), reason);
    // The compressed file is about 1 MiB for 1 GiB of content: only its start was read.
    assertTrue(counted[0].count < Files.size(gzipBomb), counted[0].count + " bytes read");
  }

  @Test
  void aHundredMegabyteJsonIsRejectedAfterReadingNoMoreThanTheLimit() throws IOException {
    Counting[] counted = new Counting[1];
    String reason = reason(readOne(hugeJson, counted));
    assertTrue(reason.startsWith("the report is larger than 8388608 bytes"), reason);
    assertTrue(Files.size(hugeJson) > 100 * MIB);
    assertTrue(counted[0].count <= Limits.DEFAULT.maxReportBytes() + 64 * 1024,
        counted[0].count + " bytes read");
  }

  @Test
  void deepNestingIsRejectedAtTheDepthLimitNamingTheField() throws IOException {
    Counting[] counted = new Counting[1];
    Outcome outcome = readOne(deepNesting, counted);
    Outcome.Rejected rejected = assertInstanceOf(Outcome.Rejected.class, outcome);
    assertEquals("x", rejected.problems().get(0).field());
    assertTrue(rejected.problems().get(0).message().contains("nested more than 32 levels"),
        rejected.problems().toString());
    assertTrue(counted[0].count < Files.size(deepNesting), counted[0].count + " bytes read");
  }

  @Test
  void invalidUtf8IsRejectedAsSuch() throws IOException {
    String reason = reason(readOne(invalidUtf8, new Counting[1]));
    assertTrue(reason.startsWith("the input is not valid UTF-8"), reason);
  }

  @Test
  void zipEntriesWhoseNamesClimbOutOfTheirFolderAreRejectedAndTheOthersRead() throws IOException {
    List<Outcome> outcomes;
    try (InputStream in = Files.newInputStream(traversalZip)) {
      outcomes = Payloads.read(in, "traversal.zip", Limits.DEFAULT);
    }
    assertEquals(4, outcomes.size());
    assertTrue(reason(outcomes.get(0)).contains("'../../etc/cron.d/report.json' climbs out"));
    assertTrue(reason(outcomes.get(1)).contains("is an absolute path"));
    assertTrue(reason(outcomes.get(2)).contains("climbs out of its folder"));
    assertEquals("traversal.zip!fine.json",
        assertInstanceOf(Outcome.Read.class, outcomes.get(3)).source());
  }

  @Test
  void aZipEntryThatDecompressesPastTheLimitIsRejected() throws IOException {
    byte[] big = " ".repeat((int) (9 * MIB)).getBytes(StandardCharsets.US_ASCII);
    byte[] archive = Corpus.zip("big.json", big);
    List<Outcome> outcomes = Payloads.read(new java.io.ByteArrayInputStream(archive), "big.zip",
        Limits.DEFAULT);
    assertTrue(reason(outcomes.get(0)).startsWith("the report is larger than 8388608 bytes"));
  }

  @Test
  void theCommandLineRejectsTheWholeCorpusWithin48MegabytesOfHeap()
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx48m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"),
        "io.github.mtasts.cli.Main", "reports"));
    for (Path file : List.of(gzipBomb, hugeJson, deepNesting, invalidUtf8, traversalZip)) {
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
    assertTrue(out.contains("rejected " + gzipBomb + ": the decompressed report is larger"), out);
    assertTrue(out.contains("rejected " + hugeJson + ": the report is larger"), out);
    assertTrue(out.contains("rejected " + deepNesting + ": x: the JSON under x is nested"), out);
    assertTrue(out.contains("rejected " + invalidUtf8 + ": the input is not valid UTF-8"), out);
    assertTrue(out.contains("rejected " + traversalZip + "!../../etc/cron.d/report.json"), out);
  }
}
