package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Input made to cost: what a hostile DNS server, policy host or program can send. Every finding
 * stays small, the findings of one kind are counted past twenty, and the mx advisories read the
 * patterns a bounded number of times. Sizes and counts only; the time these cost is measured in
 * {@code bench/policy-core.sh}.
 */
class HostileInputTest {
  private static final int MEGABYTE = 1024 * 1024;
  // A message quotes at most two excerpts of Excerpt.MAX_CHARS and a sentence around them.
  private static final int MAX_MESSAGE = 1_000;

  private static void assertBounded(List<Problem> problems) {
    for (Problem p : problems) {
      assertTrue(p.field().length() <= Excerpt.MAX_CHARS, () -> "field of " + p.field().length());
      assertTrue(p.text().length() <= Excerpt.MAX_CHARS, () -> "text of " + p.text().length());
      assertTrue(p.message().length() <= MAX_MESSAGE, () -> "message of " + p.message().length() + ": " + p.message());
    }
    assertTrue(problems.size() <= 4 * (ParseResult.MAX_PER_KIND + 1), () -> problems.size() + " problems");
  }

  /** A valid record of each kind followed by {@code tail}, parsed alone and as an RRset. */
  private static List<ParseResult<?>> bothRecords(String tail) {
    String sts = "v=STSv1; id=1" + tail;
    String tlsRpt = "v=TLSRPTv1; rua=mailto:a@example.com" + tail;
    return List.of(StsRecord.parse(sts), StsRecord.fromRrset(List.of(sts)), TlsRptRecord.parse(tlsRpt),
        TlsRptRecord.fromRrset(List.of(tlsRpt)));
  }

  private static long ofField(List<Problem> problems, String field) {
    return problems.stream().filter(p -> p.field().equals(field)).count();
  }

  @Test
  void aRunOfTwentyThousandEmptyFieldsIsOneErrorNamingWhereItStartsAndEnds() {
    for (ParseResult<?> parsed : bothRecords(";".repeat(20_000))) {
      assertBounded(parsed.errors());
      assertEquals(1, parsed.errors().size(), parsed::toString);
      Problem error = parsed.errors().get(0);
      // 19,999 empty fields: the last ';' may end the record.
      assertTrue(error.message().contains("19,999 empty fields in a row (';;' or '; ;') from character "),
          error.message());
      assertTrue(error.text().contains(";;") && error.text().endsWith("…"), error.text());
    }
  }

  @Test
  void twentyThousandSeparateEmptyFieldsGiveTwentyErrorsWithExcerptsAndACount() {
    for (ParseResult<?> parsed : bothRecords("; x=y;".repeat(20_000))) {
      assertBounded(parsed.problems());
      List<Problem> errors = parsed.errors();
      assertEquals(ParseResult.MAX_PER_KIND + 1, errors.size(), errors::toString);
      Problem first = errors.get(0);
      assertTrue(first.message().contains("an empty field (';;' or '; ;') at character "), first.message());
      assertTrue(first.text().contains(";;") && first.text().endsWith("…"), first.text());
      // 19,999 empty fields (the record ends in one ';', which is allowed): 20 listed, the others counted.
      assertEquals("19,979 more errors about 'record' like the 20 above are left out: fix those "
          + "and check again.", errors.get(ParseResult.MAX_PER_KIND).message());
      // The repeated x=y are warnings of their own kind, bounded as well.
      assertEquals(ParseResult.MAX_PER_KIND + 1, parsed.warnings().size(), parsed.warnings()::toString);
    }
  }

  @Test
  void theExcerptOfAnEmptyFieldIsTakenAtItsPosition() {
    String txt = "v=STSv1; id=1" + "; a=b".repeat(200) + ";; c=d" + "; e=f".repeat(200);
    Problem error = StsRecord.parse(txt).errors().get(0);
    int position = txt.indexOf(";;") + 2; // the second ';', counted from 1
    assertTrue(error.message().contains("at character " + position + ","), error.message());
    assertTrue(error.text().startsWith("…") && error.text().endsWith("…"), error.text());
    assertEquals(txt.substring(position - 1 - 126, position - 1 + 126), error.text().substring(1, error.text().length() - 1));
  }

  @Test
  void aPolicyOfThirtyThousandBlankLinesGivesTwentyErrorsAndACount() {
    ParseResult<Policy> parsed = Policy.parse("version: STSv1\n" + "\n".repeat(30_000));
    assertBounded(parsed.problems());
    assertEquals(ParseResult.MAX_PER_KIND + 1, ofField(parsed.errors(), "line"));
  }

  @Test
  void repeatedFieldsAndDuplicateUrisGiveTwentyWarningsAndACount() {
    ParseResult<StsRecord> sts = StsRecord.parse("v=STSv1; id=1" + "; x=y".repeat(12_000));
    assertTrue(sts.isValid(), sts::toString);
    assertBounded(sts.warnings());
    assertEquals(ParseResult.MAX_PER_KIND + 1, sts.warnings().size());
    String uris = IntStream.range(0, 3_000).mapToObj(i -> "mailto:a@example.com")
        .collect(Collectors.joining(","));
    ParseResult<TlsRptRecord> tlsRpt = TlsRptRecord.parse("v=TLSRPTv1; rua=" + uris);
    assertBounded(tlsRpt.warnings());
    assertEquals(ParseResult.MAX_PER_KIND + 1, tlsRpt.warnings().size());
  }

  @Test
  void aHostilePolicyOf64KibWithThousandsOfCoveredMxGivesTwentyMxWarnings() {
    // As many lines as 64 KiB holds: names of one to three letters and digits under *.b.
    StringBuilder body = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\nmx: *.b\n");
    for (int i = 0; body.length() < PolicyParser.MAX_BODY_BYTES - 16; i++) {
      body.append("mx: ").append(Integer.toString(i, 36)).append(".b\n");
    }
    ParseResult<Policy> parsed = Policy.parse(body.toString());
    Policy policy = parsed.orElseThrow();
    assertTrue(policy.mx().size() > 6_000, () -> policy.mx().size() + " patterns");
    assertBounded(parsed.warnings());
    assertEquals(ParseResult.MAX_PER_KIND + 1, ofField(parsed.warnings(), "mx"));
    assertTrue(parsed.warnings().get(0).message().startsWith("mx '0.b' is already covered by mx '*.b'"),
        parsed.warnings().get(0).message());
    assertEquals(ParseResult.MAX_PER_KIND + 1, policy.advisories().size());
  }

  @Test
  void mxAdvisoriesReadTheirPatternsTwiceWhateverTheirNumber() {
    List<MxPattern> patterns = new ArrayList<>();
    patterns.add(MxPattern.of("*.mail.example.com"));
    for (int i = 0; i < 10_000; i++) {
      patterns.add(MxPattern.of("mx" + i + (i % 2 == 0 ? ".mail" : ".other") + ".example.com"));
    }
    // Comparing each pattern with each other reads the list 10,001 times; reading it a third
    // time already fails, before the square of 10,001 is spent.
    CountingCollection<MxPattern> counted = new CountingCollection<>(patterns, 3 * patterns.size());
    List<Problem> warnings = Advisories.of(Mode.ENFORCE, 604_800L, counted);
    assertEquals(5_000, warnings.size());
    assertTrue(counted.reads <= 2 * patterns.size(), () -> counted.reads + " reads");
    assertEquals("mx0.mail.example.com", warnings.get(0).text());
  }

  @Test
  void thePatternsCoveringAHostAreItsNameAndTheWildcardAboveIt() {
    Policy policy = Policy.builder().mode(Mode.ENFORCE).maxAge(604_800)
        .mx("mx.example.com", "*.example.com", "*.mx.example.com", "other.example.com").build();
    assertEquals(List.of(MxPattern.of("*.example.com"), MxPattern.of("mx.example.com")),
        policy.patternsCovering("MX.Example.com."));
    assertEquals(List.of(MxPattern.of("*.mx.example.com")), policy.patternsCovering("a.mx.example.com"));
    assertEquals(List.of(), policy.patternsCovering("a.b.mx.example.com"));
    assertEquals(List.of(), policy.patternsCovering("*.example.com"));
    assertEquals(MxPattern.of("*.example.com"), policy.patternFor("mx.example.com").orElseThrow());
  }

  @Test
  void anRrsetOfAHundredThousandVersionedRecordsGivesABoundedError() {
    List<String> records = IntStream.range(0, 100_000).mapToObj(i -> "v=STSv1; id=" + i).toList();
    ParseResult<StsRecord> parsed = StsRecord.fromRrset(records);
    assertBounded(parsed.errors());
    assertEquals(1, parsed.errors().size());
    assertTrue(parsed.errors().get(0).message().startsWith("100,000 _mta-sts TXT records begin with "
        + "'v=STSv1;' (records 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, and 99,990 more)"), parsed.errors().get(0).message());
    assertEquals(100_000, StsRecord.candidateCount(records));
  }

  @Test
  void anRrsetOfAHundredThousandLooseRecordsGivesTwentyWarningsAndACount() {
    List<String> records = new ArrayList<>(List.of("v=STSv1; id=1"));
    IntStream.range(0, 100_000).forEach(i -> records.add("v=STSv1 ;id=" + i));
    ParseResult<StsRecord> parsed = StsRecord.fromRrset(records);
    assertTrue(parsed.isValid(), parsed::toString);
    assertBounded(parsed.warnings());
    assertEquals(ParseResult.MAX_PER_KIND + 1, parsed.warnings().size());
    assertTrue(parsed.warnings().get(ParseResult.MAX_PER_KIND).message().startsWith("99,980 more warnings"),
        parsed.warnings().get(ParseResult.MAX_PER_KIND).message());
  }

  @Test
  void aOneMegabyteValueIsQuotedAsAnExcerptAndItsLength() {
    String huge = "a".repeat(MEGABYTE);
    List<Supplier<ParseResult<?>>> parsers = List.of(
        () -> Policy.parse("version: " + huge + "\nmode: enforce\nmx: a.example\nmax_age: 86400\n"),
        () -> Policy.parse("version: STSv1\nmode: " + huge + "\nmx: a.example\nmax_age: 86400\n"),
        () -> Policy.parse("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1" + "0".repeat(MEGABYTE) + "\n"),
        () -> Policy.parse("version: STSv1\n" + huge + "\n"),
        () -> Policy.parse("version: STSv1\n" + huge + " : x\n"),
        () -> Policy.parse("version: STSv1\n" + huge + "!: x\n"),
        () -> StsRecord.parse("v=STSv1; id=1; " + huge + "!=x"),
        () -> StsRecord.parse("v=STSv1; id=1; " + huge + " =x"),
        () -> MxPattern.parse(huge + ".example"),
        () -> MxPattern.parse("ü".repeat(MEGABYTE) + ".example"),
        () -> DomainName.parse(huge),
        () -> DomainName.parseInput("Ü".repeat(MEGABYTE) + ".example"),
        () -> DomainName.parseMailDomain("ｅ".repeat(MEGABYTE)),
        () -> PolicyId.parse(huge),
        () -> StsRecord.parse("v=STSv1; id=" + huge),
        () -> StsRecord.parse("v=STSv1; id=1; x=" + huge + "="),
        () -> StsRecord.fromRrset(List.of("v=STSv1; id=1", "v=STSv1 ;" + huge)),
        () -> TlsRptRecord.parse("v=TLSRPTv1; rua=mailto:" + huge),
        () -> TlsRptRecord.parse("v=TLSRPTv1; rua=https://" + huge + "..example/"),
        () -> TlsRptRecord.parse("v=TLSRPTv1; rua=" + huge + ":x"));
    for (Supplier<ParseResult<?>> parser : parsers) {
      ParseResult<?> parsed = parser.get();
      assertBounded(parsed.problems());
      assertTrue(parsed.problems().stream().anyMatch(e -> e.message().contains(" characters)")),
          parsed::toString);
    }
    InvalidInputException builder = assertThrows(InvalidInputException.class,
        () -> Policy.builder().mode(Mode.ENFORCE).maxAge(86400).mx("a.example").extension("x", "\u0001" + huge).build());
    assertTrue(builder.getMessage().length() <= MAX_MESSAGE, () -> builder.getMessage().length() + " characters");
  }

  @Test
  void tenThousandInvalidPatternsGiveABoundedException() {
    List<String> patterns = IntStream.range(0, 10_000).mapToObj(i -> "mx_" + i + ".example").toList();
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Policy.builder().mode(Mode.ENFORCE).maxAge(86400).mx(patterns).build());
    assertEquals(ParseResult.MAX_PER_KIND + 1, e.problems().size());
    assertTrue(e.getMessage().length() <= (ParseResult.MAX_PER_KIND + 1) * MAX_MESSAGE, () -> e.getMessage().length() + "");
    assertTrue(e.getMessage().endsWith("9,980 more errors about 'mx' like the 20 above are left out: fix "
        + "those and check again."), e.getMessage());
  }

  @Test
  void longReportUrisAreJudgedWithoutExhaustingTheStack() {
    // The https grammar once recursed per character and threw StackOverflowError here.
    for (String uri : List.of("https://r.example/" + "a".repeat(60_000), "https://r.example/" + "%41".repeat(20_000),
        "https://r.example/" + "a/".repeat(30_000), "https://r.example/?" + "q".repeat(60_000),
        "https://" + "u".repeat(60_000) + "@r.example/")) {
      assertTrue(TlsRptRecord.parse("v=TLSRPTv1; rua=" + uri).isValid(), () -> Excerpt.head(uri));
    }
    ParseResult<TlsRptRecord> noHost = TlsRptRecord.parse("v=TLSRPTv1; rua=https://" + "a".repeat(60_000));
    assertFalse(noHost.isValid());
    assertBounded(noHost.errors());
  }

  /** A collection that counts the elements read through its iterators and fails past a budget. */
  private static final class CountingCollection<T> extends AbstractCollection<T> {
    private final Collection<T> elements;
    private final int budget;
    int reads;

    CountingCollection(Collection<T> elements, int budget) {
      this.elements = elements;
      this.budget = budget;
    }

    @Override
    public Iterator<T> iterator() {
      Iterator<T> it = elements.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          if (++reads > budget) {
            throw new AssertionError("the patterns were read more than " + budget + " times");
          }
          return it.next();
        }
      };
    }

    @Override
    public int size() {
      return elements.size();
    }
  }
}
