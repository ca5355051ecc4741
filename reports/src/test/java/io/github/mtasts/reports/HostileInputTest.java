package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, generated here: each is rejected with its reason, after reading no more than
 * the limits allow (the command line reads the whole set in a JVM whose heap is capped far below
 * the inputs' sizes: {@code ReportsHostileInputTest} of the cli module).
 */
class HostileInputTest {
  private static final long MIB = 1 << 20;

  @TempDir static Path dir;
  static Path gzipBomb;
  static Path hugeJson;
  static Path deepNesting;
  static Path invalidUtf8;
  static Path traversalZip;

  @BeforeAll
  static void makeCorpus() throws IOException {
    HostileCorpus corpus = HostileCorpus.write(dir);
    gzipBomb = corpus.gzipBomb();
    hugeJson = corpus.hugeJson();
    deepNesting = corpus.deepNesting();
    invalidUtf8 = corpus.invalidUtf8();
    traversalZip = corpus.traversalZip();
  }

  /** Counts the bytes read from the file: what the reader took of the hostile input. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }

  private static Outcome readOne(Path file, Counting[] counted) throws IOException {
    try (Counting in = new Counting(Files.newInputStream(file))) {
      counted[0] = in;
      List<Outcome> outcomes = Payloads.read(in, file.toString(), Limits.DEFAULT);
      assertEquals(1, outcomes.size(), outcomes::toString);
      return outcomes.get(0);
    }
  }

  private static String reason(Outcome outcome) {
    return assertInstanceOf(Outcome.Rejected.class, outcome).problems().get(0).message();
  }

  @Test
  void aGzipBombIsRejectedOnceItsDecompressedSizePassesTheLimit() throws IOException {
    Counting[] counted = new Counting[1];
    String reason = reason(readOne(gzipBomb, counted));
    assertTrue(reason.startsWith("the decompressed report is larger than 8388608 bytes"), reason);
    // The compressed file is about 1 MiB for 1 GiB of content: only its start was read.
    assertTrue(counted[0].count < Files.size(gzipBomb), counted[0].count + " bytes read");
  }

  @Test
  void aHundredMegabyteJsonIsRejectedAfterReadingNoMoreThanTheLimit() throws IOException {
    Counting[] counted = new Counting[1];
    String reason = reason(readOne(hugeJson, counted));
    assertTrue(reason.startsWith("the report is larger than 8388608 bytes"), reason);
    assertTrue(Files.size(hugeJson) > 100 * MIB);
    assertTrue(counted[0].count <= Limits.DEFAULT.maxReportBytes() + 64 * 1024,
        counted[0].count + " bytes read");
  }

  @Test
  void deepNestingIsRejectedAtTheDepthLimitNamingTheField() throws IOException {
    Counting[] counted = new Counting[1];
    Outcome outcome = readOne(deepNesting, counted);
    Outcome.Rejected rejected = assertInstanceOf(Outcome.Rejected.class, outcome);
    assertEquals("x", rejected.problems().get(0).field());
    assertTrue(rejected.problems().get(0).message().contains("nested more than 32 levels"),
        rejected.problems().toString());
    assertTrue(counted[0].count < Files.size(deepNesting), counted[0].count + " bytes read");
  }

  @Test
  void invalidUtf8IsRejectedAsSuch() throws IOException {
    String reason = reason(readOne(invalidUtf8, new Counting[1]));
    assertTrue(reason.startsWith("the input is not valid UTF-8"), reason);
  }

  @Test
  void zipEntriesWhoseNamesClimbOutOfTheirFolderAreRejectedAndTheOthersRead() throws IOException {
    List<Outcome> outcomes;
    try (InputStream in = Files.newInputStream(traversalZip)) {
      outcomes = Payloads.read(in, "traversal.zip", Limits.DEFAULT);
    }
    assertEquals(4, outcomes.size());
    assertTrue(reason(outcomes.get(0)).contains("'../../etc/cron.d/report.json' climbs out"));
    assertTrue(reason(outcomes.get(1)).contains("is an absolute path"));
    assertTrue(reason(outcomes.get(2)).contains("climbs out of its folder"));
    assertEquals("traversal.zip!fine.json",
        assertInstanceOf(Outcome.Read.class, outcomes.get(3)).source());
  }

  @Test
  void aZipEntryThatDecompressesPastTheLimitIsRejected() throws IOException {
    byte[] big = " ".repeat((int) (9 * MIB)).getBytes(StandardCharsets.US_ASCII);
    byte[] archive = Corpus.zip("big.json", big);
    List<Outcome> outcomes = Payloads.read(new java.io.ByteArrayInputStream(archive), "big.zip",
        Limits.DEFAULT);
    assertTrue(reason(outcomes.get(0)).startsWith("the report is larger than 8388608 bytes"));
  }
}
