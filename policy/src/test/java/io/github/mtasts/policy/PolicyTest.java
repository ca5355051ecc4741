package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTest {
  /** The example policy of RFC 8461 §3.2. */
  static final String RFC_EXAMPLE =
      "version: STSv1\n"
          + "mode: enforce\n"
          + "mx: mail.example.com\n"
          + "mx: *.example.net\n"
          + "mx: backupmx.example.com\n"
          + "max_age: 604800\n";

  private static final String VALID_HEAD = "version: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\n";

  private static ParseResult<Policy> parse(String body) {
    return Policy.parse(body);
  }

  private static Problem onlyError(ParseResult<?> result) {
    assertEquals(1, result.errors().size(), () -> "errors: " + result.errors());
    return result.errors().get(0);
  }

  private static Problem onlyWarning(ParseResult<?> result) {
    assertEquals(1, result.warnings().size(), () -> "warnings: " + result.warnings());
    return result.warnings().get(0);
  }

  private static String body(String maxAge) {
    return VALID_HEAD + "max_age: " + maxAge + "\r\n";
  }

  @Test
  void rfc8461Example() {
    ParseResult<Policy> result = parse(RFC_EXAMPLE);
    assertTrue(result.isValid(), result::toString);
    assertEquals(List.of(), result.warnings());
    Policy policy = result.orElseThrow();
    assertEquals(Mode.ENFORCE, policy.mode());
    assertEquals(604800, policy.maxAge());
    assertEquals(
        List.of("*.example.net", "backupmx.example.com", "mail.example.com"),
        policy.mx().stream().map(MxPattern::toString).toList());
    assertEquals(Map.of(), policy.extensions());
  }

  @Test
  void rfc8461ExampleRendersCanonically() {
    assertEquals(
        "version: STSv1\r\nmode: enforce\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\n"
            + "mx: mail.example.com\r\nmax_age: 604800\r\n",
        parse(RFC_EXAMPLE).orElseThrow().render());
  }

  @Test
  void idOfRfcExampleIsTruncatedSha256InBase32() {
    // Computed independently: base32(sha256(canonical body)[:20]).lower()
    assertEquals("so4efmodz3zs2kzvqbmuzzvmhmkufune", parse(RFC_EXAMPLE).orElseThrow().id().value());
  }

  @Test
  void lfCrlfMixedAndMissingFinalLineEndAreEquivalent() {
    Policy lf = parse(RFC_EXAMPLE).orElseThrow();
    Policy crlf = parse(RFC_EXAMPLE.replace("\n", "\r\n")).orElseThrow();
    Policy noFinal = parse(RFC_EXAMPLE.substring(0, RFC_EXAMPLE.length() - 1)).orElseThrow();
    Policy mixed = parse(RFC_EXAMPLE.replaceFirst("\n", "\r\n")).orElseThrow();
    assertEquals(lf, crlf);
    assertEquals(lf, noFinal);
    assertEquals(lf, mixed);
    assertEquals(lf.id(), crlf.id());
  }

  @Test
  void keysInAnyOrderAndWhitespaceAfterColonAndAtEnd() {
    Policy policy =
        parse("max_age:\t86400 \nmx:mx.example.com\t\nmode:   testing\nversion: STSv1  \n")
            .orElseThrow();
    assertEquals(Mode.TESTING, policy.mode());
    assertEquals(86400, policy.maxAge());
    assertEquals(List.of(MxPattern.of("mx.example.com")), policy.mx());
  }

  @Test
  void crLeftWithoutLfIsAnError() {
    Problem error = onlyError(parse(VALID_HEAD + "max_age: 86400\r"));
    assertEquals("max_age", error.field());
    assertTrue(error.message().contains("U+000D"), error.message());
  }

  @Test
  void blankLineIsAnError() {
    Problem error = onlyError(parse("version: STSv1\n\nmode: none\nmax_age: 86400\n"));
    assertEquals("line", error.field());
    assertEquals(2, error.line());
    assertTrue(error.message().contains("blank"), error.message());
  }

  @Test
  void trailingBlankLineIsAnError() {
    Problem error = onlyError(parse(body("86400") + "\r\n"));
    assertEquals(5, error.line());
  }

  @Test
  void whitespaceOnlyLineIsABlankLine() {
    Problem error = onlyError(parse("version: STSv1\n \t\nmode: none\nmax_age: 86400"));
    assertEquals(2, error.line());
    assertTrue(error.message().contains("blank"), error.message());
  }

  @Test
  void leadingWhitespaceIsAnErrorButTheFieldStillCounts() {
    Problem error = onlyError(parse("version: STSv1\n mode: none\nmax_age: 86400\n"));
    assertEquals("mode", error.field());
    assertEquals(2, error.line());
    assertEquals(" mode: none", error.text());
    assertTrue(error.message().contains("starts with whitespace"), error.message());
  }

  @Test
  void whitespaceBeforeColonIsAnError() {
    Problem error = onlyError(parse("version: STSv1\nmode : none\nmax_age: 86400\n"));
    assertEquals("mode", error.field());
    assertTrue(error.message().contains("write 'mode:'"), error.message());
  }

  @Test
  void lineWithoutColonIsAnError() {
    Problem error = onlyError(parse("version: STSv1\nmode none\nmode: none\nmax_age: 86400\n"));
    assertEquals(2, error.line());
    assertEquals("line", error.field());
  }

  @Test
  void emptyBodyIsAnError() {
    assertEquals("body", onlyError(parse("")).field());
  }

  @Test
  void missingFieldsAreNamed() {
    ParseResult<Policy> result = parse("foo: bar\n");
    assertEquals(
        List.of("version", "mode", "max_age"),
        result.errors().stream().map(Problem::field).toList());
  }

  @Test
  void mxIsRequiredUnlessModeIsNone() {
    assertEquals("mx", onlyError(parse("version: STSv1\nmode: enforce\nmax_age: 86400\n")).field());
    assertEquals("mx", onlyError(parse("version: STSv1\nmode: testing\nmax_age: 86400\n")).field());
    assertTrue(parse("version: STSv1\nmode: none\nmax_age: 86400\n").isValid());
  }

  @Test
  void versionAndModeAreCaseSensitive() {
    assertEquals("version", onlyError(parse(body("86400").replace("STSv1", "stsv1"))).field());
    Problem mode = onlyError(parse(body("86400").replace("enforce", "Enforce")));
    assertEquals("mode", mode.field());
    assertEquals(2, mode.line());
    assertTrue(mode.message().contains("write 'enforce'"), mode.message());
  }

  @Test
  void unknownModeIsAnError() {
    assertEquals("mode", onlyError(parse(body("86400").replace("enforce", "report"))).field());
  }

  @Test
  void maxAgeBoundaries() {
    assertEquals(31557600, parse(body("31557600")).orElseThrow().maxAge());
    Problem above = onlyError(parse(body("31557601")));
    assertEquals("max_age", above.field());
    assertEquals(4, above.line());
    assertEquals("31557601", above.text());
    assertEquals(
        "max_age 31557601 is above the RFC 8461 limit of 31557600 seconds (one year).",
        above.message());
    assertEquals(0, parse(body("0")).orElseThrow().maxAge());
  }

  @Test
  void maxAgeHasAtMostTenDigits() {
    assertEquals(86400, parse(body("0000086400")).orElseThrow().maxAge());
    Problem eleven = onlyError(parse(body("00000086400")));
    assertTrue(eleven.message().contains("11 digits"), eleven.message());
  }

  @Test
  void maxAgeMustBeDigits() {
    for (String bad : List.of("-1", "+5", "1e3", "86400s", "8 6400", "")) {
      assertEquals("max_age", onlyError(parse(body(bad))).field(), bad);
    }
  }

  @Test
  void maxAgeUnderOneDayIsAWarning() {
    ParseResult<Policy> result = parse(body("86399"));
    assertTrue(result.isValid());
    Problem warning = onlyWarning(result);
    assertEquals("max_age", warning.field());
    assertEquals(4, warning.line());
    assertTrue(parse(body("86400")).warnings().isEmpty());
  }

  @Test
  void modeTestingAndNoneAreWarnings() {
    Problem testing = onlyWarning(parse(body("86400").replace("enforce", "testing")));
    assertEquals("mode", testing.field());
    assertEquals(2, testing.line());
    Problem none = onlyWarning(parse("version: STSv1\nmode: none\nmax_age: 86400\n"));
    assertEquals("mode", none.field());
  }

  @Test
  void warningsStandBesideErrors() {
    ParseResult<Policy> result = parse("version: STSv1\nmode: testing\nmx: *.example.com\n"
        + "mx: mx.example.com\nmx: 192.0.2.1\nmax_age: 600\n");
    assertFalse(result.isValid());
    assertEquals(List.of(5), result.errors().stream().map(Problem::line).toList());
    assertEquals(List.of("mode", "mx", "max_age"),
        result.warnings().stream().map(Problem::field).toList());
    assertEquals(List.of(2, 4, 6), result.warnings().stream().map(Problem::line).toList());
  }

  @Test
  void repeatedNonMxKeyFirstWinsWithAWarning() {
    ParseResult<Policy> result = parse(body("86400") + "max_age: 31557601\r\nmode: none\r\n");
    assertTrue(result.isValid(), result::toString);
    assertEquals(86400, result.orElseThrow().maxAge());
    assertEquals(Mode.ENFORCE, result.orElseThrow().mode());
    assertEquals(List.of(5, 6), result.warnings().stream().map(Problem::line).toList());
    assertEquals(List.of("max_age", "mode"),
        result.warnings().stream().map(Problem::field).toList());
  }

  @Test
  void firstOfRepeatedKeysWinsEvenWhenInvalid() {
    ParseResult<Policy> result = parse(VALID_HEAD + "max_age: 99999999\r\nmax_age: 86400\r\n");
    assertEquals(4, onlyError(result).line());
  }

  @Test
  void unknownKeysAreKeptWithColonsInValues() {
    Policy policy =
        parse(body("86400") + "report_uri: https://example.com:8443/a?b=c:d\r\nx-1.y: a b  c\r\n")
            .orElseThrow();
    assertEquals(
        Map.of("report_uri", "https://example.com:8443/a?b=c:d", "x-1.y", "a b  c"),
        policy.extensions());
    assertTrue(policy.render().endsWith(
        "max_age: 86400\r\nreport_uri: https://example.com:8443/a?b=c:d\r\nx-1.y: a b  c\r\n"));
  }

  @Test
  void extensionValueMayBeUtf8() {
    Policy policy = parse(body("86400") + "comment: Grüße ✉ 𝄞\r\n").orElseThrow();
    assertEquals("Grüße ✉ 𝄞", policy.extensions().get("comment"));
  }

  @Test
  void extensionNameGrammar() {
    String name32 = "a".repeat(32);
    assertTrue(parse(body("86400") + name32 + ": v\r\n").isValid());
    assertEquals(5, onlyError(parse(body("86400") + name32 + "b: v\r\n")).line());
    assertFalse(parse(body("86400") + "_x: v\r\n").isValid());
    assertFalse(parse(body("86400") + "x y: v\r\n").isValid());
    assertFalse(parse(body("86400") + "gr\u00fc\u00dfe: v\r\n").isValid());
  }

  @Test
  void extensionValueGrammar() {
    assertFalse(parse(body("86400") + "x:\r\n").isValid());
    assertFalse(parse(body("86400") + "x:   \r\n").isValid());
    assertFalse(parse(body("86400") + "x: a\tb\r\n").isValid());
    assertFalse(parse(body("86400") + "x: a\u0000b\r\n").isValid());
    assertFalse(parse(body("86400") + "x: a\u007fb\r\n").isValid());
  }

  @Test
  void caseVariantOfAFieldIsAnExtensionWithAWarning() {
    ParseResult<Policy> result = parse(body("86400") + "Mode: testing\r\n");
    assertTrue(result.isValid());
    assertEquals(Map.of("Mode", "testing"), result.orElseThrow().extensions());
    Problem warning = onlyWarning(result);
    assertEquals("Mode", warning.field());
    assertTrue(warning.message().contains("case-sensitive"), warning.message());
  }

  @Test
  void bodyOf64KibIsAcceptedAndOneByteMoreIsNot() {
    String head = body("86400") + "pad: ";
    int padding = PolicyParser.MAX_BODY_BYTES - head.length() - 2;
    String exactly = head + "x".repeat(padding) + "\r\n";
    assertEquals(65536, exactly.getBytes(StandardCharsets.UTF_8).length);
    assertTrue(parse(exactly).isValid());
    String over = head + "x".repeat(padding + 1) + "\r\n";
    Problem error = onlyError(parse(over));
    assertEquals("body", error.field());
    assertTrue(error.message().contains("65537 bytes"), error.message());
  }

  @Test
  void sizeLimitCountsUtf8Bytes() {
    String head = body("86400") + "pad: ";
    int room = PolicyParser.MAX_BODY_BYTES - head.length() - 2;
    // "é" is two bytes in UTF-8: half as many characters reach the same size.
    assertTrue(parse(head + "é".repeat(room / 2) + "\r\n").isValid());
    assertFalse(parse(head + "é".repeat(room / 2 + 1) + "\r\n").isValid());
  }

  @Test
  void byteOrderMarkIsAnError() {
    Problem error = onlyError(parse("\uFEFF" + body("86400")));
    assertEquals("body", error.field());
    assertTrue(error.message().contains("byte order mark"), error.message());
  }

  @Test
  void malformedUtf8BytesAreAnError() {
    byte[] head = body("86400").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 6];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(new byte[] {'x', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'}, 0, bytes,
        head.length, 6);
    Problem error = onlyError(Policy.parse(bytes));
    assertTrue(error.message().contains("UTF-8"), error.message());
    assertTrue(Policy.parse(body("86400").getBytes(StandardCharsets.UTF_8)).isValid());
  }

  @Test
  void mxErrorsCarryLineAndText() {
    Problem error = onlyError(parse(VALID_HEAD + "mx: 192.0.2.25\r\nmax_age: 86400\r\n"));
    assertEquals("mx", error.field());
    assertEquals(4, error.line());
    assertEquals("192.0.2.25", error.text());
  }

  @Test
  void duplicateAndOverlappingMxAreWarnings() {
    ParseResult<Policy> result =
        parse("version: STSv1\nmode: enforce\nmx: mx.example.com\nmx: *.example.com\n"
            + "mx: MX.example.com\nmax_age: 86400\n");
    assertTrue(result.isValid());
    assertEquals(2, result.orElseThrow().mx().size());
    assertEquals(List.of(3, 5), result.warnings().stream().map(Problem::line).toList());
    assertTrue(result.warnings().get(0).message().contains("already covered by mx '*.example.com'"));
    assertTrue(result.warnings().get(1).message().contains("listed twice"));
  }

  @Test
  void mxRendersLowerCaseSortedAndDeduplicated() {
    Policy policy = Policy.builder().mode(Mode.ENFORCE).maxAge(86400)
        .mx("b.example.com", "A.example.com", "a.example.com").build();
    assertEquals("version: STSv1\r\nmode: enforce\r\nmx: a.example.com\r\nmx: b.example.com\r\n"
        + "max_age: 86400\r\n", policy.render());
  }

  @Test
  void patternForFindsTheCoveringPattern() {
    Policy policy = parse(RFC_EXAMPLE).orElseThrow();
    assertEquals("*.example.net", policy.patternFor("mx1.EXAMPLE.net.").orElseThrow().toString());
    assertEquals("mail.example.com", policy.patternFor("mail.example.com").orElseThrow().toString());
    assertTrue(policy.patternFor("a.b.example.net").isEmpty());
    assertTrue(policy.patternFor("example.net").isEmpty());
  }

  @Test
  void builderReportsEveryProblemAtOnce() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Policy.builder().mx("*.*.example.com", "192.0.2.1").maxAge(31557601)
            .extension("mode", "x").extension("ok", " padded").build());
    assertEquals(List.of("mx", "mx", "mode", "max_age", "mode", "ok"),
        e.problems().stream().map(Problem::field).toList());
    assertTrue(e.getMessage().contains("31557601 is above"), e.getMessage());
  }

  @Test
  void builderRequiresMxUnlessNone() {
    assertThrows(InvalidInputException.class,
        () -> Policy.builder().mode(Mode.TESTING).maxAge(86400).build());
    assertEquals(List.of(), Policy.builder().mode(Mode.NONE).maxAge(86400).build().mx());
  }

  @Test
  void builderRejectsNegativeMaxAge() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Policy.builder().mode(Mode.NONE).maxAge(-1).build());
    assertTrue(e.getMessage().contains("negative"));
  }

  @Test
  void idChangesWhenAndOnlyWhenTheBodyChanges() {
    Policy base = Policy.builder().mode(Mode.ENFORCE).maxAge(86400).mx("mx.example.com").build();
    Policy same = Policy.builder().mode(Mode.ENFORCE).maxAge(86400).mx("MX.example.com").build();
    assertEquals(base.id(), same.id());
    assertNotEquals(base.id(),
        Policy.builder().mode(Mode.ENFORCE).maxAge(86401).mx("mx.example.com").build().id());
    assertNotEquals(base.id(),
        Policy.builder().mode(Mode.TESTING).maxAge(86400).mx("mx.example.com").build().id());
    assertNotEquals(base.id(), Policy.builder().mode(Mode.ENFORCE).maxAge(86400)
        .mx("mx.example.com").extension("x", "y").build().id());
  }

  @Test
  void valueSemantics() {
    Policy a = parse(RFC_EXAMPLE).orElseThrow();
    Policy b = parse(RFC_EXAMPLE.replace("\n", "\r\n")).orElseThrow();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertTrue(a.toString().contains("mode=enforce"), a.toString());
    assertNotEquals(a, Policy.builder().mode(Mode.NONE).maxAge(86400).build());
  }

  @Test
  void extensionOrderIsPartOfTheValue() {
    Policy ab = Policy.builder().mode(Mode.NONE).maxAge(86400).extension("a", "1")
        .extension("b", "2").build();
    Policy ba = Policy.builder().mode(Mode.NONE).maxAge(86400).extension("b", "2")
        .extension("a", "1").build();
    assertNotEquals(ab, ba);
    assertNotEquals(ab.id(), ba.id());
  }
}
