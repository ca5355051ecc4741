package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsRptRecordTest {
  private static Problem onlyError(ParseResult<?> result) {
    assertEquals(1, result.errors().size(), () -> "errors: " + result.errors());
    return result.errors().get(0);
  }

  @Test
  void rfc8460Examples() {
    // RFC 8460 §3, "Report using MAILTO" and "Report using HTTPS"
    assertEquals(List.of("mailto:reports@example.com"),
        TlsRptRecord.parse("v=TLSRPTv1;rua=mailto:reports@example.com").orElseThrow().rua());
    assertEquals(List.of("https://reporting.example.com/v1/tlsrpt"),
        TlsRptRecord.parse("v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt")
            .orElseThrow().rua());
  }

  @Test
  void commaSeparatedWithOptionalWhitespace() {
    TlsRptRecord record = TlsRptRecord.parse(
        "v=TLSRPTv1; rua=mailto:a@example.com ,\thttps://r.example.com/x , mailto:b@example.net")
        .orElseThrow();
    assertEquals(List.of("mailto:a@example.com", "https://r.example.com/x", "mailto:b@example.net"),
        record.rua());
    assertEquals("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.com/x,"
        + "mailto:b@example.net", record.render());
  }

  @Test
  void repeatedRuaFieldsAreCollected() {
    ParseResult<TlsRptRecord> result = TlsRptRecord.parse(
        "v=TLSRPTv1; rua=mailto:a@example.com; rua=https://r.example.com/x");
    assertTrue(result.isValid());
    assertEquals(List.of(), result.warnings());
    assertEquals(List.of("mailto:a@example.com", "https://r.example.com/x"),
        result.orElseThrow().rua());
  }

  @Test
  void onlyMailtoAndHttps() {
    assertTrue(TlsRptRecord.parse("v=TLSRPTv1; rua=MAILTO:a@example.com").isValid());
    for (String uri : List.of("http://r.example.com/", "ftp://r.example.com/", "tlsrpt@example.com",
        "https:r.example.com", "https://", "mailto:", "mailto:example.com")) {
      Problem error = onlyError(TlsRptRecord.parse("v=TLSRPTv1; rua=" + uri));
      assertEquals("rua", error.field(), uri);
      assertEquals(uri, error.text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    // RFC 8460 §3 rua URIs, RFC 6068 §2 for the domain of a mailto address and RFC 3986 §3.2.2
    // for an https host, judged by the one rule for domain names.
    "mailto:a@mx..example.com | the mail domain 'mx..example.com' of rua URI 'mailto:a@mx..example.com' has an empty label",
    "mailto:a@*.example.com | the mail domain '*.example.com' of rua URI 'mailto:a@*.example.com' contains '*'",
    "mailto:a@example.com. | ends with a dot, which a mail address does not have",
    "mailto:a@exa_mple.com | has the invalid label 'exa_mple'",
    "mailto:a@192.0.2.1 | ends in an all-numeric label",
    "mailto:a@[192.0.2.999] | is not an address literal",
    "mailto:a@example.com%2Cb@-x.example | the mail domain '-x.example'",
    "mailto:a@%FF.example | percent-encoded octets that are not UTF-8",
    "https://mx..example.com/v1 | the host 'mx..example.com' of rua URI 'https://mx..example.com/v1' has an empty label",
    "https://*.*.example.com/ | the host '*.*.example.com' of rua URI 'https://*.*.example.com/' contains '*'",
    "https://r.example.com:8443.x/ | is not a valid https URI",
    "https://a$b.example.com/ | has the invalid label 'a$b'",
    "https://1.2.3.999/ | ends in an all-numeric label",
    "https://r.example.%2Cnet/ | has the invalid label ',net'",
  })
  void reportHostsAreDomainNames(String uri, String reason) {
    Problem error = onlyError(TlsRptRecord.parse("v=TLSRPTv1; rua=" + uri));
    assertTrue(error.message().contains(reason), error.message());
    InvalidInputException built = assertThrows(InvalidInputException.class, () -> TlsRptRecord.of(List.of(uri)));
    assertTrue(built.getMessage().contains(reason), built.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "mailto:a@example.com", "mailto:a@EXAMPLE.com", "mailto:a@xn--bcher-kva.example",
    "mailto:a@b%C3%BCcher.example", "mailto:a@[192.0.2.1]", "mailto:a@[IPv6:2001:db8::1]",
    "mailto:a@example.com%2Cb@example.org", "mailto:a%2Cb@example.com", "mailto:a@example.com?subject=x",
    "mailto:a@ai", "https://r.example.com./v1", "https://192.0.2.1/", "https://[2001:db8::1]:8443/",
    "https://r.example.com", "https://u:p@r.example.com/", "https://b%C3%BCcher.example/"})
  void reportHostsThatAreNamesOrAddressesAreAccepted(String uri) {
    ParseResult<TlsRptRecord> parsed = TlsRptRecord.parse("v=TLSRPTv1; rua=" + uri);
    assertTrue(parsed.isValid(), parsed::toString);
  }

  @Test
  void commaExclamationAndSemicolonMustBeEncoded() {
    assertTrue(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a%2Cb%21c%3Bd@example.com").isValid());
    assertTrue(onlyError(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a!b@example.com")).message()
        .contains("%21"));
    // An unencoded comma splits the URI; the rest has no scheme.
    assertTrue(onlyError(TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@example.com,b@example.com"))
        .message().contains("%2C"));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> TlsRptRecord.of(List.of("mailto:a;b@example.com")));
    assertTrue(e.getMessage().contains("%3B"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "mailto:a@example.com,", "mailto:a@example.com,,mailto:b@example.com", "",
    "mailto:a b@example.com", "mailto:é@example.com", "https://r.example.com/%zz",
    "https://r.example.com/%2"
  })
  void invalidRuaValues(String value) {
    assertFalse(TlsRptRecord.parse("v=TLSRPTv1; rua=" + value).isValid(), value);
  }

  @Test
  void versionAndRuaAreRequired() {
    assertEquals("v", onlyError(TlsRptRecord.parse("rua=mailto:a@example.com")).field());
    assertEquals("v", onlyError(TlsRptRecord.parse("v=tlsrptv1; rua=mailto:a@example.com"))
        .field());
    assertEquals("rua", onlyError(TlsRptRecord.parse("v=TLSRPTv1")).field());
    assertEquals("rua", onlyError(TlsRptRecord.parse("v=TLSRPTv1; ext=1")).field());
  }

  @Test
  void extensionsAreKeptAndIgnored() {
    ParseResult<TlsRptRecord> result =
        TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@example.com; x=1; x=2; RUA=y");
    assertTrue(result.isValid());
    assertEquals(Map.of("x", "1", "RUA", "y"), result.orElseThrow().extensions());
    assertEquals(List.of("x", "RUA"), result.warnings().stream().map(Problem::field).toList());
  }

  @Test
  void duplicateUriIsAWarning() {
    ParseResult<TlsRptRecord> result =
        TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:a@example.com,mailto:a@example.com");
    assertTrue(result.isValid());
    assertEquals("rua", result.warnings().get(0).field());
  }

  @Test
  void rrsetRule() {
    assertTrue(TlsRptRecord.fromRrset(List.of("v=spf1 -all", "v=TLSRPTv1; rua=mailto:a@example.com"))
        .isValid());
    assertFalse(TlsRptRecord.fromRrset(List.of("v=TLSRPTv1; rua=mailto:a@example.com",
        "v=TLSRPTv1; rua=mailto:b@example.com")).isValid());
    assertFalse(TlsRptRecord.fromRrset(List.of()).isValid());
  }

  @Test
  void severalRecordsKeepOnlyThoseBeginningWithTheTagAndSemicolon() {
    // RFC 8460 §3: "records that do not begin with "v=TLSRPTv1;" are discarded" when several
    // are returned; a lone record is judged by the grammar. (found by the mox cross-check)
    assertEquals(List.of("mailto:a@example.com"), TlsRptRecord.fromRrset(List.of(
        "v=TLSRPTv1", "v=TLSRPTv1; rua=mailto:a@example.com")).orElseThrow().rua());
    assertEquals(List.of("mailto:a@example.com"), TlsRptRecord.fromRrset(List.of(
        "v=TLSRPTv1 ;rua=mailto:b@example.com", "v=TLSRPTv1;rua=mailto:a@example.com"))
        .orElseThrow().rua());
    assertFalse(TlsRptRecord.fromRrset(List.of("v=TLSRPTv1 ;rua=mailto:a@example.com",
        "v=spf1 -all")).isValid());
    ParseResult<TlsRptRecord> alone =
        TlsRptRecord.fromRrset(List.of("v=TLSRPTv1 ;rua=mailto:a@example.com"));
    assertTrue(alone.isValid());
    assertEquals("v", alone.warnings().get(0).field());
  }

  @Test
  void anIgnoredRepetitionMustStillFitTheGrammar() {
    // RFC 8460 §3: tlsrpt-ext-value = 1*(%x21-3A / %x3C / %x3E-7E) applies to every field that
    // is not rua, repeated or not. (found by the mox cross-check)
    Map<String, String> fieldOfError = Map.of(
        "v=TLSRPTv1; rua=mailto:a@example.com; x=1; x=a b", "x",
        "v=TLSRPTv1; rua=mailto:a@example.com; x=1; x=", "x",
        "v=TLSRPTv1; rua=mailto:a@example.com; v=a=b", "v");
    fieldOfError.forEach((txt, field) ->
        assertEquals(field, onlyError(TlsRptRecord.parse(txt)).field(), txt));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "https://reports.ex:ample.com/v1", "https://r.example.com:443x/", "https://[2001:db8::zz]/",
    "https://[1:2:3:4:5:6:7:8:9]/", "https://[::1/", "https://r.example.com/a#b#c",
    "https://r.example.com/[x]", "https://@/", "https://:443/"
  })
  void httpsUriMustFitRfc3986(String uri) {
    // RFC 8460 §3: tlsrpt-uri = URI (RFC 3986 §3: authority = [userinfo "@"] host [":" port],
    // port = *DIGIT). (found by the mox cross-check)
    Problem error = onlyError(TlsRptRecord.parse("v=TLSRPTv1; rua=" + uri));
    assertEquals("rua", error.field());
    assertEquals(uri, error.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "https://r.example.com:8443/v1", "https://[2001:db8::1]/r", "https://[::ffff:192.0.2.1]/",
    "https://[v1.x]/", "https://user:pw@r.example.com/", "https://r.example.com/?q=a/b?c#f/?",
    "https://r.example.com:/", "https://192.0.2.1/r", "https://r.example.com/%7Ex"
  })
  void validHttpsUris(String uri) {
    assertEquals(List.of(uri), TlsRptRecord.parse("v=TLSRPTv1; rua=" + uri).orElseThrow().rua());
  }

  @Test
  void builderAndValueSemantics() {
    TlsRptRecord record = TlsRptRecord.of(List.of("mailto:a@example.com", "https://r.example.com/"));
    assertEquals("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example.com/", record.render());
    assertEquals(record, TlsRptRecord.parse(record.render()).orElseThrow());
    assertEquals(record.hashCode(), TlsRptRecord.parse(record.render()).orElseThrow().hashCode());
    assertEquals(record.render(), record.toString());
    assertThrows(InvalidInputException.class, () -> TlsRptRecord.of(List.of()));
    assertThrows(InvalidInputException.class, () -> TlsRptRecord.of(List.of("http://x.example/")));
  }
}
