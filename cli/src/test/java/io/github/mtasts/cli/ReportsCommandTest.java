package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.mtasts.testlab.DovecotServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsCommandTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @TempDir Path dir;

  /** A report of one day, policy mx1 and mx2, with failures at mx2 when failed is positive. */
  private static String report(String organization, String id, LocalDate day, long successful,
      long failed) {
    return "{\"organization-name\":\"" + organization + "\",\"report-id\":\"" + id + "\","
        + "\"date-range\":{\"start-datetime\":\"" + day + "T00:00:00Z\",\"end-datetime\":\""
        + day + "T23:59:59Z\"},\"policies\":[{\"policy\":{\"policy-type\":\"sts\","
        + "\"policy-string\":[\"version: STSv1\",\"mode: testing\",\"mx: mx1.example.com\","
        + "\"mx: mx2.example.com\",\"max_age: 604800\"],\"policy-domain\":\"example.com\","
        + "\"mx-host\":[\"mx1.example.com\",\"mx2.example.com\"]},\"summary\":{"
        + "\"total-successful-session-count\":" + successful + ",\"total-failure-session-count\":"
        + failed + "},\"failure-details\":[" + (failed == 0 ? "" : "{\"result-type\":"
        + "\"certificate-expired\",\"receiving-mx-hostname\":\"mx2.example.com\","
        + "\"failed-session-count\":" + failed + "}") + "]}]}";
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private Path cleanFortnight() throws IOException {
    for (int d = 1; d <= 14; d++) {
      write("in/google-" + d + ".json", report("Google LLC", "g" + d, TODAY.minusDays(d), 100, 0));
      write("in/microsoft-" + d + ".json",
          report("Microsoft Corporation", "m" + d, TODAY.minusDays(d), 50, 0));
    }
    return dir.resolve("in");
  }

  @Test
  void aFolderIsSummarisedForPeople() throws IOException {
    write("in/a.json", report("Google LLC", "a", TODAY.minusDays(1), 90, 10));
    write("in/copy.json", report("Google LLC", "a", TODAY.minusDays(1), 90, 10));
    CliRun run = CliRun.run("reports", dir.resolve("in").toString());
    assertEquals(0, run.exit(), run.err() + run.out());
    assertTrue(run.out().startsWith("example.com: 1 report from 1 organisation"), run.out());
    assertTrue(run.out().contains("sessions: 90 successful, 10 failed (10.00% failed)"));
    assertTrue(run.out().contains("certificate-expired                    10"), run.out());
    assertTrue(run.out().contains("read: 1 report, 1 duplicate not counted again"), run.out());
  }

  @Test
  void jsonGivesTheSummaryAndTheRejectionsWithFileAndField() throws IOException {
    write("in/a.json", report("Google LLC", "a", TODAY.minusDays(1), 90, 10));
    Path bad = write("in/b.json", report("Google LLC", "b", TODAY, 1, 0)
        .replace("\"total-failure-session-count\":0", "\"total-failure-session-count\":\"many\""));
    CliRun run = CliRun.run("reports", "--json", dir.resolve("in").toString());
    assertEquals(1, run.exit(), run.err());
    JsonObject json = run.json();
    JsonObject domain = json.getAsJsonArray("domains").get(0).getAsJsonObject();
    assertEquals(90, domain.get("successfulSessions").getAsLong());
    assertEquals(10, domain.getAsJsonObject("failuresByMxHost").get("mx2.example.com").getAsLong());
    JsonObject rejected = json.getAsJsonObject("read").getAsJsonArray("rejected").get(0)
        .getAsJsonObject();
    assertEquals(bad.toString(), rejected.get("source").getAsString());
    assertEquals("policies[0].summary.total-failure-session-count",
        rejected.getAsJsonArray("problems").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void sinceLeavesOlderReportsOut() throws IOException {
    write("in/old.json", report("Google LLC", "old", TODAY.minusDays(40), 1000, 0));
    write("in/new.json", report("Google LLC", "new", TODAY.minusDays(2), 7, 0));
    CliRun run = CliRun.run("reports", "--since", "30d", "--json", dir.resolve("in").toString());
    assertEquals(7, run.json().getAsJsonArray("domains").get(0).getAsJsonObject()
        .get("successfulSessions").getAsLong());
    CliRun date = CliRun.run("reports", "--since", TODAY.minusDays(50).toString(), "--json",
        dir.resolve("in").toString());
    assertEquals(1007, date.json().getAsJsonArray("domains").get(0).getAsJsonObject()
        .get("successfulSessions").getAsLong());
  }

  @Test
  void htmlWritesOneSelfContainedPage() throws IOException {
    Path page = dir.resolve("page.html");
    CliRun run = CliRun.run("reports", "--html", page.toString(), cleanFortnight().toString());
    assertEquals(0, run.exit(), run.err());
    String html = Files.readString(page);
    assertTrue(html.contains("<h2>example.com</h2>"));
    assertTrue(html.contains("successful sessions: <b>2100</b>"), html);
  }

  @Test
  void twoCleanWeeksFromTwoSendersAreReadyForEnforce() throws IOException {
    CliRun run = CliRun.run("reports", "--ready-for-enforce", "--domain", "example.com",
        "--days", "14", "--mx-host", "mx1.example.com,mx2.example.com",
        cleanFortnight().toString());
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().contains("example.com: READY for mode enforce"), run.out());
    assertTrue(run.out().contains("covered: MX host mx2.example.com: covered by the policy of "
        + "Google LLC, Microsoft Corporation"), run.out());
  }

  @Test
  void failuresAnUncoveredHostAndTooFewSendersSayWhatIsMissing() throws IOException {
    write("in/g.json", report("Google LLC", "g", TODAY.minusDays(1), 100, 4));
    CliRun run = CliRun.run("reports", "--ready-for-enforce", "--domain", "example.com",
        "--mx-host", "mx1.example.com", "--mx-host", "mx3.example.com", "--json",
        dir.resolve("in").toString());
    assertEquals(1, run.exit(), run.out());
    JsonObject readiness = run.json().getAsJsonObject("readiness");
    assertFalse(readiness.get("ready").getAsBoolean());
    String missing = readiness.getAsJsonArray("missing").toString();
    assertTrue(missing.contains("1 sending organisation reported successful sessions"), missing);
    assertTrue(missing.contains("MX host mx3.example.com: no sending organisation"), missing);
    assertTrue(missing.contains("4 failed sessions of type certificate-expired at MX host "
        + "mx2.example.com, reported by Google LLC"), missing);
    CliRun accepted = CliRun.run("reports", "--ready-for-enforce", "--domain", "example.com",
        "--min-organizations", "1", "--accept-failure", "certificate-expired",
        dir.resolve("in").toString());
    assertEquals(0, accepted.exit(), accepted.out());
    assertEquals("", accepted.err());
    CliRun typo = CliRun.run("reports", "--ready-for-enforce", "--domain", "example.com",
        "--min-organizations", "1", "--accept-failure", "certificate-expire",
        dir.resolve("in").toString());
    assertEquals(1, typo.exit(), typo.out());
    assertTrue(typo.err().contains("warning: --accept-failure certificate-expire is not a result "
        + "type RFC 8460 §4.3 registers"), typo.err());
  }

  @Test
  void reportsOutsideTheWindowDoNotMakeADomainReady() throws IOException {
    write("in/old.json", report("Google LLC", "old", TODAY.minusDays(30), 100, 0));
    CliRun run = CliRun.run("reports", "--ready-for-enforce", "--domain", "example.com",
        "--min-organizations", "1", dir.resolve("in").toString());
    assertEquals(1, run.exit());
    assertTrue(run.out().contains("missing: no report about example.com since"), run.out());
  }

  @Test
  void usageErrorsExitWith2() throws IOException {
    Path in = cleanFortnight();
    assertEquals(2, CliRun.run("reports").exit());
    assertEquals(2, CliRun.run("reports", "--ready-for-enforce", in.toString()).exit());
    assertEquals(2, CliRun.run("reports", "--days", "3", in.toString()).exit());
    assertEquals(2, CliRun.run("reports", "--ready-for-enforce", "--domain", "example.com",
        "--days", "3", "--since", "3d", in.toString()).exit());
    assertEquals(2, CliRun.run("reports", "--since", "last week", in.toString()).exit());
    CliRun missing = CliRun.run("reports", dir.resolve("nothing-here").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file or folder"), missing.err());
    CliRun password = CliRun.run("reports", "--imap", "imaps://u@localhost:1/INBOX",
        "--password-env", "MTASTS_TEST_UNSET_VARIABLE");
    assertEquals(2, password.exit());
    assertTrue(password.err().contains("never on the command line"), password.err());
    assertEquals(2, CliRun.run("reports", "--imap", "imaps://u:pw@localhost/INBOX").exit());
    assertEquals(2, CliRun.run("reports", "serve", "--store", dir.toString()).exit());
  }

  @Test
  void anImapMailboxIsReadWithAPasswordFileAndItsReportsMoved() throws Exception {
    try (DovecotServer dovecot = DovecotServer.start()) {
      dovecot.deliver(List.of(email("g", report("Google LLC", "g", TODAY.minusDays(1), 5, 0)),
          email("m", report("Microsoft Corporation", "m", TODAY.minusDays(1), 6, 0))));
      Path password = write("password", DovecotServer.PASSWORD + "\n");
      CliRun run = CliRun.run("reports", "--imap", dovecot.url("INBOX"), "--password-file",
          password.toString(), "--ca-file", dovecot.caFile().toString(), "--move-to", "Done",
          "--ready-for-enforce", "--domain", "example.com");
      assertEquals(0, run.exit(), run.out() + run.err() + dovecot.log());
      assertTrue(run.err().contains("moved 2 messages of " + dovecot.url("INBOX") + " to Done"),
          run.err());
      assertEquals(2, dovecot.messagesIn("Done").size());
      Path wrong = write("wrong", "not the password\n");
      CliRun refused = CliRun.run("reports", "--imap", dovecot.url("INBOX"), "--password-file",
          wrong.toString(), "--ca-file", dovecot.caFile().toString());
      assertEquals(2, refused.exit());
      assertTrue(refused.err().contains("Authentication failed"), refused.err());
    }
  }

  private static byte[] email(String id, String json) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    String body = java.util.Base64.getMimeEncoder().encodeToString(gz.toByteArray());
    return ("From: reports@sender.example\r\nTo: tlsrpt@example.com\r\nSubject: Report Domain: "
        + "example.com Submitter: sender.example Report-ID: <" + id + ">\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=tlsrpt; boundary=b\r\n\r\n--b\r\n"
        + "Content-Type: text/plain\r\n\r\nA TLS report.\r\n--b\r\nContent-Type: "
        + "application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: "
        + "attachment; filename=\"r.json.gz\"\r\n\r\n" + body + "\r\n--b--\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
