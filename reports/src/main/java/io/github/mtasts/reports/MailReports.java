package io.github.mtasts.reports;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.StreamProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * Finds the report attachments of an e-mail message (RFC 8460 §5.3.1): parts of type {@code
 * application/tlsrpt+gzip} or {@code application/tlsrpt+json}, at any depth of {@code
 * multipart/*} (the RFC's {@code multipart/report}) or inside a forwarded message. Parts of a
 * generic type ({@code application/gzip}, {@code application/json}, {@code application/zip},
 * {@code application/octet-stream}) count when their file name ends in {@code .json}, {@code
 * .gz} or {@code .zip}, as some senders label them.
 */
final class MailReports {
  private static final Session SESSION = Session.getInstance(new Properties());
  private static final Set<String> GENERIC_TYPES = Set.of("application/gzip",
      "application/x-gzip", "application/json", "application/zip", "application/x-zip-compressed",
      "application/octet-stream");
  private static final Pattern REPORT_FILE = Pattern.compile("(?i).*\\.(json|gz|zip)");
  private static final int MAX_NESTING = 10;

  static {
    // jakarta.mail 2.1 looks up its StreamProvider through ServiceLoader for every header block
    // it parses, reading the jar each time (most of the time of a message); named here, the
    // same provider is one class lookup. A caller's own setting is kept.
    String key = StreamProvider.class.getName();
    if (System.getProperty(key) == null) {
      System.setProperty(key, MailStreamProvider.class.getName());
    }
  }

  private MailReports() {}

  /**
   * Reads a message in RFC 5322 form, as a {@code .eml} file, a Maildir file or an mbox entry.
   *
   * @param message the message, whose size the caller has checked against {@link
   *     Limits#maxMessageBytes()}; parsed in place, not copied
   * @param source names the message
   * @param limits the bounds
   * @return the outcome of each report attachment, or one {@link Outcome.Skipped}
   * @throws IOException when the message cannot be read
   */
  static List<Outcome> fromBytes(byte[] message, String source, Limits limits)
      throws IOException {
    MimeMessage parsed;
    try {
      parsed = new MimeMessage(SESSION, new SharedByteArrayInputStream(message));
    } catch (MessagingException e) {
      return List.of(Outcome.Rejected.of(source, "the message cannot be parsed as MIME ("
          + e.getMessage() + ")."));
    }
    return fromPart(parsed, source, limits);
  }

  /**
   * Reads the report attachments of a message, which may be fetched lazily (an IMAP message:
   * only the attachments are downloaded, each after its declared size is checked).
   *
   * @param message the message
   * @param source names the message
   * @param limits the bounds
   * @return the outcome of each report attachment, or one {@link Outcome.Skipped}
   * @throws IOException when the message cannot be read
   */
  static List<Outcome> fromPart(Part message, String source, Limits limits) throws IOException {
    List<Part> parts = new ArrayList<>();
    try {
      collect(message, parts, 0);
    } catch (MessagingException e) {
      return List.of(Outcome.Rejected.of(source, "the message structure cannot be read ("
          + e.getMessage() + ")."));
    }
    if (parts.isEmpty()) {
      return List.of(new Outcome.Skipped(source, "no attachment of type application/tlsrpt+gzip "
          + "or application/tlsrpt+json (RFC 8460 §5.3)"));
    }
    List<Outcome> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      String name = fileName(part).orElse("part " + (i + 1));
      String partSource = source + " (" + name + ")";
      try {
        if (part.getSize() > limits.maxMessageBytes()) {
          out.add(Outcome.Rejected.of(partSource, "the attachment is " + part.getSize()
              + " bytes, more than the " + limits.maxMessageBytes() + " read: rejected unread."));
          continue;
        }
        try (InputStream in = part.getInputStream()) {
          out.addAll(Payloads.read(in, partSource, limits));
        }
      } catch (MessagingException e) {
        out.add(Outcome.Rejected.of(partSource, "the attachment cannot be decoded ("
            + e.getMessage() + ")."));
      }
    }
    return out;
  }

  private static void collect(Part part, List<Part> found, int depth)
      throws MessagingException, IOException {
    if (depth > MAX_NESTING) {
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Object content = part.getContent();
      if (content instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child, found, depth + 1);
        }
      }
    } else if (part.isMimeType("message/rfc822")) {
      if (part.getContent() instanceof Part inner) {
        collect(inner, found, depth + 1);
      }
    } else if (isReport(part)) {
      found.add(part);
    }
  }

  private static boolean isReport(Part part) throws MessagingException {
    String base;
    try {
      base = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
    } catch (MessagingException e) {
      return false;
    }
    if (Payloads.isReportType(base)) {
      return true;
    }
    return GENERIC_TYPES.contains(base)
        && fileName(part).filter(n -> REPORT_FILE.matcher(n).matches()).isPresent();
  }

  private static java.util.Optional<String> fileName(Part part) {
    try {
      return java.util.Optional.ofNullable(part.getFileName()).filter(n -> !n.isBlank());
    } catch (MessagingException e) {
      return java.util.Optional.empty();
    }
  }
}
