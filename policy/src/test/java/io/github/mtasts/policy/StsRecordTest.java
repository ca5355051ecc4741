package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StsRecordTest {
  private static Problem onlyError(ParseResult<?> result) {
    assertEquals(1, result.errors().size(), () -> "errors: " + result.errors());
    return result.errors().get(0);
  }

  @Test
  void rfc8461Example() {
    // RFC 8461 §3.1: _mta-sts.example.com.  IN TXT "v=STSv1; id=20160831085700Z;"
    ParseResult<StsRecord> result = StsRecord.parse("v=STSv1; id=20160831085700Z;");
    assertTrue(result.isValid());
    assertEquals(List.of(), result.warnings());
    assertEquals("20160831085700Z", result.orElseThrow().id().value());
    assertEquals("v=STSv1; id=20160831085700Z", result.orElseThrow().render());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "v=STSv1;id=abc", "v=STSv1 ;id=abc", "v=STSv1\t;\tid=abc", "v=STSv1; id=abc;",
    "v=STSv1; id=abc; ", "v=STSv1; id=abc ;", "v=STSv1; id=abc;\t"
  })
  void delimiterIsWspSemicolonWsp(String txt) {
    assertEquals("abc", StsRecord.parse(txt).orElseThrow().id().value());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "v=STSv1; id=abc ", "v=STSv1;; id=abc", "v=STSv1; ; id=abc", "v=STSv1; id=abc;;",
    "v=STSv1 id=abc", "v=STSv1; id =abc", "v=STSv1; id= abc", "v=STSv1; id=abc def",
    "v=STSv1;", "v=STSv1", "v=STSv1 ", "v=STSv1; abc"
  })
  void syntaxErrors(String txt) {
    assertFalse(StsRecord.parse(txt).isValid(), txt);
  }

  @Test
  void idBoundaries() {
    assertTrue(StsRecord.parse("v=STSv1; id=" + "a".repeat(32)).isValid());
    Problem error = onlyError(StsRecord.parse("v=STSv1; id=" + "a".repeat(33)));
    assertEquals("id", error.field());
    assertEquals("a".repeat(33), error.text());
    assertFalse(StsRecord.parse("v=STSv1; id=").isValid());
    assertFalse(StsRecord.parse("v=STSv1; id=abc-1").isValid());
    assertFalse(StsRecord.parse("v=STSv1; id=é").isValid());
  }

  @Test
  void versionFirstAndCaseSensitive() {
    assertEquals("v", onlyError(StsRecord.parse("id=abc; v=STSv1")).field());
    assertEquals("v", onlyError(StsRecord.parse("v=stsv1; id=abc")).field());
    assertEquals("v", onlyError(StsRecord.parse(" v=STSv1; id=abc")).field());
    assertEquals("v", onlyError(StsRecord.parse("v=STSv10; id=abc")).field());
  }

  @Test
  void missingIdIsAnError() {
    assertEquals("id", onlyError(StsRecord.parse("v=STSv1; foo=bar")).field());
  }

  @Test
  void idNameIsCaseSensitive() {
    ParseResult<StsRecord> result = StsRecord.parse("v=STSv1; ID=abc");
    assertEquals("id", onlyError(result).field());
    assertEquals("ID", result.warnings().get(0).field());
  }

  @Test
  void extensionsAreKeptAndIgnored() {
    StsRecord record = StsRecord.parse("v=STSv1; id=abc; ext_1.a-b=x:y/z; other=1").orElseThrow();
    assertEquals(Map.of("ext_1.a-b", "x:y/z", "other", "1"), record.extensions());
    assertEquals("v=STSv1; id=abc; ext_1.a-b=x:y/z; other=1", record.render());
  }

  @Test
  void extensionGrammar() {
    assertTrue(StsRecord.parse("v=STSv1; id=abc; " + "a".repeat(32) + "=1").isValid());
    assertFalse(StsRecord.parse("v=STSv1; id=abc; " + "a".repeat(33) + "=1").isValid());
    assertFalse(StsRecord.parse("v=STSv1; id=abc; _a=1").isValid());
    assertFalse(StsRecord.parse("v=STSv1; id=abc; a=").isValid());
    assertFalse(StsRecord.parse("v=STSv1; id=abc; a=b=c").isValid());
    assertFalse(StsRecord.parse("v=STSv1; id=abc; a=é").isValid());
  }

  @Test
  void repeatedFieldFirstWinsWithAWarning() {
    ParseResult<StsRecord> result = StsRecord.parse("v=STSv1; id=first; id=second; v=STSv2");
    assertTrue(result.isValid());
    assertEquals("first", result.orElseThrow().id().value());
    assertEquals(List.of("id", "v"), result.warnings().stream().map(Problem::field).toList());
  }

  @Test
  void rrsetIgnoresOtherRecords() {
    ParseResult<StsRecord> result =
        StsRecord.fromRrset(List.of("v=spf1 -all", "v=STSv1; id=abc", "google-site-verification=x"));
    assertTrue(result.isValid());
    assertEquals(List.of(), result.warnings());
    assertEquals("abc", result.orElseThrow().id().value());
  }

  @Test
  void rrsetProblemsCarryTheRecordNumber() {
    Problem error = onlyError(StsRecord.fromRrset(List.of("v=spf1 -all", "v=STSv1; id=a-b")));
    assertEquals(2, error.line());
  }

  @Test
  void rrsetNeedsExactlyOne() {
    assertEquals("v", onlyError(StsRecord.fromRrset(List.of())).field());
    assertEquals("v", onlyError(StsRecord.fromRrset(List.of("v=spf1 -all"))).field());
    Problem two = onlyError(StsRecord.fromRrset(List.of("v=STSv1; id=a", "v=STSv1; id=b")));
    assertTrue(two.message().contains("records 1, 2"), two.message());
    // A broken second record that still begins with "v=STSv1;" counts: senders see two.
    assertFalse(StsRecord.fromRrset(List.of("v=STSv1; id=a", "v=STSv1;")).isValid());
  }

  @Test
  void severalRecordsKeepOnlyThoseBeginningWithTheTagAndSemicolon() {
    // RFC 8461 §3.1: "If multiple TXT records for "_mta-sts" are returned by the resolver,
    // records that do not begin with "v=STSv1;" are discarded." (found by the mox cross-check)
    for (List<String> rrset : List.of(
        List.of("v=STSv1; id=a", "v=STSv1"),
        List.of("v=STSv1", "v=STSv1; id=a"),
        List.of("v=STSv1 id=b", "v=STSv1; id=a"),
        List.of("v=STSv1; id=a", "v=STSv1 ; id=b"),
        List.of("v=STSv1\t;id=b", "v=STSv1; id=a"))) {
      ParseResult<StsRecord> result = StsRecord.fromRrset(rrset);
      assertEquals("a", result.orElseThrow().id().value(), rrset.toString());
    }
    ParseResult<StsRecord> spaced = StsRecord.fromRrset(List.of("v=STSv1 ;id=a", "v=spf1 -all"));
    Problem none = onlyError(spaced);
    assertEquals("v", none.field());
    assertTrue(none.message().contains("'v=STSv1;'"), none.message());
    assertEquals(1, spaced.warnings().get(0).line());
  }

  @Test
  void aLoneRecordIsJudgedByTheGrammar() {
    // RFC 8461 §3.1: the discard rule applies only to several records; alone, the grammar's
    // sts-field-delim = *WSP ";" *WSP admits the space, with a warning that it is fragile.
    ParseResult<StsRecord> result = StsRecord.fromRrset(List.of("v=STSv1 ;id=a"));
    assertEquals("a", result.orElseThrow().id().value());
    assertEquals("v", result.warnings().get(0).field());
    assertEquals(List.of(), StsRecord.fromRrset(List.of("v=STSv1;id=a")).warnings());
  }

  @Test
  void anIgnoredRepetitionMustStillFitTheGrammar() {
    // RFC 8461 §3.1: a repeated field is ignored, but it is still read as an sts-extension,
    // whose value is 1*(%x21-3A / %x3C / %x3E-7E). (found by the mox cross-check)
    assertTrue(StsRecord.parse("v=STSv1; id=abc; id=!!!").isValid());
    for (String txt : List.of("v=STSv1; id=abc; id=", "v=STSv1; id=abc; id=a=b",
        "v=STSv1; id=abc; v=", "v=STSv1; x=1; id=abc; x=é")) {
      assertFalse(StsRecord.parse(txt).isValid(), txt);
    }
  }

  @Test
  void rrsetWarnsAboutNearMisses() {
    ParseResult<StsRecord> result =
        StsRecord.fromRrset(List.of("V=STSv1; id=old", "v=STSv1; id=new", " v=STSv1; id=x"));
    assertTrue(result.isValid());
    assertEquals(List.of(1, 3), result.warnings().stream().map(Problem::line).toList());
    assertEquals("v", onlyError(StsRecord.fromRrset(List.of("v=stsv1; id=x"))).field());
  }

  @Test
  void builderAndValueSemantics() {
    StsRecord a = StsRecord.of(PolicyId.of("abc"));
    assertEquals("v=STSv1; id=abc", a.render());
    assertEquals(a, StsRecord.parse("v=STSv1;id=abc;").orElseThrow());
    assertEquals(a.hashCode(), StsRecord.parse("v=STSv1;id=abc;").orElseThrow().hashCode());
    assertEquals("v=STSv1; id=abc", a.toString());
    assertNotEquals(a, StsRecord.builder().id(PolicyId.of("abc")).extension("x", "1").build());
    assertThrows(InvalidInputException.class, () -> StsRecord.builder().build());
    assertThrows(InvalidInputException.class,
        () -> StsRecord.builder().id(PolicyId.of("a")).extension("id", "b").build());
    assertThrows(InvalidInputException.class,
        () -> StsRecord.builder().id(PolicyId.of("a")).extension("x", "a;b").build());
  }
}
