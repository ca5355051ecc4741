package io.github.mtasts.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A folder of received reports, one JSON file per report, which {@link ReportSources} reads back.
 * Storing is idempotent: the file name derives from the organisation and the report-id (RFC 8460
 * §4.4), and a report whose file exists is not written again, even when two copies arrive at once.
 */
public final class ReportStore {
  private final Path folder;

  /**
   * Opens a store, creating the folder when missing.
   *
   * @param folder where the reports go
   * @throws IOException when the folder cannot be created
   */
  public ReportStore(Path folder) throws IOException {
    this.folder = Files.createDirectories(folder);
  }

  /**
   * Stores a report unless it is stored already.
   *
   * @param report the parsed report, whose key names the file
   * @param json the report as received, decompressed
   * @return true when it was stored now, false when it was there already
   * @throws IOException when it cannot be written
   */
  public boolean store(TlsReport report, byte[] json) throws IOException {
    Path target = folder.resolve(fileName(report.key()));
    if (Files.exists(target)) {
      return false;
    }
    Path temporary = Files.createTempFile(folder, ".incoming-", ".tmp");
    try {
      Files.write(temporary, json);
      // A hard link is created atomically and never replaces: of two copies, one wins.
      Files.createLink(target, temporary);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** {@code <sha-256 of organisation NUL report-id>.json}: safe whatever the sender wrote. */
  static String fileName(TlsReport.Key key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((key.organization() + "\0" + key.reportId())
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest) + ".json";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
