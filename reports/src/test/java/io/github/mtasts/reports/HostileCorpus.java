package io.github.mtasts.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile inputs written to a folder: a gzip bomb (1 GiB once decompressed), a 100 MiB JSON
 * report, nesting a million levels deep, Latin-1 bytes where UTF-8 is due, and a zip whose entry
 * names climb out of their folder (beside one good entry).
 *
 * @param gzipBomb about 1 MiB of gzip that decompresses to 1 GiB
 * @param hugeJson a report of more than 100 MiB
 * @param deepNesting a million nested arrays
 * @param invalidUtf8 the RFC example with Latin-1 bytes
 * @param traversalZip three entries whose names climb out, and one good report
 */
public record HostileCorpus(Path gzipBomb, Path hugeJson, Path deepNesting, Path invalidUtf8,
    Path traversalZip) {
  private static final long MIB = 1 << 20;

  /**
   * Writes the inputs.
   *
   * @param dir an empty folder
   * @return where each input is
   * @throws IOException when the folder cannot be written
   */
  public static HostileCorpus write(Path dir) throws IOException {
    Path gzipBomb = dir.resolve("bomb.json.gz");
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(
        Files.newOutputStream(gzipBomb)), 1 << 16)) {
      out.write("{\"organization-name\":\"".getBytes(StandardCharsets.US_ASCII));
      byte[] zeros = new byte[1 << 20];
      java.util.Arrays.fill(zeros, (byte) 'a');
      for (int i = 0; i < 1024; i++) { // 1 GiB once decompressed
        out.write(zeros);
      }
    }
    Path hugeJson = dir.resolve("huge.json");
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
    Path deepNesting = dir.resolve("deep.json");
    Files.writeString(deepNesting, "{\"organization-name\":\"Org\",\"x\":" + "[".repeat(1_000_000)
        + "]".repeat(1_000_000) + "}");
    Path invalidUtf8 = dir.resolve("latin1.json");
    byte[] report = Corpus.RFC_EXAMPLE.replace("Company-X", "Soci\u00e9t\u00e9-X")
        .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(invalidUtf8, report);
    Path traversalZip = dir.resolve("traversal.zip");
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
    return new HostileCorpus(gzipBomb, hugeJson, deepNesting, invalidUtf8, traversalZip);
  }
}
