package io.github.mtasts.reports;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The RFC 8460 §4.4 report parser: a stream of JSON in, a {@link TlsReport} or the problems out.
 *
 * <p>Lenient where senders differ and the meaning is clear: counts written as strings or as
 * integral decimals, {@code mx-host} and {@code policy-string} as one string instead of a list,
 * date-times without a zone (read as UTC) or as a date, missing optional fields ({@code
 * contact-info}, {@code failure-details}, {@code policy-string}, {@code mx-host}), empty strings
 * where a field is optional, fields the RFC does not define, a byte order mark. Strict where the
 * meaning is not: a missing organisation, report-id, date range, policy type, policy domain or
 * session count, a negative count, a result type missing, and anything that is not a JSON object
 * in UTF-8. Every problem names the JSON field by its path, for example {@code
 * policies[0].summary.total-failure-session-count}.
 *
 * <p>Memory stays bounded by the caller's byte limit on the stream and by {@link
 * Limits#maxDepth()}: unknown values are skipped with a depth count, never built as a tree.
 */
public final class ReportParser {
  private static final String SPEC = "RFC 8460 §4.4";
  private static final int MAX_TEXT_SHOWN = 80;

  /** Nesting past the limit: parsing stops, the problem is already recorded. */
  private static final class TooDeep extends RuntimeException {
    TooDeep() {
      super(null, null, false, false);
    }
  }

  /** The fields of a {@code policy} object. */
  private record PolicyFields(
      PolicyType type, String domain, List<String> policyString, List<String> mxHosts) {}

  private final List<Problem> problems = new ArrayList<>();
  private final int maxDepth;

  private ReportParser(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /**
   * Parses one report.
   *
   * @param json the report's bytes, UTF-8 JSON, already decompressed and bounded by the caller
   * @param limits the nesting limit
   * @return the report, or the errors that make the input no report
   * @throws LimitExceededException when the stream passes its byte limit
   * @throws IOException when the stream cannot be read
   */
  public static ParseResult<TlsReport> parse(InputStream json, Limits limits) throws IOException {
    return new ReportParser(limits.maxDepth()).run(json);
  }

  private ParseResult<TlsReport> run(InputStream in) throws IOException {
    // RFC 8259 §8.1: JSON exchanged between systems is UTF-8; malformed bytes are an error, not '?'.
    Reader decoder = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    PushbackReader reader = new PushbackReader(decoder, 1);
    TlsReport report = null;
    try {
      int first = reader.read();
      if (first == '<') {
        problems.add(Problem.error("$", 0, "<", "the input starts with '<' (XML or HTML), not JSON: "
            + "it is not a TLS-RPT report (" + SPEC + "); DMARC aggregate reports (RFC 7489) "
            + "are XML."));
        return ParseResult.of(problems, () -> null);
      }
      if (first != '\uFEFF' && first >= 0) {
        reader.unread(first); // a byte order mark is tolerated (RFC 8259 §8.1 allows ignoring it)
      }
      JsonReader json = new JsonReader(reader);
      if (json.peek() != JsonToken.BEGIN_OBJECT) {
        problems.add(Problem.error("$", 0, json.peek().toString(), "the input is not a TLS-RPT "
            + "report: " + SPEC + " reports are one JSON object, this is " + kind(json.peek())
            + "."));
        return ParseResult.of(problems, () -> null);
      }
      report = report(json);
      if (json.peek() != JsonToken.END_DOCUMENT) {
        problems.add(Problem.error("$", 0, "", "the input goes on after the report object: "
            + "a report file holds one JSON object (" + SPEC + ")."));
      }
    } catch (CharacterCodingException e) {
      problems.add(Problem.error("$", 0, "", "the input is not valid UTF-8, which " + SPEC
          + " reports are (RFC 8259 §8.1): it is not a TLS-RPT report or it is damaged."));
    } catch (EOFException e) {
      problems.add(Problem.error("$", 0, "", "the input ends in the middle of the JSON: it is "
          + "truncated."));
    } catch (MalformedJsonException | JsonParseException | IllegalStateException
        | NumberFormatException e) {
      String detail = String.valueOf(e.getMessage())
          .replace("Use JsonReader.setLenient(true) to accept malformed JSON", "malformed JSON");
      problems.add(Problem.error("$", 0, "", "the input is not valid JSON (" + detail
          + "): it is not a TLS-RPT report or it is damaged."));
    } catch (TooDeep e) {
      // recorded where it was found
    }
    TlsReport value = report;
    return ParseResult.of(problems, () -> value);
  }

  private TlsReport report(JsonReader json) throws IOException {
    String organization = null;
    String reportId = null;
    String contact = null;
    Instant[] range = null;
    List<PolicyResult> policies = null;
    boolean policiesSeen = false;
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      switch (name) {
        case "organization-name" -> organization = text(json, name);
        case "report-id" -> reportId = text(json, name);
        case "contact-info" -> contact = text(json, name);
        case "date-range" -> range = dateRange(json);
        case "policies" -> {
          policiesSeen = true;
          policies = policies(json);
        }
        default -> skip(json, 1, name);
      }
    }
    json.endObject();
    require("organization-name", organization, "the name of the sending organisation");
    require("report-id", reportId, "the sender's identifier of the report");
    if (range == null && problems.stream().noneMatch(p -> p.field().startsWith("date-range"))) {
      missing("date-range", "the period the report covers");
    }
    if (!policiesSeen) {
      missing("policies", "the sessions per policy");
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      return null;
    }
    return new TlsReport(organization, reportId, range[0], range[1], Optional.ofNullable(contact),
        policies);
  }

  private Instant[] dateRange(JsonReader json) throws IOException {
    if (!expectObject(json, "date-range", 1)) {
      return null;
    }
    Instant start = null;
    Instant end = null;
    boolean startSeen = false;
    boolean endSeen = false;
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      String path = "date-range." + name;
      switch (name) {
        case "start-datetime" -> {
          startSeen = true;
          start = instant(text(json, path), path);
        }
        case "end-datetime" -> {
          endSeen = true;
          end = instant(text(json, path), path);
        }
        default -> skip(json, 2, path);
      }
    }
    json.endObject();
    if (!startSeen) {
      missing("date-range.start-datetime", "the start of the period");
    }
    if (!endSeen) {
      missing("date-range.end-datetime", "the end of the period");
    }
    if (start == null || end == null) {
      return null;
    }
    if (end.isBefore(start)) {
      problems.add(Problem.error("date-range", 0, start + " .. " + end, "date-range ends ("
          + end + ") before it starts (" + start + "): the report is damaged (" + SPEC + ")."));
      return null;
    }
    return new Instant[] {start, end};
  }

  private List<PolicyResult> policies(JsonReader json) throws IOException {
    List<PolicyResult> out = new ArrayList<>();
    if (json.peek() != JsonToken.BEGIN_ARRAY) {
      wrongType(json, "policies", "a list of policy results", 1);
      return out;
    }
    json.beginArray();
    for (int i = 0; json.hasNext(); i++) {
      PolicyResult result = policyResult(json, "policies[" + i + "]");
      if (result != null) {
        out.add(result);
      }
    }
    json.endArray();
    return out;
  }

  private PolicyResult policyResult(JsonReader json, String path) throws IOException {
    if (!expectObject(json, path, 2)) {
      return null;
    }
    int before = errorCount();
    PolicyFields policy = null;
    long[] summary = null;
    List<FailureDetail> failures = List.of();
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      switch (name) {
        case "policy" -> policy = policy(json, path + ".policy");
        case "summary" -> summary = summary(json, path + ".summary");
        case "failure-details" -> failures = failureDetails(json, path + ".failure-details");
        default -> skip(json, 3, path + "." + name);
      }
    }
    json.endObject();
    if (policy == null && errorCount() == before) {
      missing(path + ".policy", "the policy the sessions were made under");
    }
    if (summary == null && errorCount() == before) {
      missing(path + ".summary", "the session counts");
    }
    if (errorCount() > before || policy == null || summary == null) {
      return null;
    }
    return new PolicyResult(policy.type(), policy.domain(), policy.policyString(),
        policy.mxHosts(), summary[0], summary[1], failures);
  }

  /** Returns the policy's fields, or null after recording the problems. */
  private PolicyFields policy(JsonReader json, String path) throws IOException {
    if (!expectObject(json, path, 3)) {
      return null;
    }
    String typeText = null;
    String domain = null;
    List<String> policyString = List.of();
    List<String> mxHosts = List.of();
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      String field = path + "." + name;
      switch (name) {
        case "policy-type" -> typeText = text(json, field);
        case "policy-domain" -> domain = text(json, field);
        case "policy-string" -> policyString = texts(json, field);
        case "mx-host" -> mxHosts = texts(json, field);
        default -> skip(json, 4, field);
      }
    }
    json.endObject();
    PolicyType type = null;
    if (typeText == null) {
      missing(path + ".policy-type", "sts, tlsa or no-policy-found");
    } else {
      type = PolicyType.fromToken(typeText).orElse(null);
      if (type == null) {
        problems.add(Problem.error(path + ".policy-type", 0, shown(typeText), "policy-type '"
            + shown(typeText) + "' is none of sts, tlsa and no-policy-found (" + SPEC + ")."));
      }
    }
    if (domain == null) {
      missing(path + ".policy-domain", "the domain the policy is for");
    } else if (domain.chars().anyMatch(c -> c <= ' ')) {
      problems.add(Problem.error(path + ".policy-domain", 0, shown(domain), "policy-domain '"
          + shown(domain) + "' is not a domain name (" + SPEC + ")."));
      domain = null;
    }
    if (type == null || domain == null) {
      return null;
    }
    return new PolicyFields(type, hostName(domain), policyString, mxHosts);
  }

  /** Returns {successful, failed}, or null after recording the problems. */
  private long[] summary(JsonReader json, String path) throws IOException {
    if (!expectObject(json, path, 3)) {
      return null;
    }
    Long successful = null;
    Long failed = null;
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      String field = path + "." + name;
      switch (name) {
        case "total-successful-session-count" -> successful = count(json, field);
        case "total-failure-session-count" -> failed = count(json, field);
        default -> skip(json, 4, field);
      }
    }
    json.endObject();
    if (successful == null && !reported(path + ".total-successful-session-count")) {
      missing(path + ".total-successful-session-count", "the number of successful sessions");
    }
    if (failed == null && !reported(path + ".total-failure-session-count")) {
      missing(path + ".total-failure-session-count", "the number of failed sessions");
    }
    return successful == null || failed == null ? null : new long[] {successful, failed};
  }

  private List<FailureDetail> failureDetails(JsonReader json, String path) throws IOException {
    List<FailureDetail> out = new ArrayList<>();
    if (json.peek() == JsonToken.NULL) {
      json.nextNull();
      return out;
    }
    if (json.peek() != JsonToken.BEGIN_ARRAY) {
      wrongType(json, path, "a list of failure details", 3);
      return out;
    }
    json.beginArray();
    for (int i = 0; json.hasNext(); i++) {
      FailureDetail detail = failureDetail(json, path + "[" + i + "]");
      if (detail != null) {
        out.add(detail);
      }
    }
    json.endArray();
    return out;
  }

  private FailureDetail failureDetail(JsonReader json, String path) throws IOException {
    if (!expectObject(json, path, 4)) {
      return null;
    }
    String resultType = null;
    Long count = null;
    String mx = null;
    String helo = null;
    String receivingIp = null;
    String sendingIp = null;
    String reason = null;
    String info = null;
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      String field = path + "." + name;
      switch (name) {
        case "result-type" -> resultType = text(json, field);
        case "failed-session-count" -> count = count(json, field);
        case "receiving-mx-hostname" -> mx = text(json, field);
        case "receiving-mx-helo" -> helo = text(json, field);
        case "receiving-ip" -> receivingIp = text(json, field);
        case "sending-mta-ip" -> sendingIp = text(json, field);
        case "failure-reason-code" -> reason = text(json, field);
        case "additional-information" -> info = text(json, field);
        default -> skip(json, 5, field);
      }
    }
    json.endObject();
    if (resultType == null) {
      missing(path + ".result-type", "what failed, for example certificate-expired (RFC 8460 §4.3)");
    }
    if (count == null && !reported(path + ".failed-session-count")) {
      missing(path + ".failed-session-count", "the number of sessions that failed this way");
    }
    if (resultType == null || count == null) {
      return null;
    }
    return new FailureDetail(resultType.toLowerCase(Locale.ROOT), count,
        optional(mx).map(ReportParser::hostName), optional(helo), optional(receivingIp),
        optional(sendingIp), optional(reason), optional(info));
  }

  // ---- values

  /** A string value; numbers are taken as their text; null or "" count as absent (null). */
  private String text(JsonReader json, String path) throws IOException {
    JsonToken token = json.peek();
    if (token == JsonToken.STRING || token == JsonToken.NUMBER) {
      String value = json.nextString().strip();
      return value.isEmpty() ? null : value;
    }
    if (token == JsonToken.NULL) {
      json.nextNull();
      return null;
    }
    wrongType(json, path, "a string", depthOf(path));
    return null;
  }

  /** A list of strings, or one string taken as a list of one. */
  private List<String> texts(JsonReader json, String path) throws IOException {
    if (json.peek() != JsonToken.BEGIN_ARRAY) {
      String one = text(json, path);
      return one == null ? List.of() : List.of(one);
    }
    List<String> out = new ArrayList<>();
    json.beginArray();
    for (int i = 0; json.hasNext(); i++) {
      String value = text(json, path + "[" + i + "]");
      if (value != null) {
        out.add(value);
      }
    }
    json.endArray();
    return out;
  }

  /** A session count: a non-negative integer, written as a number or a string. */
  private Long count(JsonReader json, String path) throws IOException {
    JsonToken token = json.peek();
    if (token != JsonToken.NUMBER && token != JsonToken.STRING) {
      wrongType(json, path, "a count of sessions", depthOf(path));
      return null;
    }
    String text = json.nextString().strip();
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() >= 0 && value.stripTrailingZeros().scale() <= 0
          && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
        return value.longValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    problems.add(Problem.error(path, 0, shown(text), path + " is '" + shown(text)
        + "', not a count of sessions (a whole number, 0 or more; " + SPEC + ")."));
    return null;
  }

  /**
   * A date-time of RFC 3339 as {@code date-range} uses it; also accepted: a space for the T,
   * no zone (UTC, the zone of report periods, RFC 8460 §4.1), or a date alone (its start).
   */
  private Instant instant(String text, String path) {
    if (text == null) {
      return null;
    }
    String value = text.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      problems.add(Problem.error(path, 0, shown(text), path + " '" + shown(text)
          + "' is not a date-time such as 2016-04-01T00:00:00Z (" + SPEC + ", RFC 3339)."));
      return null;
    }
  }

  // ---- structure

  private boolean expectObject(JsonReader json, String path, int depth) throws IOException {
    if (json.peek() == JsonToken.BEGIN_OBJECT) {
      return true;
    }
    wrongType(json, path, "an object", depth);
    return false;
  }

  private void wrongType(JsonReader json, String path, String wanted, int depth)
      throws IOException {
    String found = kind(json.peek());
    problems.add(Problem.error(path, 0, found, path + " is " + found + ", not " + wanted
        + " (" + SPEC + ")."));
    skip(json, depth, path);
  }

  /**
   * Skips one value, counting nesting: {@code depth} is the depth of the value's container.
   * Never builds the value, so a huge unknown field costs no memory.
   */
  private void skip(JsonReader json, int depth, String path) throws IOException {
    int level = 0;
    do {
      switch (json.peek()) {
        case BEGIN_ARRAY -> {
          checkDepth(depth + level + 1, path);
          json.beginArray();
          level++;
        }
        case BEGIN_OBJECT -> {
          checkDepth(depth + level + 1, path);
          json.beginObject();
          level++;
        }
        case END_ARRAY -> {
          json.endArray();
          level--;
        }
        case END_OBJECT -> {
          json.endObject();
          level--;
        }
        case NAME -> json.nextName();
        case NULL -> json.nextNull();
        case END_DOCUMENT -> throw new EOFException();
        default -> json.skipValue(); // a string, number or boolean
      }
    } while (level > 0);
  }

  private void checkDepth(int depth, String path) {
    if (depth > maxDepth) {
      problems.add(Problem.error(path, 0, "", "the JSON under " + path + " is nested more than "
          + maxDepth + " levels deep, far deeper than any " + SPEC + " report: it is not one."));
      throw new TooDeep();
    }
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case BEGIN_ARRAY -> "a list";
      case BEGIN_OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case NULL -> "null";
      default -> "nothing";
    };
  }

  private static int depthOf(String path) {
    return (int) path.chars().filter(c -> c == '.' || c == '[').count() + 1;
  }

  private void require(String field, String value, String what) {
    if (value == null && !reported(field)) {
      missing(field, what);
    }
  }

  private void missing(String field, String what) {
    problems.add(Problem.error(field, 0, "", field + " is missing or empty: a TLS-RPT report "
        + "must give " + what + " (" + SPEC + ")."));
  }

  private boolean reported(String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }

  private int errorCount() {
    return (int) problems.stream().filter(Problem::isError).count();
  }

  private static Optional<String> optional(String value) {
    return Optional.ofNullable(value);
  }

  /** A host or domain name as compared: lower case, no trailing dot. */
  static String hostName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static String shown(String text) {
    return text.length() <= MAX_TEXT_SHOWN ? text : text.substring(0, MAX_TEXT_SHOWN) + "...";
  }
}
