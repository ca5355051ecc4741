package io.github.mtasts.reports;

import io.github.mtasts.policy.ParseResult;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a report payload as it is attached, posted or saved: JSON, gzip of JSON (RFC 8460 §5.3:
 * {@code application/tlsrpt+json}, {@code application/tlsrpt+gzip}), or a zip archive of those,
 * told apart by their first bytes rather than their names. Every layer is bounded by {@link
 * Limits}; a damaged or oversized payload is a {@link Outcome.Rejected}, not an exception.
 */
public final class Payloads {
  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private Payloads() {}

  /**
   * Reads the reports of one payload.
   *
   * @param in the payload; read up to {@link Limits#maxReportBytes()} after decompression
   * @param source names the payload in outcomes
   * @param limits the bounds
   * @return one outcome, or one per entry of a zip archive
   * @throws IOException when the stream itself cannot be read (not when its content is bad)
   */
  public static List<Outcome> read(InputStream in, String source, Limits limits)
      throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in);
    if (startsWith(buffered, ZIP)) {
      return zip(buffered, source, limits);
    }
    return List.of(single(buffered, source, limits));
  }

  /** A JSON report, plain or gzip-compressed. */
  private static Outcome single(BufferedInputStream in, String source, Limits limits)
      throws IOException {
    boolean gzip = startsWith(in, GZIP);
    String what = gzip ? "the decompressed report" : "the report";
    // Closed at once: an inflater holds native memory until it ends.
    try (InputStream json = new BoundedInputStream(gzip ? new GZIPInputStream(in, 8192) : in,
        limits.maxReportBytes(), what)) {
      ParseResult<TlsReport> parsed = ReportParser.parse(json, limits);
      return parsed.value().<Outcome>map(r -> new Outcome.Read(source, r))
          .orElseGet(() -> new Outcome.Rejected(source, parsed.errors()));
    } catch (LimitExceededException e) {
      return Outcome.Rejected.of(source, e.getMessage() + ": rejected, as no real report comes "
          + "near that size.");
    } catch (ZipException | EOFException e) {
      return Outcome.Rejected.of(source, "the gzip data is damaged (" + e.getMessage() + ").");
    }
  }

  private static List<Outcome> zip(InputStream in, String source, Limits limits)
      throws IOException {
    List<Outcome> out = new ArrayList<>();
    ZipInputStream zip = new ZipInputStream(in);
    int entries = 0;
    try {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        String entrySource = source + "!" + name;
        if (++entries > limits.maxZipEntries()) {
          out.add(Outcome.Rejected.of(source, "the zip archive has more than "
              + limits.maxZipEntries() + " entries: the rest is not read."));
          break;
        }
        String unsafe = unsafeName(name);
        if (unsafe != null) {
          out.add(Outcome.Rejected.of(entrySource, "the zip entry name '" + name + "' " + unsafe
              + ": a report archive holds plain file names, so this archive is rejected as "
              + "hostile (path traversal)."));
          continue;
        }
        if (entry.isDirectory()) {
          continue;
        }
        BufferedInputStream entryStream = new BufferedInputStream(new FilterInputStream(zip) {
          @Override
          public void close() {
            // The archive goes on after this entry.
          }
        });
        if (startsWith(entryStream, ZIP)) {
          out.add(Outcome.Rejected.of(entrySource, "the zip archive holds another zip archive: "
              + "reports are JSON or gzip files."));
          continue;
        }
        out.add(single(entryStream, entrySource, limits));
      }
    } catch (ZipException | EOFException e) {
      out.add(Outcome.Rejected.of(source, "the zip archive is damaged (" + e.getMessage() + ")."));
    }
    return out;
  }

  /** Why a zip entry name is unsafe to use as a file name, or null when it is a plain name. */
  private static String unsafeName(String name) {
    String slashed = name.replace('\\', '/');
    if (slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*")) {
      return "is an absolute path";
    }
    for (String part : slashed.split("/")) {
      if (part.equals("..")) {
        return "climbs out of its folder with '..'";
      }
    }
    if (name.chars().anyMatch(c -> c < ' ')) {
      return "contains control characters";
    }
    return null;
  }

  private static boolean startsWith(BufferedInputStream in, byte[] magic) throws IOException {
    in.mark(magic.length);
    try {
      for (byte b : magic) {
        if (in.read() != (b & 0xff)) {
          return false;
        }
      }
      return true;
    } finally {
      in.reset();
    }
  }

  /**
   * Whether a MIME type names a report (RFC 8460 §5.3, §6: the two registered media types).
   *
   * @param mimeType a base type in lower case, without parameters
   * @return true for {@code application/tlsrpt+gzip} and {@code application/tlsrpt+json}
   */
  static boolean isReportType(String mimeType) {
    return mimeType.equals("application/tlsrpt+gzip") || mimeType.equals("application/tlsrpt+json");
  }
}
