package io.github.mtasts.reports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads reports from the file system: a file, a folder (recursively), a Maildir, an mbox.
 *
 * <p>What a file is comes from its first bytes: gzip, zip, JSON (an object, maybe after a byte
 * order mark), an mbox ({@code From } line), or an e-mail message (a header line, or the name
 * {@code .eml}). A folder holding {@code cur} and {@code new} is a Maildir: only the messages in
 * those two are read. Names that start with a dot are passed over in folders (Maildir++
 * sub-folders, editors' files). Messages of a mailbox that carry no report are {@link
 * Outcome.Skipped}; a file that is none of these is {@link Outcome.Rejected}.
 */
public final class ReportSources {
  private static final int HEAD = 512;
  // RFC 5322 §2.2: a header field name is printable ASCII except ':', followed by ':'.
  private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:.*", Pattern.DOTALL);

  private final Limits limits;

  /**
   * Creates a reader.
   *
   * @param limits bounds on every input
   */
  public ReportSources(Limits limits) {
    this.limits = limits;
  }

  /**
   * Reads every report under a path.
   *
   * @param path a file or folder
   * @param sink receives each outcome, in a stable order (names sorted)
   * @throws IOException when a file or folder cannot be read
   */
  public void read(Path path, Consumer<Outcome> sink) throws IOException {
    if (Files.isDirectory(path)) {
      folder(path, sink);
    } else {
      file(path, sink);
    }
  }

  private void folder(Path folder, Consumer<Outcome> sink) throws IOException {
    if (isMaildir(folder)) {
      for (String sub : List.of("cur", "new")) {
        for (Path file : sorted(folder.resolve(sub))) {
          if (Files.isRegularFile(file)) {
            message(file, sink);
          }
        }
      }
      return;
    }
    for (Path child : sorted(folder)) {
      if (child.getFileName().toString().startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(child)) {
        folder(child, sink);
      } else if (Files.isRegularFile(child)) {
        file(child, sink);
      }
    }
  }

  private static boolean isMaildir(Path folder) {
    return Files.isDirectory(folder.resolve("cur")) && Files.isDirectory(folder.resolve("new"));
  }

  private static List<Path> sorted(Path folder) throws IOException {
    try (Stream<Path> children = Files.list(folder)) {
      return children.sorted().toList();
    }
  }

  private void file(Path file, Consumer<Outcome> sink) throws IOException {
    byte[] head = new byte[HEAD];
    int length;
    try (InputStream in = Files.newInputStream(file)) {
      length = in.readNBytes(head, 0, HEAD);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (Mbox.looksLikeMbox(head, length)) {
      mbox(file, sink);
    } else if (name.endsWith(".eml") || looksLikeMessage(head, length)) {
      message(file, sink);
    } else {
      try (InputStream in = Files.newInputStream(file)) {
        Payloads.read(in, file.toString(), limits).forEach(sink);
      }
    }
  }

  /** A JSON report starts with '{' (maybe after a BOM and space); a message with a header. */
  private static boolean looksLikeMessage(byte[] head, int length) {
    String text = new String(head, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    return HEADER_LINE.matcher(text).matches() && !text.startsWith("{");
  }

  private void message(Path file, Consumer<Outcome> sink) throws IOException {
    int limit = (int) Math.min(limits.maxMessageBytes(), Integer.MAX_VALUE - 8);
    byte[] message;
    try (InputStream in = Files.newInputStream(file)) {
      message = in.readNBytes(limit + 1);
    }
    if (message.length > limit) {
      sink.accept(Outcome.Rejected.of(file.toString(), "the message is larger than " + limit
          + " bytes: rejected."));
      return;
    }
    MailReports.fromBytes(message, file.toString(), limits).forEach(sink);
  }

  private void mbox(Path file, Consumer<Outcome> sink) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      Mbox.split(in, limits.maxMessageBytes(), (number, message) -> {
        String source = file + ", message " + number;
        if (message == null) {
          sink.accept(Outcome.Rejected.of(source, "the message is larger than "
              + limits.maxMessageBytes() + " bytes: rejected unread."));
        } else {
          MailReports.fromBytes(message, source, limits).forEach(sink);
        }
      });
    }
  }
}
