package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.DovecotServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads mailboxes of a real IMAP server (dovecot) on loopback. */
class ImapMailboxTest {
  private static final LocalDate DAY = LocalDate.of(2024, 4, 1);

  private DovecotServer dovecot;

  @BeforeEach
  void startDovecot() throws IOException, InterruptedException {
    dovecot = DovecotServer.start();
  }

  @AfterEach
  void stopDovecot() throws IOException, InterruptedException {
    dovecot.close();
  }

  private SSLSocketFactory trusting() {
    return TlsFiles.client(Optional.of(dovecot.caFile())).getSocketFactory();
  }

  private static byte[] reportMail(String organization, String id, long successful, long failed) {
    Corpus.Report report = Corpus.report(organization, id, DAY)
        .sts("example.com", List.of("mx1.example.com", "mx2.example.com"), successful, failed);
    if (failed > 0) {
      report.failure("certificate-expired", "mx2.example.com", failed);
    }
    return Corpus.email(id, Corpus.gzip(report.bytes()));
  }

  private record Read(ReportLedger ledger, SummaryBuilder summary, int moved) {}

  private Read read(String mailbox, Optional<String> moveTo)
      throws MessagingException, IOException {
    SummaryBuilder summary = new SummaryBuilder(Optional.empty(), Optional.empty());
    ReportLedger ledger = new ReportLedger(summary);
    int moved = ImapMailbox.parse(dovecot.url(mailbox)).read(
        DovecotServer.PASSWORD.toCharArray(), trusting(), moveTo, Limits.DEFAULT, ledger);
    return new Read(ledger, summary, moved);
  }

  @Test
  void reportsAreReadFromTheInboxWhichStaysUnchanged() throws Exception {
    dovecot.deliver(List.of(
        reportMail("Google LLC", "g-1", 90, 0),
        reportMail("Microsoft Corporation", "m-1", 40, 5),
        Corpus.plainEmail("lunch?"),
        reportMail("Google LLC", "g-1", 90, 0)));
    Read first = read("INBOX", Optional.empty());
    assertEquals(2, first.ledger().reports(), dovecot.log());
    assertEquals(1, first.ledger().duplicates());
    assertEquals(1, first.ledger().skipped());
    assertEquals(List.of(), first.ledger().rejections());
    DomainSummary summary = first.summary().build().get(0);
    assertEquals(130, summary.successfulSessions());
    assertEquals(5, summary.failuresByMxHost().get("mx2.example.com"));
    // Read-only: no message was flagged \Seen or moved, so a second reading gives the same.
    List<Path> messages = dovecot.messagesIn("");
    assertEquals(4, messages.size());
    messages.forEach(m -> assertTrue(!m.getFileName().toString().matches(".*:2,[A-Z]*S.*"),
        m + " was marked seen"));
    assertEquals(2, read("INBOX", Optional.empty()).ledger().reports());
  }

  @Test
  void aMailboxOfTenThousandMessagesIsReadWholeAndMovedBatchByBatch() throws Exception {
    List<byte[]> messages = new ArrayList<>();
    // A folded header of 3.6 kB makes the mailbox about 50 MB: the reader opens it again after
    // 32 MiB, in the middle, while it moves messages.
    byte[] padding = ("X-Padding: " + ("x".repeat(70) + "\r\n ").repeat(50) + "end\r\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < 10_000; i++) {
      byte[] mail = reportMail(i % 2 == 0 ? "Google LLC" : "Microsoft Corporation", "r-" + i,
          10, i % 10 == 0 ? 1 : 0);
      byte[] padded = java.util.Arrays.copyOf(padding, padding.length + mail.length);
      System.arraycopy(mail, 0, padded, padding.length, mail.length);
      messages.add(padded);
    }
    dovecot.deliver(messages);
    Read read = read("INBOX", Optional.of("Processed"));
    assertEquals(10_000, read.ledger().reports(), dovecot.log());
    assertEquals(10_000, read.moved());
    assertEquals(0, dovecot.messagesIn("").size());
    assertEquals(10_000, dovecot.messagesIn("Processed").size());
    assertEquals(List.of(), read.ledger().rejections());
    DomainSummary summary = read.summary().build().get(0);
    assertEquals(100_000, summary.successfulSessions());
    assertEquals(1_000, summary.failedSessions());
    assertEquals(1_000, summary.failuresByType().get("certificate-expired"));
    assertEquals(2, summary.organizations().size());
  }

  @Test
  void moveToTakesTheReportMessagesOutOfTheInboxAndLeavesOtherMail() throws Exception {
    dovecot.deliver(List.of(reportMail("Google LLC", "g-1", 1, 0),
        Corpus.plainEmail("not a report"), reportMail("Yahoo", "y-1", 1, 0)));
    Read read = read("INBOX", Optional.of("Processed"));
    assertEquals(2, read.moved());
    assertEquals(2, read.ledger().reports());
    assertEquals(1, dovecot.messagesIn("").size());
    assertEquals(2, dovecot.messagesIn("Processed").size());
    assertEquals(0, read("INBOX", Optional.empty()).ledger().reports());
    assertEquals(2, read("Processed", Optional.empty()).ledger().reports());
  }

  @Test
  void aMessageLargerThanABatchFetchIsReadAttachmentByAttachment() throws Exception {
    byte[] report = Corpus.gzip(Corpus.report("Google LLC", "big", DAY)
        .sts("example.com", List.of("mx1.example.com"), 77, 0).bytes());
    String text = "From: a@sender.example\r\nTo: tlsrpt@example.com\r\nSubject: big\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        + "--b\r\nContent-Type: text/plain\r\n\r\n" + "padding line\r\n".repeat(30_000)
        + "--b\r\nContent-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64"
        + "\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(report) + "\r\n--b--\r\n";
    assertTrue(text.length() > 256 * 1024);
    dovecot.deliver(List.of(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        reportMail("Microsoft", "small", 3, 0)));
    Read read = read("INBOX", Optional.empty());
    assertEquals(List.of(), read.ledger().rejections());
    assertEquals(2, read.ledger().reports(), dovecot.log());
    assertEquals(80, read.summary().build().get(0).successfulSessions());
  }

  @Test
  void aWrongPasswordIsRefusedByTheServer() {
    assertThrows(AuthenticationFailedException.class, () -> ImapMailbox
        .parse(dovecot.url("INBOX")).read("wrong".toCharArray(), trusting(), Optional.empty(),
            Limits.DEFAULT, o -> { }));
  }

  @Test
  void aServerCertificateFromAnUntrustedAuthorityIsRefused() {
    MessagingException e = assertThrows(MessagingException.class, () -> ImapMailbox
        .parse(dovecot.url("INBOX")).read(DovecotServer.PASSWORD.toCharArray(),
            TlsFiles.client(Optional.empty()).getSocketFactory(), Optional.empty(),
            Limits.DEFAULT, o -> { }));
    Throwable cause = e;
    while (cause != null && !(cause instanceof SSLHandshakeException)) {
      cause = cause.getCause();
    }
    assertTrue(cause instanceof SSLHandshakeException, () -> "not a TLS failure: " + e);
  }
}
