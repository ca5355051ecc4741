package io.github.mtasts.reports;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Reports and their wrappings (gzip, zip, e-mail, mbox) made for the tests. */
final class Corpus {
  /** The example report of RFC 8460 §4.4 (Appendix B's data, as the RFC prints it). */
  static final String RFC_EXAMPLE = """
      {
        "organization-name": "Company-X",
        "date-range": {
          "start-datetime": "2016-04-01T00:00:00Z",
          "end-datetime": "2016-04-01T23:59:59Z"
        },
        "contact-info": "sts-reporting@company-x.example",
        "report-id": "5065427c-23d3-47ca-b6e0-946ea0e8c4be",
        "policies": [{
          "policy": {
            "policy-type": "sts",
            "policy-string": ["version: STSv1","mode: testing",
                  "mx: *.mail.company-y.example","max_age: 86400"],
            "policy-domain": "company-y.example",
            "mx-host": ["*.mail.company-y.example"]
          },
          "summary": {
            "total-successful-session-count": 5326,
            "total-failure-session-count": 303
          },
          "failure-details": [{
            "result-type": "certificate-expired",
            "sending-mta-ip": "2001:db8:abcd:0012::1",
            "receiving-mx-hostname": "mx1.mail.company-y.example",
            "failed-session-count": 100
          }, {
            "result-type": "starttls-not-supported",
            "sending-mta-ip": "2001:db8:abcd:0013::1",
            "receiving-mx-hostname": "mx2.mail.company-y.example",
            "receiving-ip": "203.0.113.56",
            "failed-session-count": 200,
            "additional-information": "https://reports.company-x.example/report_info?id=5065427c-23d3#StarttlsNotSupported"
          }, {
            "result-type": "validation-failure",
            "sending-mta-ip": "198.51.100.62",
            "receiving-ip": "203.0.113.58",
            "receiving-mx-hostname": "mx-backup.mail.company-y.example",
            "failed-session-count": 3,
            "failure-reason-code": "X509_V_ERR_PROOF_OF_POSSESSION"
          }]
        }]
      }
      """;

  private Corpus() {}

  /** Starts a report of one UTC day. */
  static Report report(String organization, String reportId, LocalDate day) {
    return new Report(organization, reportId, day);
  }

  /** A report being made: one or more policies with counts and failures. */
  static final class Report {
    private final JsonObject root = new JsonObject();
    private final JsonArray policies = new JsonArray();
    private JsonObject current;

    Report(String organization, String reportId, LocalDate day) {
      root.addProperty("organization-name", organization);
      JsonObject range = new JsonObject();
      range.addProperty("start-datetime", day + "T00:00:00Z");
      range.addProperty("end-datetime", day + "T23:59:59Z");
      root.add("date-range", range);
      root.addProperty("contact-info", "tlsrpt@" + organization.toLowerCase().replace(' ', '-'));
      root.addProperty("report-id", reportId);
      root.add("policies", policies);
    }

    /** Adds an sts policy with these mx patterns (mode testing). */
    Report sts(String domain, List<String> mx, long successful, long failed) {
      JsonArray lines = new JsonArray();
      lines.add("version: STSv1");
      lines.add("mode: testing");
      mx.forEach(m -> lines.add("mx: " + m));
      lines.add("max_age: 604800");
      JsonArray hosts = new JsonArray();
      mx.forEach(hosts::add);
      return policy("sts", domain, lines, hosts, successful, failed);
    }

    /** Adds a policy of another type, without policy string. */
    Report other(String type, String domain, long successful, long failed) {
      return policy(type, domain, null, null, successful, failed);
    }

    private Report policy(String type, String domain, JsonArray lines, JsonArray hosts,
        long successful, long failed) {
      JsonObject policy = new JsonObject();
      policy.addProperty("policy-type", type);
      if (lines != null) {
        policy.add("policy-string", lines);
      }
      policy.addProperty("policy-domain", domain);
      if (hosts != null) {
        policy.add("mx-host", hosts);
      }
      JsonObject summary = new JsonObject();
      summary.addProperty("total-successful-session-count", successful);
      summary.addProperty("total-failure-session-count", failed);
      current = new JsonObject();
      current.add("policy", policy);
      current.add("summary", summary);
      current.add("failure-details", new JsonArray());
      policies.add(current);
      return this;
    }

    /** Adds a failure detail to the last policy. */
    Report failure(String resultType, String mxHost, long sessions) {
      JsonObject detail = new JsonObject();
      detail.addProperty("result-type", resultType);
      detail.addProperty("sending-mta-ip", "192.0.2.1");
      detail.addProperty("receiving-mx-hostname", mxHost);
      detail.addProperty("receiving-ip", "198.51.100.7");
      detail.addProperty("failed-session-count", sessions);
      current.getAsJsonArray("failure-details").add(detail);
      return this;
    }

    String json() {
      return root.toString();
    }

    byte[] bytes() {
      return json().getBytes(StandardCharsets.UTF_8);
    }
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A zip archive; entries are name, content pairs. */
  static byte[] zip(Object... nameContent) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < nameContent.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) nameContent[i]));
        zip.write((byte[]) nameContent[i + 1]);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * An RFC 8460 §5.3.1 report e-mail: multipart/report with a text part and the gzip report
   * attached as application/tlsrpt+gzip, base64, CRLF line ends.
   */
  static byte[] email(String messageId, byte[] gzipReport) {
    String boundary = "----=_report_" + Math.abs(messageId.hashCode());
    String body = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(gzipReport);
    String text = "From: noreply-smtp-tls-reporting@sender.example\r\n"
        + "To: tlsrpt@example.com\r\n"
        + "Subject: Report Domain: example.com Submitter: sender.example Report-ID: <"
        + messageId + ">\r\n"
        + "Message-ID: <" + messageId + "@sender.example>\r\n"
        + "Date: Mon, 01 Apr 2024 06:00:00 +0000\r\n"
        + "TLS-Report-Domain: example.com\r\n"
        + "TLS-Report-Submitter: sender.example\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=\"tlsrpt\"; boundary=\"" + boundary
        + "\"\r\n\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
        + "This is an aggregate TLS report from sender.example\r\n\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Type: application/tlsrpt+gzip\r\n"
        + "Content-Transfer-Encoding: base64\r\n"
        + "Content-Disposition: attachment;\r\n"
        + " filename=\"sender.example!example.com!1711929600!1712015999!" + messageId
        + ".json.gz\"\r\n\r\n"
        + body + "\r\n"
        + "--" + boundary + "--\r\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** A message that is no report, as other mail in the same mailbox. */
  static byte[] plainEmail(String subject) {
    return ("From: someone@example.net\r\nTo: tlsrpt@example.com\r\nSubject: " + subject
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello.\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** An mbox file (mboxrd) of messages. */
  static byte[] mbox(byte[]... messages) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] message : messages) {
      out.writeBytes("From MAILER-DAEMON Mon Apr  1 06:00:00 2024\n".getBytes(StandardCharsets.US_ASCII));
      String text = new String(message, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
          .replaceAll("(?m)^(>*From )", ">$1");
      out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
      out.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }
}
