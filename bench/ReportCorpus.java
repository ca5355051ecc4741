import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a generated corpus of RFC 8460 aggregate reports for bench/reports-bench.sh: each report
 * as a gzip file named as senders name attachments, and optionally as an e-mail message
 * (multipart/report with an application/tlsrpt+gzip attachment) into a Maildir's new/ folder.
 * Deterministic (seeded): 20 sending organisations, 5 policy domains, 30 days, 0 to 3 failure
 * details per policy, one report in ten with two policies.
 *
 * <p>Usage: java bench/ReportCorpus.java REPORTS FILES_DIR [MAILDIR_NEW_DIR]
 */
public final class ReportCorpus {
  private static final String[] TYPES = {"certificate-expired", "starttls-not-supported",
      "validation-failure", "certificate-host-mismatch", "sts-policy-fetch-error"};

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    Path files = Files.createDirectories(Path.of(args[1]));
    Path maildir = args.length > 2 ? Files.createDirectories(Path.of(args[2])) : null;
    Random random = new Random(8460);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int i = 0; i < count; i++) {
      String org = "sender" + (i % 20) + ".example";
      LocalDate day = today.minusDays(1 + random.nextInt(30));
      String json = report(random, org, "r-" + i, day);
      byte[] gzip = gzip(json.getBytes(StandardCharsets.UTF_8));
      String name = org + "!domain" + (i % 5) + ".example!" + day.toEpochDay() * 86400 + "!"
          + (day.toEpochDay() * 86400 + 86399) + "!r-" + i + ".json.gz";
      Files.write(files.resolve(name), gzip);
      if (maildir != null) {
        Files.write(maildir.resolve(i + ".bench"), email(org, "r-" + i, name, gzip));
      }
    }
  }

  private static String report(Random random, String org, String id, LocalDate day) {
    StringBuilder out = new StringBuilder();
    out.append("{\"organization-name\":\"").append(org).append("\",\"date-range\":{")
        .append("\"start-datetime\":\"").append(day).append("T00:00:00Z\",\"end-datetime\":\"")
        .append(day).append("T23:59:59Z\"},\"contact-info\":\"tlsrpt@").append(org)
        .append("\",\"report-id\":\"").append(id).append("\",\"policies\":[");
    int policies = random.nextInt(10) == 0 ? 2 : 1;
    for (int p = 0; p < policies; p++) {
      String domain = "domain" + random.nextInt(5) + ".example";
      int details = random.nextInt(4);
      long failed = 0;
      StringBuilder failures = new StringBuilder();
      for (int d = 0; d < details; d++) {
        long n = 1 + random.nextInt(20);
        failed += n;
        failures.append(d == 0 ? "" : ",").append("{\"result-type\":\"")
            .append(TYPES[random.nextInt(TYPES.length)]).append("\",\"sending-mta-ip\":\"192.0.2.")
            .append(random.nextInt(250)).append("\",\"receiving-mx-hostname\":\"mx")
            .append(1 + random.nextInt(3)).append('.').append(domain)
            .append("\",\"receiving-ip\":\"198.51.100.").append(random.nextInt(250))
            .append("\",\"failed-session-count\":").append(n).append('}');
      }
      out.append(p == 0 ? "" : ",").append("{\"policy\":{\"policy-type\":\"sts\",")
          .append("\"policy-string\":[\"version: STSv1\",\"mode: testing\",\"mx: *.").append(domain)
          .append("\",\"max_age: 604800\"],\"policy-domain\":\"").append(domain)
          .append("\",\"mx-host\":[\"*.").append(domain).append("\"]},\"summary\":{")
          .append("\"total-successful-session-count\":").append(random.nextInt(5000))
          .append(",\"total-failure-session-count\":").append(failed).append("},")
          .append("\"failure-details\":[").append(failures).append("]}");
    }
    return out.append("]}").toString();
  }

  private static byte[] email(String org, String id, String name, byte[] gzip) {
    String text = "From: noreply@" + org + "\r\nTo: tlsrpt@example.com\r\nSubject: Report Domain: "
        + "example.com Submitter: " + org + " Report-ID: <" + id + ">\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"b\"\r\n\r\n--b\r\n"
        + "Content-Type: text/plain\r\n\r\nAn aggregate TLS report.\r\n--b\r\n"
        + "Content-Type: application/tlsrpt+gzip\r\nContent-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(gzip) + "\r\n--b--\r\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
