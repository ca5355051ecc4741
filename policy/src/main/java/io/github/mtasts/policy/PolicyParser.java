package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The strict RFC 8461 §3.2 policy parser behind {@link Policy#parse(String)}. */
final class PolicyParser {
  // RFC 8461 §3.3: senders limit the policy body they read; 64 KiB is the size the RFC suggests.
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** One {@code name: value} line. {@code valueValid} is false when the value broke the ABNF. */
  private record Field(String name, String value, int line, boolean valueValid) {}

  private final List<Problem> problems = new ArrayList<>();

  private PolicyParser(List<Problem> initial) {
    problems.addAll(initial);
  }

  /**
   * Parses a body.
   *
   * @param text the body as text
   * @param byteLength its size in bytes as served
   * @param initial problems found before parsing (malformed UTF-8)
   */
  static ParseResult<Policy> parse(String text, int byteLength, List<Problem> initial) {
    return new PolicyParser(initial).run(text, byteLength);
  }

  static Problem missingMx(Mode mode) {
    return Problem.error(
        "mx",
        0,
        "",
        "the policy has mode " + mode.token() + " but no mx line: list every MX host, for example "
            + "'mx: mx1.example.com' (RFC 8461 §3.2 requires mx unless mode is none).");
  }

  private ParseResult<Policy> run(String text, int byteLength) {
    if (byteLength > MAX_BODY_BYTES) {
      problems.add(
          Problem.error(
              "body",
              0,
              "",
              "the policy body is " + byteLength + " bytes, above the 64 KiB (" + MAX_BODY_BYTES
                  + " bytes) that senders read (RFC 8461 §3.3): shorten it."));
    }
    String body = text;
    if (body.startsWith("\uFEFF")) {
      problems.add(
          Problem.error(
              "body",
              1,
              "\uFEFF",
              "the policy body starts with a byte order mark (U+FEFF), which the RFC 8461 §3.2 "
                  + "grammar does not allow: save the file as UTF-8 without BOM."));
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      problems.add(
          Problem.error(
              "body",
              0,
              "",
              "the policy body is empty: it needs version, mode, max_age and (unless mode is "
                  + "none) mx lines (RFC 8461 §3.2)."));
      return ParseResult.of(problems, () -> null);
    }
    List<Field> fields = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    // RFC 8461 §3.2: the final sts-policy-term is optional, so an empty piece after it is no line.
    int count = body.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      String line = lines[i];
      boolean terminated = i < lines.length - 1;
      // RFC 8461 §3.2: sts-policy-term = LF / CRLF
      if (terminated && line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      Field field = readField(line, i + 1);
      if (field != null) {
        fields.add(field);
      }
    }
    return interpret(fields);
  }

  private Field readField(String line, int lineNo) {
    if (FieldSyntax.stripLeadingWsp(line).isEmpty()) {
      problems.add(
          Problem.error(
              "line",
              lineNo,
              line,
              "line " + lineNo + " is blank: RFC 8461 §3.2 allows no blank lines in a policy; "
                  + "remove it."));
      return null;
    }
    String content = line;
    if (FieldSyntax.isWsp(line.charAt(0))) {
      content = FieldSyntax.stripLeadingWsp(line);
      problems.add(
          Problem.error(
              fieldNameOr(content, "line"),
              lineNo,
              line,
              "line " + lineNo + " starts with whitespace, which RFC 8461 §3.2 does not allow "
                  + "(a sender may read it as a continuation): remove the leading spaces or tabs."));
    }
    int colon = content.indexOf(':');
    if (colon < 0) {
      problems.add(
          Problem.error(
              "line",
              lineNo,
              line,
              "line " + lineNo + " " + Excerpt.quote(content) + " is not a field: RFC 8461 §3.2 policy lines "
                  + "are a name, ':' and a value, as in 'mode: enforce'."));
      return null;
    }
    String rawName = content.substring(0, colon);
    String name = FieldSyntax.stripTrailingWsp(rawName);
    if (!name.equals(rawName)) {
      problems.add(
          Problem.error(
              name,
              lineNo,
              line,
              Excerpt.quote(rawName + ":") + " has whitespace before the colon, which RFC 8461 §3.2 "
                  + "does not allow: write " + Excerpt.quote(name + ":") + "."));
    }
    if (!FieldSyntax.isExtensionName(name)) {
      problems.add(
          Problem.error(
              name.isEmpty() ? "line" : name,
              lineNo,
              line,
              "field name " + Excerpt.quote(name) + " is not valid: " + FieldSyntax.NAME_RULE
                  + " (RFC 8461 §3.2)."));
      return null;
    }
    // RFC 8461 §3.2: sts-policy-field-delim = ":" *WSP, and each field may be followed by *WSP
    String value =
        FieldSyntax.stripTrailingWsp(FieldSyntax.stripLeadingWsp(content.substring(colon + 1)));
    String violation = FieldSyntax.policyValueViolation(value);
    if (violation != null) {
      problems.add(
          Problem.error(name, lineNo, value, "the value of '" + name + "' " + violation + "."));
    }
    return new Field(name, value, lineNo, violation == null);
  }

  private static String fieldNameOr(String content, String fallback) {
    int colon = content.indexOf(':');
    String name = colon < 0 ? "" : FieldSyntax.stripTrailingWsp(content.substring(0, colon));
    return FieldSyntax.isExtensionName(name) ? name : fallback;
  }

  /** Reports a required field the body lacks. */
  private void requirePresent(String name, Field field, String message) {
    if (field == null) {
      problems.add(Problem.error(name, 0, "", message));
    }
  }

  /**
   * Parses a field's value, reporting its errors at the field's line.
   *
   * @param field the field, or null when the body lacks it
   * @return the value, or null when the field is missing or invalid
   */
  private <T> T valueOf(Field field, Function<String, ParseResult<T>> parser) {
    if (field == null || !field.valueValid()) {
      return null;
    }
    ParseResult<T> parsed = parser.apply(field.value());
    parsed.errors().forEach(e -> problems.add(e.atLine(field.line())));
    return parsed.value().orElse(null);
  }

  private ParseResult<Policy> interpret(List<Field> fields) {
    Map<String, Field> firsts = new LinkedHashMap<>();
    List<Field> mxFields = new ArrayList<>();
    for (Field field : fields) {
      if (field.name().equals("mx")) {
        mxFields.add(field);
        continue;
      }
      Field first = firsts.putIfAbsent(field.name(), field);
      if (first != null) {
        problems.add(
            Problem.warning(
                field.name(),
                field.line(),
                field.value(),
                "'" + field.name() + "' appears again on line " + field.line() + "; the first one, "
                    + "on line " + first.line() + ", wins and this one is ignored: remove the "
                    + "repetition (only mx may repeat)."));
      }
    }

    Field version = firsts.get("version");
    requirePresent("version", version,
        "the policy has no version line: add 'version: STSv1' (RFC 8461 §3.2).");
    if (version != null && version.valueValid() && !version.value().equals(Policy.VERSION)) {
      // RFC 8461 §3.2: sts-policy-version-value = %s"STSv1"
      problems.add(
          Problem.error(
              "version",
              version.line(),
              version.value(),
              "version " + Excerpt.quote(version.value()) + " is not STSv1, the only version RFC 8461 §3.2 "
                  + "defines (case-sensitive): write 'version: STSv1'."));
    }

    Field modeField = firsts.get("mode");
    requirePresent("mode", modeField, "the policy has no mode line: add 'mode: enforce', "
        + "'mode: testing' or 'mode: none' (RFC 8461 §3.2).");
    Mode mode = valueOf(modeField, Mode::parse);
    Field maxAgeField = firsts.get("max_age");
    requirePresent("max_age", maxAgeField, "the policy has no max_age line: add one, for "
        + "example 'max_age: 604800' for one week (RFC 8461 §3.2).");
    Long maxAge = valueOf(maxAgeField, MaxAge::parse);

    Set<MxPattern> patterns = new TreeSet<>();
    Map<String, Integer> mxLines = new HashMap<>();
    for (Field field : mxFields) {
      MxPattern pattern = valueOf(field, MxPattern::parse);
      if (pattern == null) {
        continue;
      }
      Integer earlier = mxLines.putIfAbsent(pattern.toString(), field.line());
      if (earlier != null) {
        problems.add(
            Problem.warning(
                "mx",
                field.line(),
                field.value(),
                "mx " + Excerpt.quote(pattern.toString()) + " is listed twice (lines " + earlier + " and " + field.line()
                    + "): remove the repetition."));
      }
      patterns.add(pattern);
    }
    if (mode != null && mode != Mode.NONE && mxFields.isEmpty()) {
      problems.add(missingMx(mode));
    }

    Map<String, String> extensions = new LinkedHashMap<>();
    for (Field field : firsts.values()) {
      if (Policy.FIELD_NAMES.contains(field.name())) {
        continue;
      }
      // RFC 8461 §3.2: unknown fields are ignored by senders; they are kept to render them back.
      if (field.valueValid()) {
        extensions.put(field.name(), field.value());
      }
      Policy.FIELD_NAMES.stream()
          .filter(known -> known.equalsIgnoreCase(field.name()))
          .findFirst()
          .ifPresent(known -> problems.add(
              Problem.warning(
                  field.name(),
                  field.line(),
                  field.name(),
                  "field '" + field.name() + "' is not '" + known + "': field names are "
                      + "case-sensitive (RFC 8461 §3.2), so senders ignore it as an unknown "
                      + "field; write '" + known + "' in lower case.")));
    }

    for (Problem advisory : Advisories.of(mode, maxAge, patterns)) {
      int line =
          switch (advisory.field()) {
            case "mode" -> modeField.line();
            case "max_age" -> maxAgeField.line();
            default -> mxLines.getOrDefault(advisory.text(), 0);
          };
      problems.add(advisory.atLine(line));
    }
    // Findings read best in the order of the body: whole-body ones (line 0) first.
    problems.sort(Comparator.comparingInt(Problem::line));
    if (problems.stream().anyMatch(Problem::isError)) {
      return ParseResult.of(problems, () -> null);
    }
    Policy policy = new Policy(mode, patterns, maxAge, extensions);
    return ParseResult.of(problems, () -> policy);
  }
}
