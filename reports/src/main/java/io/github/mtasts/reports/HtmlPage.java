package io.github.mtasts.reports;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary as one self-contained HTML page: inline CSS and SVG, no script, no image, font or
 * style sheet from elsewhere, so it opens the same without a network, as a mail attachment or a
 * CI artifact. Per domain: totals, a daily chart of successful and failed sessions, a daily chart
 * of failed sessions per receiving MX host, and tables of failures and policies seen.
 */
public final class HtmlPage {
  private static final String[] HOST_COLOURS = {
    "#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#7f7f7f"};
  private static final String SUCCESS = "#2ca02c";
  private static final String FAILURE = "#d62728";
  private static final int WIDTH = 900;
  private static final int HEIGHT = 220;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

  private HtmlPage() {}

  /**
   * Renders the page.
   *
   * @param summaries one per domain
   * @param period how the period reads, for example "since 2024-05-01T00:00:00Z"
   * @param generated when the page is made
   * @return the page, UTF-8 HTML
   */
  public static String render(List<DomainSummary> summaries, String period, Instant generated) {
    StringBuilder out = new StringBuilder(16_384);
    out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>TLS-RPT reports</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222;max-width:960px}")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}")
        .append("th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}")
        .append(".note{color:#555;font-size:.9em}.totals span{margin-right:1.5em}")
        .append("svg text{font-family:sans-serif;font-size:11px}")
        .append("</style></head><body>\n<h1>TLS-RPT reports</h1>\n<p class=\"note\">")
        .append(escape(period)).append(", made ")
        .append(generated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(". Aggregate reports of RFC 8460 as the sending mail servers sent them.</p>\n");
    if (summaries.isEmpty()) {
      out.append("<p>No report in this period.</p>\n");
    }
    for (DomainSummary s : summaries) {
      domain(out, s);
    }
    return out.append("</body></html>\n").toString();
  }

  private static void domain(StringBuilder out, DomainSummary s) {
    out.append("<section><h2>").append(escape(s.domain())).append("</h2>\n")
        .append("<p class=\"totals\"><span>reports: <b>").append(s.reports())
        .append("</b></span><span>sending organisations: <b>").append(s.organizations().size())
        .append("</b></span><span>successful sessions: <b>").append(s.successfulSessions())
        .append("</b></span><span>failed sessions: <b>").append(s.failedSessions())
        .append("</b></span><span>from ").append(s.first()).append(" to ").append(s.last())
        .append("</span></p>\n<h3>Sessions per day</h3>\n");
    sessionsChart(out, s);
    out.append("<h3>Failed sessions per day, by receiving MX host</h3>\n");
    failuresChart(out, s);
    out.append("<p class=\"note\">Aggregate reports name the MX host only for failures "
        + "(receiving-mx-hostname, RFC 8460 §4.4): successful sessions are counted per "
        + "domain.</p>\n<h3>Failures</h3>\n");
    if (s.failures().isEmpty()) {
      out.append("<p>No failed session.</p>\n");
    } else {
      table(out, List.of("result type", "MX host", "sending organisation", "failed sessions"),
          s.failures().stream().map(r -> List.of(r.resultType(), r.mxHost(), r.organization(),
              Long.toString(r.sessions()))).toList());
    }
    out.append("<h3>Sending organisations</h3>\n");
    table(out, List.of("organisation", "reports", "successful sessions", "failed sessions"),
        s.organizations().stream().map(o -> List.of(o.name(), Long.toString(o.reports()),
            Long.toString(o.successfulSessions()), Long.toString(o.failedSessions()))).toList());
    out.append("<h3>Policies seen</h3>\n");
    table(out, List.of("type", "policy id (derived)", "mx", "reports", "successful", "failed",
            "last seen"),
        s.policies().stream().map(p -> List.of(p.type().token(), p.stsPolicyId().orElse("-"),
            String.join(" ", p.mxPatterns()), Long.toString(p.reports()),
            Long.toString(p.successfulSessions()), Long.toString(p.failedSessions()),
            p.last().toString())).toList());
    out.append("</section>\n");
  }

  private static void sessionsChart(StringBuilder out, DomainSummary s) {
    List<DomainSummary.Day> days = s.days();
    long max = days.stream().mapToLong(d -> Math.max(d.successfulSessions(), d.failedSessions()))
        .max().orElse(0);
    Frame frame = new Frame(days.size(), max);
    out.append(frame.open("Successful and failed sessions per day"));
    for (int i = 0; i < days.size(); i++) {
      DomainSummary.Day day = days.get(i);
      double x = frame.x(i);
      double w = frame.band() * 0.4;
      bar(out, x, w, frame, 0, day.successfulSessions(), SUCCESS,
          day.date() + ": " + day.successfulSessions() + " successful");
      bar(out, x + w, w, frame, 0, day.failedSessions(), FAILURE,
          day.date() + ": " + day.failedSessions() + " failed");
      out.append(frame.dayLabel(i, day));
    }
    out.append("</svg>\n");
    legend(out, List.of(new String[] {SUCCESS, "successful"}, new String[] {FAILURE, "failed"}));
  }

  private static void failuresChart(StringBuilder out, DomainSummary s) {
    List<String> hosts = new ArrayList<>(s.failuresByMxHost().keySet());
    if (hosts.isEmpty()) {
      out.append("<p>No failed session.</p>\n");
      return;
    }
    List<DomainSummary.Day> days = s.days();
    long max = days.stream().mapToLong(d -> d.failedByMxHost().values().stream()
        .mapToLong(Long::longValue).sum()).max().orElse(0);
    Frame frame = new Frame(days.size(), max);
    out.append(frame.open("Failed sessions per day and receiving MX host"));
    for (int i = 0; i < days.size(); i++) {
      DomainSummary.Day day = days.get(i);
      long base = 0;
      for (int h = 0; h < hosts.size(); h++) {
        long n = day.failedByMxHost().getOrDefault(hosts.get(h), 0L);
        if (n > 0) {
          bar(out, frame.x(i), frame.band() * 0.8, frame, base, n, colour(h),
              day.date() + ", " + hosts.get(h) + ": " + n + " failed");
          base += n;
        }
      }
      out.append(frame.dayLabel(i, day));
    }
    out.append("</svg>\n");
    List<String[]> entries = new ArrayList<>();
    for (int h = 0; h < hosts.size(); h++) {
      entries.add(new String[] {colour(h),
          hosts.get(h) + " (" + s.failuresByMxHost().get(hosts.get(h)) + ")"});
    }
    legend(out, entries);
  }

  private static String colour(int index) {
    return HOST_COLOURS[index % HOST_COLOURS.length];
  }

  private static void bar(StringBuilder out, double x, double width, Frame frame, long base,
      long value, String colour, String title) {
    if (value <= 0) {
      return;
    }
    double top = frame.y(base + value);
    double height = frame.y(base) - top;
    out.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s"
            + "</title></rect>", x, top, Math.max(width, 1), Math.max(height, 0.5), colour,
        escape(title)));
  }

  private static void legend(StringBuilder out, List<String[]> entries) {
    out.append("<p class=\"legend\">");
    for (String[] entry : entries) {
      out.append("<span style=\"margin-right:1.5em\"><svg width=\"12\" height=\"12\">")
          .append("<rect width=\"12\" height=\"12\" fill=\"").append(entry[0])
          .append("\"/></svg> ").append(escape(entry[1])).append("</span>");
    }
    out.append("</p>\n");
  }

  private static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
    out.append("<table><tr>");
    header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
    out.append("</tr>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (String cell : row) {
        boolean number = !cell.isEmpty() && cell.chars().allMatch(Character::isDigit);
        out.append(number ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</table>\n");
  }

  /** The plot area of a chart: days across, sessions up. */
  private record Frame(int days, long max) {
    double band() {
      return Math.min(60, (WIDTH - LEFT - RIGHT) / (double) Math.max(days, 1));
    }

    double x(int day) {
      return LEFT + day * band() + band() * 0.1;
    }

    double y(long value) {
      return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / (double) Math.max(max, 1));
    }

    String open(String label) {
      StringBuilder svg = new StringBuilder();
      svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
          .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH)
          .append(' ').append(HEIGHT).append("\"><title>").append(escape(label))
          .append("</title>");
      double bottom = y(0);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
          + "stroke=\"#888\"/>", LEFT, bottom, WIDTH - RIGHT, bottom));
      for (long tick : new long[] {0, max / 2, max}) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d"
            + "</text>", LEFT - 6, y(tick) + 4, tick));
      }
      return svg.toString();
    }

    String dayLabel(int index, DomainSummary.Day day) {
      int every = Math.max(1, (int) Math.ceil(days / 15.0));
      if (index % every != 0) {
        return "";
      }
      return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s"
          + "</text>", LEFT + index * band() + band() / 2, HEIGHT - BOTTOM + 16,
          DAY.format(day.date()));
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
