package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page as headless Chromium renders it. The screenshot is kept in {@code target/};
 * with {@code -Dmtasts.screenshot=FILE} it is also copied there (how docs/reports-page.png is
 * made, by scripts/reports-screenshot.sh).
 */
class HtmlPageTest {
  @TempDir Path dir;

  /** Two weeks of reports from three senders, with failures on two MX hosts. */
  static List<DomainSummary> fortnight() {
    SummaryBuilder builder = new SummaryBuilder(Optional.empty(), Optional.empty());
    LocalDate first = LocalDate.of(2024, 4, 1);
    List<String> mx = List.of("mx1.example.com", "mx2.example.com");
    for (int d = 0; d < 14; d++) {
      LocalDate day = first.plusDays(d);
      builder.accept(parse(Corpus.report("Google LLC", "g" + d, day)
          .sts("example.com", mx, 1200 + 10 * d, d == 3 ? 42 : 0)
          .failure("certificate-expired", "mx2.example.com", d == 3 ? 42 : 0).json()));
      builder.accept(parse(Corpus.report("Microsoft Corporation", "m" + d, day)
          .sts("example.com", mx, 800, d >= 10 ? 7 : 0)
          .failure("starttls-not-supported", "mx1.example.com", d >= 10 ? 7 : 0).json()));
      if (d % 2 == 0) {
        builder.accept(parse(Corpus.report("Yahoo", "y" + d, day)
            .other("no-policy-found", "example.com", 50, 0).json()));
      }
    }
    return builder.build();
  }

  private static TlsReport parse(String json) {
    try {
      return ReportParser.parse(new java.io.ByteArrayInputStream(
          json.getBytes(StandardCharsets.UTF_8)), Limits.DEFAULT).orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path page() throws IOException {
    Path page = dir.resolve("reports.html");
    Files.writeString(page, HtmlPage.render(fortnight(), "from 2024-04-01 to 2024-04-14",
        Instant.parse("2024-04-15T06:00:00Z")), StandardCharsets.UTF_8);
    return page;
  }

  @Test
  void thePageNeedsNothingFromTheNetwork() throws IOException {
    String html = Files.readString(page());
    assertFalse(html.contains("<script"), "no script");
    assertFalse(html.contains("<link"), "no style sheet or font from elsewhere");
    assertFalse(html.contains("<img"), "no image from elsewhere");
    assertFalse(Pattern.compile("(src|href)=\"?https?:").matcher(html).find(), "no remote URL");
  }

  @Test
  void chromiumRendersTheCountsHostsAndTables() throws IOException, InterruptedException {
    String dom = Chromium.dumpDom(page());
    String text = dom.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    assertTrue(text.contains("example.com"), text);
    assertTrue(text.contains("reports: 35"), text);
    assertTrue(text.contains("sending organisations: 3"), text);
    // Google 1200..1330 (sum 17710) + Microsoft 14 x 800 + Yahoo 7 x 50
    assertTrue(text.contains("successful sessions: " + (17710 + 11200 + 350)), text);
    assertTrue(text.contains("failed sessions: " + (42 + 4 * 7)), text);
    assertTrue(text.contains("certificate-expired mx2.example.com Google LLC 42"), text);
    assertTrue(text.contains("starttls-not-supported mx1.example.com Microsoft Corporation 28"),
        text);
    assertTrue(text.contains("mx2.example.com (42)") && text.contains("mx1.example.com (28)"),
        text);
    assertTrue(text.contains("no-policy-found"), text);
    // One bar per day with failures and per host, each titled with its count.
    Matcher bars = Pattern.compile("<rect [^>]*><title>2024-04-04, mx2.example.com: 42 failed")
        .matcher(dom);
    assertTrue(bars.find(), "the failure bar of 2024-04-04 is drawn");
    assertEquals(14, count(dom, ": \\d+ successful</title>"));
  }

  @Test
  void chromiumTakesTheScreenshot() throws IOException, InterruptedException {
    Path png = Path.of("target", "reports-page.png");
    Files.deleteIfExists(png);
    Chromium.screenshot(page(), png, 1000, 1500);
    byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
    assertTrue(Files.size(png) > 20_000, "a blank page is smaller: " + Files.size(png));
    String copy = System.getProperty("mtasts.screenshot");
    if (copy != null) {
      Files.copy(png, Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
