package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edge cases taken from the ABNF and prose of RFC 8461 §3.1, §3.2, §4.1 and RFC 8460 §3, each
 * with the verdict the RFC text gives. The same cases are the hand-written part of the
 * differential check against mox (tools/crosscheck); where mox decides otherwise, its README
 * names the RFC clause that decides for these verdicts.
 *
 * <p>Record inputs are TXT RRsets with one record a line, as {@code mtasts lint} reads them.
 */
class RfcEdgeCasesTest {
  private static final String BASE = "version: STSv1\nmode: enforce\nmx: mx1.example.com\n"
      + "mx: *.mail.example.net\nmax_age: 604800\n";

  /** The policy with one mx line. */
  private static String mx(String pattern) {
    return "version: STSv1\nmode: enforce\nmx: " + pattern + "\nmax_age: 604800\n";
  }

  /** One TXT record a line; a final line end starts no record. */
  private static List<String> rrset(String lines) {
    List<String> records = new ArrayList<>(Arrays.asList(lines.split("\n", -1)));
    if (lines.isEmpty() || lines.endsWith("\n")) {
      records.remove(records.size() - 1);
    }
    records.replaceAll(r -> r.endsWith("\r") ? r.substring(0, r.length() - 1) : r);
    return records;
  }

  static Stream<Arguments> stsRecords() {
    return Stream.of(
        // RFC 8461 §3.1: sts-text-record = sts-version 1*(sts-field-delim sts-field)
        // [sts-field-delim]; sts-field-delim = *WSP ";" *WSP; sts-version = %s"v=STSv1", first and
        // case-sensitive; sts-id is required.
        Arguments.of("v=STSv1; id=20160831085700Z;", true),
        Arguments.of("v=STSv1; id=20160831085700Z", true),
        Arguments.of("v=STSv1;id=abc", true),
        Arguments.of("v=STSv1 ;id=abc", true),
        Arguments.of("v=STSv1\t;\tid=abc", true),
        Arguments.of("v=STSv1; id=abc; ", true),
        Arguments.of("v=STSv1; id=abc ;", true),
        Arguments.of("v=STSv1; id=abc ", false),
        Arguments.of("v=STSv1;; id=abc", false),
        Arguments.of("v=STSv1; ; id=abc", false),
        Arguments.of("v=STSv1; id=abc;;", false),
        Arguments.of("v=STSv1 id=abc", false),
        Arguments.of("v=STSv1", false),
        Arguments.of("v=STSv1;", false),
        Arguments.of("v=STSv1; ", false),
        Arguments.of("", false),
        Arguments.of(" v=STSv1; id=abc", false),
        Arguments.of("V=STSv1; id=abc", false),
        Arguments.of("v=stsv1; id=abc", false),
        Arguments.of("v=STSv10; id=abc", false),
        Arguments.of("v=STSv1.0; id=abc", false),
        Arguments.of("v = STSv1; id=abc", false),
        Arguments.of("v=STSv1; id = abc", false),
        Arguments.of("v=STSv1; id =abc", false),
        Arguments.of("v=STSv1; id= abc", false),
        Arguments.of("id=abc; v=STSv1", false),
        Arguments.of("v=STSv1; ID=abc", false),
        Arguments.of("v=STSv1; Id=abc; id=def", true),

        // RFC 8461 §3.1: sts-id = %s"id=" 1*32(ALPHA / DIGIT). RFC 8461 §3.2: of a repeated
        // field the first wins and the others are ignored, but they must still fit the grammar as an
        // sts-extension.
        Arguments.of("v=STSv1; id=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true),
        Arguments.of("v=STSv1; id=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
        Arguments.of("v=STSv1; id=", false),
        Arguments.of("v=STSv1; id=a", true),
        Arguments.of("v=STSv1; id=0", true),
        Arguments.of("v=STSv1; id=abc-1", false),
        Arguments.of("v=STSv1; id=abc_1", false),
        Arguments.of("v=STSv1; id=abc.1", false),
        Arguments.of("v=STSv1; id=\u00e9", false),
        Arguments.of("v=STSv1; id=abc def", false),
        Arguments.of("v=STSv1; id=abc; id=def", true),
        Arguments.of("v=STSv1; id=abc; id=!!!", true),
        Arguments.of("v=STSv1; id=abc; v=STSv1", true),
        Arguments.of("v=STSv1; v=STSv1; id=abc", true),

        // RFC 8461 §3.1: sts-ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".");
        // sts-ext-value = 1*(%x21-3A / %x3C / %x3E-7E): visible ASCII except "=" and ";".
        Arguments.of("v=STSv1; id=abc; ext=1", true),
        Arguments.of("v=STSv1; ext=1; id=abc", true),
        Arguments.of("v=STSv1; id=abc; e=", false),
        Arguments.of("v=STSv1; id=abc; =x", false),
        Arguments.of("v=STSv1; id=abc; -e=x", false),
        Arguments.of("v=STSv1; id=abc; .e=x", false),
        Arguments.of("v=STSv1; id=abc; _e=x", false),
        Arguments.of("v=STSv1; id=abc; e-=x", true),
        Arguments.of("v=STSv1; id=abc; 9e=x", true),
        Arguments.of("v=STSv1; id=abc; e_.-9=x", true),
        Arguments.of("v=STSv1; id=abc; eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee=x", true),
        Arguments.of("v=STSv1; id=abc; eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee=x", false),
        Arguments.of("v=STSv1; id=abc; e=a=b", false),
        Arguments.of("v=STSv1; id=abc; e=a b", false),
        Arguments.of("v=STSv1; id=abc; e=!\"#$%&'()*+,-./:<>?@[\\]^_`{|}~", true),
        Arguments.of("v=STSv1; id=abc; e=\u00e9", false),
        Arguments.of("v=STSv1; id=abc; e=x\u007f", false),
        Arguments.of("v=STSv1; id=abc; e=x\u0001", false),
        Arguments.of("v=STSv1; id=abc; e", false),
        Arguments.of("v=STSv1; id=abc; e x=1", false),
        Arguments.of("v=STSv1; id=abc; e=1; e=2", true),

        // TXT RRsets, one record a line. RFC 8461 §3.1: of several records, those that do not
        // begin with "v=STSv1;" are discarded; exactly one must remain, and it must be valid. A lone
        // record is judged by the grammar alone.
        Arguments.of("v=STSv1; id=abc\nv=spf1 -all", true),
        Arguments.of("v=spf1 -all\nv=STSv1; id=abc", true),
        Arguments.of("v=STSv1; id=abc\nv=STSv1; id=def", false),
        Arguments.of("v=STSv1; id=abc\nv=STSv1", true),
        Arguments.of("v=STSv1\nv=STSv1; id=abc", true),
        Arguments.of("v=STSv1; id=abc\nv=STSv1 ; id=def", true),
        Arguments.of("v=STSv1 ; id=abc\nv=STSv1; id=def", true),
        Arguments.of("v=STSv1 ;id=abc\nv=spf1 -all", false),
        Arguments.of("v=STSv1 id=abc\nv=STSv1; id=def", true),
        Arguments.of("v=STSv1; id=abc\nv=STSv10; id=def", true),
        Arguments.of("v=STSv1; id=abc\nV=STSv1; id=def", true),
        Arguments.of("v=STSv1; id=abc\n", true),
        Arguments.of("v=STSv1; id=abc\n\n", true),
        Arguments.of("\nv=STSv1; id=abc", true),
        Arguments.of("v=spf1 -all", false),
        Arguments.of("v=STSv1;id\nv=STSv1; id=abc", false),
        Arguments.of("v=STSv1; id=abc\r\n", true),
        Arguments.of("v=STSv1; id=abc\nv=STSv1;", false),
        Arguments.of("v=STSv1 \nv=STSv1; id=abc", true),
        Arguments.of("v=STSv1\t\nv=STSv1; id=abc", true),
        Arguments.of("v=STSv1;;\nv=STSv1; id=abc", false));
  }

  @ParameterizedTest
  @MethodSource
  void stsRecords(String lines, boolean valid) {
    ParseResult<StsRecord> result = StsRecord.fromRrset(rrset(lines));
    assertEquals(valid, result.isValid(), () -> lines + " " + result.problems());
  }

  static Stream<Arguments> tlsRptRecords() {
    return Stream.of(
        // RFC 8460 §3: tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim];
        // field-delim = *WSP ";" *WSP; tlsrpt-version = %s"v=TLSRPTv1"; tlsrpt-rua is required.
        Arguments.of("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", true),
        Arguments.of("v=TLSRPTv1;rua=mailto:tlsrpt@example.com;", true),
        Arguments.of("v=TLSRPTv1 ; rua=mailto:tlsrpt@example.com ; ", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:tlsrpt@example.com ", false),
        Arguments.of("v=TLSRPTv1", false),
        Arguments.of("v=TLSRPTv1;", false),
        Arguments.of("v=TLSRPTv1 rua=mailto:a@example.com", false),
        Arguments.of("V=TLSRPTv1; rua=mailto:a@example.com", false),
        Arguments.of("v=tlsrptv1; rua=mailto:a@example.com", false),
        Arguments.of("v=TLSRPTv10; rua=mailto:a@example.com", false),
        Arguments.of(" v=TLSRPTv1; rua=mailto:a@example.com", false),
        Arguments.of("rua=mailto:a@example.com; v=TLSRPTv1", false),
        Arguments.of("v=TLSRPTv1; RUA=mailto:a@example.com", false),
        Arguments.of("v=TLSRPTv1; rua = mailto:a@example.com", false),
        Arguments.of("v=TLSRPTv1; rua= mailto:a@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=", false),

        // RFC 8460 §3: tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri); two URI
        // schemes are supported, mailto and https; an https URI has a host (RFC 7230 §2.7.2), a mailto
        // URI an address (RFC 6068).
        Arguments.of("v=TLSRPTv1; rua=https://tlsrpt.example.com/v1", true),
        Arguments.of("v=TLSRPTv1; rua=https://tlsrpt.example.com", true),
        Arguments.of("v=TLSRPTv1; rua=https://", false),
        Arguments.of("v=TLSRPTv1; rua=https:///path", false),
        Arguments.of("v=TLSRPTv1; rua=https:tlsrpt.example.com", false),
        Arguments.of("v=TLSRPTv1; rua=http://tlsrpt.example.com/", false),
        Arguments.of("v=TLSRPTv1; rua=ftp://tlsrpt.example.com/", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:tlsrpt", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@", false),
        Arguments.of("v=TLSRPTv1; rua=MAILTO:a@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=HTTPS://example.com/", true),
        Arguments.of("v=TLSRPTv1; rua=tlsrpt@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com,mailto:b@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com , mailto:b@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com,", false),
        Arguments.of("v=TLSRPTv1; rua=,mailto:a@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com,,mailto:b@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com\t,\thttps://r.example.com/", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com,mailto:a@example.com", true),

        // RFC 8460 §3: commas, exclamation points and semicolons MUST be encoded in a tlsrpt-uri,
        // which is an RFC 3986 URI: only its characters, "%" followed by two hex digits.
        Arguments.of("v=TLSRPTv1; rua=mailto:a%2Cb@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a%21b@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a%3Bb@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a!b@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com!10m", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a%zzb@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a%2@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a%@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a\"b@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a<b>@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a{b}@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a|b@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a^b@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a`b@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a\\b@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:\u00e9@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@ex\u00e4mple.com", false),
        Arguments.of("v=TLSRPTv1; rua=https://r.example.com/a b", false),
        Arguments.of("v=TLSRPTv1; rua=https://r.example.com/?q=1&r=2#frag", true),
        Arguments.of("v=TLSRPTv1; rua=https://[2001:db8::1]/r", true),
        Arguments.of("v=TLSRPTv1; rua=https://r.example.com:8443/r", true),
        Arguments.of("v=TLSRPTv1; rua=https://user@r.example.com/r", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com?subject=x", true),
        Arguments.of("v=TLSRPTv1; rua=1mailto:a@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=:a@example.com", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com\u007f", false),

        // RFC 8460 §3: tlsrpt-ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".");
        // tlsrpt-ext-value = 1*(%x21-3A / %x3C / %x3E-7E).
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com; ext=1", true),
        Arguments.of("v=TLSRPTv1; ext=1; rua=mailto:a@example.com", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com; -e=1", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com; e=", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com; e=a=b", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com; eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee=1", false),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com; v=TLSRPTv1", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com;;", false),

        // TXT RRsets, one record a line. RFC 8460 §3: of several records, those that do not begin
        // with "v=TLSRPTv1;" are discarded; exactly one must remain.
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com\nv=spf1 -all", true),
        Arguments.of("v=TLSRPTv1; rua=mailto:a@example.com\nv=TLSRPTv1; rua=mailto:b@example.com", false),
        Arguments.of("v=TLSRPTv1\nv=TLSRPTv1; rua=mailto:a@example.com", true),
        Arguments.of("v=TLSRPTv1 ; rua=mailto:a@example.com\nv=TLSRPTv1; rua=mailto:b@example.com", true),
        Arguments.of("v=TLSRPTv1 ;rua=mailto:a@example.com\nv=spf1 -all", false),
        Arguments.of("v=TLSRPTv1 rua=mailto:a@example.com\nv=TLSRPTv1; rua=mailto:b@example.com", true));
  }

  @ParameterizedTest
  @MethodSource
  void tlsRptRecords(String lines, boolean valid) {
    ParseResult<TlsRptRecord> result = TlsRptRecord.fromRrset(rrset(lines));
    assertEquals(valid, result.isValid(), () -> lines + " " + result.problems());
  }

  static Stream<Arguments> policies() {
    return Stream.of(
        // RFC 8461 §3.2: sts-policy-record = sts-policy-field *WSP *(sts-policy-term
        // sts-policy-field *WSP) [sts-policy-term]; sts-policy-term = LF / CRLF; no blank or indented
        // lines, no byte order mark; sts-policy-field-delim = ":" *WSP.
        Arguments.of(BASE, true),
        Arguments.of("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\n"
            + "mx: *.mail.example.net\r\nmax_age: 604800\r\n", true),
        Arguments.of("version: STSv1\nmode: enforce\nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\nmax_age: 604800", true),
        Arguments.of("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\n"
            + "mx: *.mail.example.net\r\nmax_age: 604800", true),
        Arguments.of("version: STSv1\r\nmode: enforce\nmx: mx1.example.com\r\n"
            + "max_age: 604800\n", true),
        Arguments.of(BASE + "\n", false),
        Arguments.of(BASE + "\r\n", false),
        Arguments.of("\nversion: STSv1\nmode: enforce\nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\nmax_age: 604800\n", false),
        Arguments.of("version: STSv1\nmode: enforce\n\nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\nmax_age: 604800\n", false),
        Arguments.of("version: STSv1\nmode: enforce\n \nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\nmax_age: 604800\n", false),
        Arguments.of(BASE.replace("version: STSv1\n", "\ufeffversion: STSv1\n"), false),
        Arguments.of("version: STSv1\rmode: enforce\rmx: mx1.example.com\rmx: *.mail.example.net\rmax_age: 604800\r", false),
        Arguments.of("version: STSv1\n\rmode: enforce\n\rmx: mx1.example.com\n"
            + "\rmx: *.mail.example.net\n\rmax_age: 604800\n"
            + "\r", false),
        Arguments.of(BASE.replace("version: STSv1\n", " version: STSv1\n"), false),
        Arguments.of(BASE.replace("version: STSv1\n", "\tversion: STSv1\n"), false),
        Arguments.of(BASE.replace("version: STSv1\n", "version : STSv1\n"), false),
        Arguments.of(BASE.replace("version: STSv1\n", "version:STSv1\n"), true),
        Arguments.of(BASE.replace("version: STSv1\n", "version:\tSTSv1\n"), true),
        Arguments.of(BASE.replace("version: STSv1\n", "version: STSv1 \n"), true),
        Arguments.of(BASE.replace("version: STSv1\n", "version: STSv1\t\n"), true),

        // RFC 8461 §3.2: sts-policy-version-value = %s"STSv1", required; a repeated field other
        // than mx is ignored after the first, but still fits sts-policy-extension.
        Arguments.of(BASE.replace("version: STSv1\n", "version: stsv1\n"), false),
        Arguments.of(BASE.replace("version: STSv1\n", "version: STSv2\n"), false),
        Arguments.of(BASE.replace("version: STSv1\n", "version: STSv1x\n"), false),
        Arguments.of(BASE.replace("version: STSv1\n", "Version: STSv1\n"), false),
        Arguments.of("mode: enforce\nmx: mx1.example.com\nmx: *.mail.example.net\n"
            + "max_age: 604800\n", false),
        Arguments.of(BASE.replace("version: STSv1\n", "version:\n"), false),
        Arguments.of(BASE.replace("version: STSv1\n", "version: \n"), false),
        Arguments.of(BASE + "version: STSv2\n", true),
        Arguments.of(BASE + "version: STSv1\n", true),

        // RFC 8461 §3.2: sts-policy-mode-value = %s"testing" / %s"enforce" / %s"none"; mx is
        // required unless the mode is none.
        Arguments.of(BASE.replace("mode: enforce\n", "mode: testing\n"), true),
        Arguments.of("version: STSv1\nmode: none\nmax_age: 86400\n", true),
        Arguments.of(BASE.replace("mode: enforce\n", "mode: none\n"), true),
        Arguments.of("version: STSv1\nmode: enforce\nmax_age: 86400\n", false),
        Arguments.of("version: STSv1\nmode: testing\nmax_age: 86400\n", false),
        Arguments.of(BASE.replace("mode: enforce\n", "mode: Enforce\n"), false),
        Arguments.of(BASE.replace("mode: enforce\n", "mode: report\n"), false),
        Arguments.of(BASE.replace("mode: enforce\n", "mode: enforce \n"), true),
        Arguments.of(BASE.replace("mode: enforce\n", "mode: enforcex\n"), false),
        Arguments.of("version: STSv1\nmode: enforce\nmode: testing\n"
            + "mx: mx1.example.com\nmx: *.mail.example.net\n"
            + "max_age: 604800\n", true),
        Arguments.of("version: STSv1\nmode: enforce\nmode: bogus\n"
            + "mx: mx1.example.com\nmx: *.mail.example.net\n"
            + "max_age: 604800\n", true),
        Arguments.of("version: STSv1\nmode: bogus\nmode: enforce\n"
            + "mx: mx1.example.com\nmx: *.mail.example.net\n"
            + "max_age: 604800\n", false),
        Arguments.of("version: STSv1\nmx: mx1.example.com\nmx: *.mail.example.net\n"
            + "max_age: 604800\n", false),

        // RFC 8461 §3.2: sts-policy-max-age-value = 1*10(DIGIT), "maximum value of 31557600".
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 0\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 1\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 86399\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 86400\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 31557600\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 31557601\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 0031557600\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 0000000000\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 9999999999\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 10000000000\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 2147483647\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 2147483648\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: -1\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: +1\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 1e3\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 1.5\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: \n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age:  1\n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 1 \n"), true),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 0x10\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: \u0661\n"), false),
        Arguments.of(BASE.replace("max_age: 604800\n", "max_age: 604800 604800\n"), false),
        Arguments.of(BASE + "max_age: 1\n", true),
        Arguments.of(BASE + "max_age: x\n", true),
        Arguments.of(BASE + "max_age: 99999999999\n", true),
        Arguments.of("version: STSv1\nmode: enforce\nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\n", false),

        // RFC 8461 §3.2: sts-policy-mx-value = ["*."] Domain (RFC 5321 §4.1.2: labels of letters,
        // digits and inner hyphens; RFC 1035 §2.3.4: at most 63 per label, 253 in all), in A-labels
        // (RFC 5890 §2.3.2.1); an all-numeric last label is an address, not a host name (RFC 1123
        // §2.1).
        Arguments.of(mx("mx1.example.com"), true),
        Arguments.of(mx("MX1.EXAMPLE.COM"), true),
        Arguments.of(mx("example"), true),
        Arguments.of(mx("com"), true),
        Arguments.of(mx("*.example.com"), true),
        Arguments.of(mx("*.com"), true),
        Arguments.of(mx("*"), false),
        Arguments.of(mx("*."), false),
        Arguments.of(mx("**.example.com"), false),
        Arguments.of(mx("*example.com"), false),
        Arguments.of(mx("*.*.example.com"), false),
        Arguments.of(mx("a.*.example.com"), false),
        Arguments.of(mx("mx.*"), false),
        Arguments.of(mx("mx1.example.com."), false),
        Arguments.of(mx("*.example.com."), false),
        Arguments.of(mx(".example.com"), false),
        Arguments.of(mx("mx1..example.com"), false),
        Arguments.of(mx("-mx.example.com"), false),
        Arguments.of(mx("mx-.example.com"), false),
        Arguments.of(mx("m-x.example.com"), true),
        Arguments.of(mx("m--x.example.com"), true),
        Arguments.of(mx("ab--cd.example.com"), true),
        Arguments.of(mx("xn--bcher-kva.example.com"), true),
        Arguments.of(mx("XN--BCHER-KVA.example.com"), true),
        Arguments.of(mx("xn--zz.example.com"), false),
        Arguments.of(mx("xn--.example.com"), false),
        Arguments.of(mx("b\u00fccher.example.com"), false),
        Arguments.of(mx("mx_1.example.com"), false),
        Arguments.of(mx("mx 1.example.com"), false),
        Arguments.of(mx("mx1.example.com x"), false),
        Arguments.of(mx("192.0.2.1"), false),
        Arguments.of(mx("[192.0.2.1]"), false),
        Arguments.of(mx("[IPv6:2001:db8::1]"), false),
        Arguments.of(mx("2001:db8::1"), false),
        Arguments.of(mx("::1"), false),
        Arguments.of(mx("1.2.3"), false),
        Arguments.of(mx("1.2.3.4.5"), false),
        Arguments.of(mx("mx.123"), false),
        Arguments.of(mx("123.example.com"), true),
        Arguments.of(mx("mx1.example.c0m"), true),
        Arguments.of(mx("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com"), true),
        Arguments.of(mx("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com"), false),
        Arguments.of(mx("mx1.example.com:25"), false),
        Arguments.of(mx("mx1.example.com/"), false),
        Arguments.of(mx("mx1.exa%6dple.com"), false),
        Arguments.of(mx("mx1.example.com\t"), true),
        Arguments.of(mx("mx1.ex\u00e1mple.com"), false),
        Arguments.of(mx("mx1.example.co\u200bm"), false),
        Arguments.of(mx("_mta-sts.example.com"), false),
        Arguments.of(mx("mx1.example.com;"), false),
        Arguments.of(mx("mx1,example.com"), false),
        Arguments.of(mx("mx1.example.com mx2.example.com"), false),
        Arguments.of(mx("localhost"), true),
        Arguments.of("version: STSv1\nmode: enforce\nmx:\nmax_age: 604800\n", false),
        Arguments.of(BASE.replace("mx: *.mail.example.net\n", "mx: mx1.example.com\n"), true),
        Arguments.of(BASE.replace("mx: *.mail.example.net\n", "mx: bad..example.com\n"), false),
        Arguments.of("version: STSv1\nmode: enforce\nMX: mx1.example.com\n"
            + "max_age: 604800\n", false),

        // RFC 8461 §3.2: sts-policy-ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" /
        // "."); sts-policy-ext-value = sts-policy-vchar [*(%x20 / sts-policy-vchar) sts-policy-vchar],
        // sts-policy-vchar = %x21-7E / UTF8-2 / UTF8-3 / UTF8-4.
        Arguments.of(BASE + "ext: 1\n", true),
        Arguments.of(BASE + "ext: a b c\n", true),
        Arguments.of(BASE + "ext: a  b\n", true),
        Arguments.of(BASE + "ext: a\tb\n", false),
        Arguments.of(BASE + "ext: a=b;c\n", true),
        Arguments.of(BASE + "ext: \u00e9t\u00e9\n", true),
        Arguments.of(BASE + "ext: \ud83d\ude00\n", true),
        Arguments.of(BASE + "ext: \u0085\n", true),
        Arguments.of(BASE + "ext: \u00a0\n", true),
        Arguments.of(BASE + "ext: a\u007f\n", false),
        Arguments.of(BASE + "ext: a\u0000\n", false),
        Arguments.of(BASE + "ext:\n", false),
        Arguments.of(BASE + "ext: \n", false),
        Arguments.of(BASE + "ext:x\n", true),
        Arguments.of(BASE + "-ext: 1\n", false),
        Arguments.of(BASE + ".ext: 1\n", false),
        Arguments.of(BASE + "_ext: 1\n", false),
        Arguments.of(BASE + "9ext: 1\n", true),
        Arguments.of(BASE + "e.x-t_9: 1\n", true),
        Arguments.of(BASE + "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee: 1\n", true),
        Arguments.of(BASE + "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee: 1\n", false),
        Arguments.of(BASE + "e x: 1\n", false),
        Arguments.of(BASE + "ext : 1\n", false),
        Arguments.of(BASE + "ext\n", false),
        Arguments.of(BASE + ": 1\n", false),
        Arguments.of(BASE + "ext: 1: 2\n", true),
        Arguments.of(BASE + "ext: 1\n", true),
        Arguments.of(BASE + "ext: 2\n", true),
        Arguments.of(BASE + "Mode: enforce\n", true),
        Arguments.of(BASE + "MAX_AGE: 1\n", true),
        Arguments.of(BASE + "ext: a\rb\n", false),
        Arguments.of("version: STSv1\nmode: enforce\nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\nmax_age: 604800\n"
            + "ext: 1\next: 2\n", true),
        Arguments.of("version: STSv1\nmode: enforce\nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\nmax_age: 604800\n"
            + "ext: 1\next: bad\u0001\n", false),
        Arguments.of("ext: 1\nversion: STSv1\nmode: enforce\nmx: mx1.example.com\n"
            + "mx: *.mail.example.net\nmax_age: 604800\n", true),
        Arguments.of("", false),
        Arguments.of("\n", false),
        Arguments.of("\r\n", false),
        Arguments.of(" ", false),
        Arguments.of("version: STSv1", false));
  }

  @ParameterizedTest
  @MethodSource
  void policies(String body, boolean valid) {
    ParseResult<Policy> result = Policy.parse(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(valid, result.isValid(), () -> body + " " + result.problems());
  }

  @Test
  void policyBodySize() {
    // RFC 8461 §3.3: senders read at most 64 KiB of a policy.
    String line = "ext: " + "a".repeat(100) + "\n";
    String atLimit = BASE + line.repeat((65536 - BASE.length()) / line.length());
    String padded = atLimit + "e: " + "a".repeat(65536 - atLimit.length() - 4) + "\n";
    assertEquals(65536, padded.length());
    assertTrue(Policy.parse(padded).isValid());
    assertFalse(Policy.parse(padded + "x: y\n").isValid());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ff", "c328", "c0af", "e080af", "eda080", "f4908080", "f888808080", "c3",
      "e282", "80"})
  void policyBodyMustBeUtf8(String hex) {
    // RFC 8461 §3.2: sts-policy-vchar = %x21-7E / UTF8-2 / UTF8-3 / UTF8-4 (RFC 3629 §4), so
    // overlong forms, surrogates, code points above U+10FFFF and cut sequences are invalid.
    byte[] bad = HexFormat.of().parseHex(hex);
    byte[] head = (BASE + "ext: ").getBytes(StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOf(head, head.length + bad.length + 1);
    System.arraycopy(bad, 0, body, head.length, bad.length);
    body[body.length - 1] = '\n';
    assertFalse(Policy.parse(body).isValid(), hex);
  }

  private static final List<String> MATCH_POLICIES = List.of(
      "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.mail.example.net\n"
          + "mx: xn--bcher-kva.example.org\nmax_age: 604800\n",
      "version: STSv1\nmode: testing\nmx: *.example.com\nmax_age: 86400\n");

  static Stream<Arguments> mxHosts() {
    // RFC 8461 §4.1: a pattern covers the host of the same name (case-insensitive, trailing dot
    // of the DNS name aside), and "*." covers exactly one left-most label; a name that is no
    // host name (RFC 5321 §4.1.2, in A-labels) is covered by nothing.
    return Stream.of(
        Arguments.of(0, "mx1.example.com", true),
        Arguments.of(0, "MX1.Example.COM", true),
        Arguments.of(0, "mx1.example.com.", true),
        Arguments.of(0, "mx2.example.com", false),
        Arguments.of(0, "example.com", false),
        Arguments.of(0, "a.mail.example.net", true),
        Arguments.of(0, "A.MAIL.EXAMPLE.NET.", true),
        Arguments.of(0, "mail.example.net", false),
        Arguments.of(0, "a.b.mail.example.net", false),
        Arguments.of(0, "xmail.example.net", false),
        Arguments.of(0, ".mail.example.net", false),
        Arguments.of(0, "xn--bcher-kva.example.org", true),
        Arguments.of(0, "XN--BCHER-KVA.example.org", true),
        Arguments.of(0, "b\u00fccher.example.org", false),
        Arguments.of(0, "B\u00fccher.example.org", false),
        Arguments.of(0, "mx1.example.com..", false),
        Arguments.of(0, "mx.example.com", false),
        Arguments.of(0, "a.b.example.com", false),
        Arguments.of(0, "com", false),
        Arguments.of(0, "x.example.com.", false),
        Arguments.of(0, "xexample.com", false),
        Arguments.of(0, "mx1.example.co", false),
        Arguments.of(0, "192.0.2.1", false),
        Arguments.of(0, "*.mail.example.net", false),
        Arguments.of(0, "*.example.com", false),
        Arguments.of(0, "mx_1.example.com", false),
        Arguments.of(0, "-a.example.com", false),
        Arguments.of(0, "a-.example.com", false),
        Arguments.of(0, "a..example.com", false),
        Arguments.of(0, "a.mail.example.net..", false),
        Arguments.of(0, "mx1.example.com ", false),
        Arguments.of(0, " mx1.example.com", false),
        Arguments.of(0, "", false),
        Arguments.of(0, "xn--bcher-kva.mail.example.net", true),
        Arguments.of(0, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.example.com", false),
        Arguments.of(0, "mx1.EXAMPLE.com", true),
        Arguments.of(1, "mx1.example.com", true),
        Arguments.of(1, "MX1.Example.COM", true),
        Arguments.of(1, "mx1.example.com.", true),
        Arguments.of(1, "mx2.example.com", true),
        Arguments.of(1, "example.com", false),
        Arguments.of(1, "a.mail.example.net", false),
        Arguments.of(1, "A.MAIL.EXAMPLE.NET.", false),
        Arguments.of(1, "mail.example.net", false),
        Arguments.of(1, "a.b.mail.example.net", false),
        Arguments.of(1, "xmail.example.net", false),
        Arguments.of(1, ".mail.example.net", false),
        Arguments.of(1, "xn--bcher-kva.example.org", false),
        Arguments.of(1, "XN--BCHER-KVA.example.org", false),
        Arguments.of(1, "b\u00fccher.example.org", false),
        Arguments.of(1, "B\u00fccher.example.org", false),
        Arguments.of(1, "mx1.example.com..", false),
        Arguments.of(1, "mx.example.com", true),
        Arguments.of(1, "a.b.example.com", false),
        Arguments.of(1, "com", false),
        Arguments.of(1, "x.example.com.", true),
        Arguments.of(1, "xexample.com", false),
        Arguments.of(1, "mx1.example.co", false),
        Arguments.of(1, "192.0.2.1", false),
        Arguments.of(1, "*.mail.example.net", false),
        Arguments.of(1, "*.example.com", false),
        Arguments.of(1, "mx_1.example.com", false),
        Arguments.of(1, "-a.example.com", false),
        Arguments.of(1, "a-.example.com", false),
        Arguments.of(1, "a..example.com", false),
        Arguments.of(1, "a.mail.example.net..", false),
        Arguments.of(1, "mx1.example.com ", false),
        Arguments.of(1, " mx1.example.com", false),
        Arguments.of(1, "", false),
        Arguments.of(1, "xn--bcher-kva.mail.example.net", false),
        Arguments.of(1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.example.com", false),
        Arguments.of(1, "mx1.EXAMPLE.com", true));
  }

  @ParameterizedTest
  @MethodSource
  void mxHosts(int policy, String host, boolean covered) {
    Policy parsed = Policy.parse(MATCH_POLICIES.get(policy)).orElseThrow();
    assertEquals(covered, parsed.patternFor(host).isPresent(), host);
  }
}
