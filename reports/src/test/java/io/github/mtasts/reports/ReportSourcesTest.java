package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSourcesTest {
  private static final LocalDate DAY = LocalDate.of(2024, 4, 1);

  @TempDir Path dir;

  private static byte[] report(String organization, String id, long successful) {
    return Corpus.report(organization, id, DAY)
        .sts("example.com", List.of("mx.example.com"), successful, 0).bytes();
  }

  private record Read(ReportLedger ledger, List<DomainSummary> summaries) {}

  private static Read read(Path... paths) throws IOException {
    SummaryBuilder summary = new SummaryBuilder(Optional.empty(), Optional.empty());
    ReportLedger ledger = new ReportLedger(summary);
    ReportSources sources = new ReportSources(Limits.DEFAULT);
    for (Path path : paths) {
      sources.read(path, ledger);
    }
    return new Read(ledger, summary.build());
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return file;
  }

  @Test
  void everyFileFormatIsToldApartByItsContent() throws IOException {
    write("plain.json", report("A", "1", 1));
    write("compressed.json.gz", Corpus.gzip(report("A", "2", 2)));
    write("misnamed.json", Corpus.gzip(report("A", "3", 4)));
    write("archive.zip", Corpus.zip("x.json", report("A", "4", 8),
        "y.json.gz", Corpus.gzip(report("A", "5", 16))));
    write("message.eml", Corpus.email("6", Corpus.gzip(report("B", "6", 32))));
    write("box/mail.mbox", Corpus.mbox(Corpus.email("7", Corpus.gzip(report("B", "7", 64))),
        Corpus.plainEmail("From the desk of ..."),
        Corpus.email("8", Corpus.gzip(report("B", "8", 128)))));
    Read read = read(dir);
    assertEquals(List.of(), read.ledger().rejections());
    assertEquals(8, read.ledger().reports());
    assertEquals(1, read.ledger().skipped());
    assertEquals(255, read.summaries().get(0).successfulSessions());
  }

  @Test
  void aMaildirIsReadFromCurAndNewOnly() throws IOException {
    Path maildir = dir.resolve("Maildir");
    write("Maildir/cur/1:2,S", Corpus.email("1", Corpus.gzip(report("A", "1", 1))));
    write("Maildir/new/2", Corpus.email("2", Corpus.gzip(report("A", "2", 2))));
    write("Maildir/tmp/3", Corpus.email("3", Corpus.gzip(report("A", "3", 4))));
    write("Maildir/dovecot.index.cache", new byte[] {0, 1, 2});
    write("Maildir/.Archive/cur/4", Corpus.email("4", Corpus.gzip(report("A", "4", 8))));
    Read read = read(maildir);
    assertEquals(List.of(), read.ledger().rejections());
    assertEquals(3, read.summaries().get(0).successfulSessions());
  }

  @Test
  void theSameReportFromSeveralSourcesCountsOnce() throws IOException {
    byte[] json = report("Google LLC", "same", 100);
    Path file = write("a.json", json);
    Path gz = write("b.json.gz", Corpus.gzip(json));
    Path eml = write("c.eml", Corpus.email("same", Corpus.gzip(json)));
    Read read = read(file, gz, eml, file);
    assertEquals(1, read.ledger().reports());
    assertEquals(3, read.ledger().duplicates());
    assertEquals(100, read.summaries().get(0).successfulSessions());
  }

  @Test
  void aFileThatIsNoReportIsRejectedByName() throws IOException {
    Path text = write("notes.txt", "remember the milk\n".getBytes(StandardCharsets.UTF_8));
    Path plain = write("plain.eml", Corpus.plainEmail("hello"));
    Path broken = write("broken.json", "{\"organization-name\":\"A\"}".getBytes(StandardCharsets.UTF_8));
    List<Outcome> outcomes = new ArrayList<>();
    ReportSources sources = new ReportSources(Limits.DEFAULT);
    for (Path p : List.of(text, plain, broken)) {
      sources.read(p, outcomes::add);
    }
    assertEquals(text.toString(), outcomes.get(0).source());
    assertTrue(outcomes.get(0) instanceof Outcome.Rejected, outcomes.toString());
    assertTrue(outcomes.get(1) instanceof Outcome.Skipped, outcomes.toString());
    Outcome.Rejected missing = (Outcome.Rejected) outcomes.get(2);
    assertEquals(broken.toString(), missing.source());
    assertEquals(List.of("report-id", "date-range", "policies"),
        missing.problems().stream().map(io.github.mtasts.policy.Problem::field).toList());
  }

  @Test
  void anAttachmentThatIsNoReportIsRejectedNamingTheMessageAndTheFile() throws IOException {
    Path eml = write("bad.eml", Corpus.email("bad", "not gzip".getBytes(StandardCharsets.UTF_8)));
    List<Outcome> outcomes = new ArrayList<>();
    new ReportSources(Limits.DEFAULT).read(eml, outcomes::add);
    Outcome.Rejected rejected = (Outcome.Rejected) outcomes.get(0);
    assertTrue(rejected.source().startsWith(eml + " (sender.example!example.com!"),
        rejected.source());
  }

  @Test
  void messagesLargerThanTheLimitAreRejectedWithoutBeingKept() throws IOException {
    Limits small = Limits.DEFAULT.withMaxMessageBytes(4096);
    byte[] pad = new byte[8192];
    java.util.Random random = new java.util.Random(1);
    random.nextBytes(pad);
    byte[] noisy = Corpus.email("noisy", pad);
    Path mbox = write("big.mbox", Corpus.mbox(noisy, Corpus.email("ok",
        Corpus.gzip(report("A", "ok", 1)))));
    Path eml = write("big.eml", noisy);
    List<Outcome> outcomes = new ArrayList<>();
    ReportSources sources = new ReportSources(small);
    sources.read(mbox, outcomes::add);
    sources.read(eml, outcomes::add);
    assertEquals(3, outcomes.size(), outcomes.toString());
    assertTrue(((Outcome.Rejected) outcomes.get(0)).problems().get(0).message()
        .contains("larger than 4096 bytes"), outcomes.toString());
    assertEquals(mbox + ", message 2 (sender.example!example.com!1711929600!1712015999!ok"
        + ".json.gz)", outcomes.get(1).source());
    assertTrue(outcomes.get(1) instanceof Outcome.Read);
    assertTrue(outcomes.get(2) instanceof Outcome.Rejected);
  }
}
