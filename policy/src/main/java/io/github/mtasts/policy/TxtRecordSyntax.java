package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The grammar both TXT records share: a version tag, then {@code name=value} fields separated by
 * {@code *WSP ";" *WSP}, with an optional trailing separator (RFC 8461 §3.1, RFC 8460 §3).
 */
final class TxtRecordSyntax {
  /** One {@code name=value} field of a record. */
  record Tag(String name, String value) {}

  /** Parses one record, adding to the problems found so far; {@code line} is its number. */
  interface RecordParser<T> {
    ParseResult<T> parse(String txt, int line, List<Problem> problems);
  }

  private final String version; // "v=STSv1" or "v=TLSRPTv1"
  private final String rfc; // "RFC 8461 §3.1" or "RFC 8460 §3"
  private final String example;

  TxtRecordSyntax(String version, String rfc, String example) {
    this.version = version;
    this.rfc = rfc;
    this.example = example;
  }

  String version() {
    return version;
  }

  /**
   * Whether a record begins with the version tag: {@code v=STSv1} followed by the end, WSP or
   * {@code ;}, so that {@code v=STSv10} is another version.
   */
  boolean startsWithVersion(String txt) {
    if (!txt.startsWith(version)) {
      return false;
    }
    return txt.length() == version.length()
        || FieldSyntax.isWsp(txt.charAt(version.length()))
        || txt.charAt(version.length()) == ';';
  }

  /** Whether a record that does not start with the version tag still looks meant as one. */
  boolean looksMeantAsRecord(String txt) {
    String trimmed = FieldSyntax.stripLeadingWsp(txt);
    return trimmed.regionMatches(true, 0, version, 0, version.length()) || txt.contains(version);
  }

  /**
   * Splits a record into its fields after the version tag; records syntax errors in {@code
   * problems}. Field names are checked; values are left to the caller.
   *
   * @return the fields, or null when the record does not start with the version tag
   */
  List<Tag> parse(String txt, int line, List<Problem> problems) {
    if (!startsWithVersion(txt)) {
      problems.add(notVersioned(txt, line));
      return null;
    }
    List<Tag> tags = new ArrayList<>();
    String rest = txt.substring(version.length());
    if (rest.isEmpty()) {
      return tags;
    }
    String afterVersion = FieldSyntax.stripLeadingWsp(rest);
    int position = txt.length() - afterVersion.length();
    if (afterVersion.isEmpty() || afterVersion.charAt(0) != ';') {
      problems.add(
          Problem.error(
              "record",
              line,
              Excerpt.around(txt, position),
              afterVersion.isEmpty()
                  ? "the record ends in whitespace after '" + version + "', which " + rfc
                      + " does not allow: remove it or end the record with ';'."
                  : "'" + version + "' must be followed by ';' before the next field (" + rfc
                      + "): write it as '" + example + "'."));
      return tags;
    }
    String[] parts = afterVersion.substring(1).split(";", -1);
    // Where the current part starts in txt, for the position findings name (1-based in messages).
    int start = position + 1;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      String field = FieldSyntax.stripTrailingWsp(FieldSyntax.stripLeadingWsp(part));
      if (field.isEmpty() && !last) {
        // A run of empty fields is one finding, however long: its first and last ';'.
        int first = start + part.length();
        int end = first;
        int run = 0;
        for (; i < parts.length - 1 && FieldSyntax.stripLeadingWsp(parts[i]).isEmpty(); i++, run++) {
          end = start + parts[i].length();
          start = end + 1;
        }
        i--;
        problems.add(
            Problem.error(
                "record",
                line,
                Excerpt.around(txt, first),
                "the record has " + (run == 1 ? "an empty field (';;' or '; ;') at character " + (first + 1)
                    : Excerpt.count(run) + " empty fields in a row (';;' or '; ;') from character "
                        + (first + 1) + " to " + (end + 1))
                    + ", which " + rfc + " does not allow: remove the extra ';'."));
        continue;
      }
      if (field.isEmpty()) {
        // RFC 8461 §3.1 / RFC 8460 §3: one trailing field delimiter is allowed.
        continue;
      }
      if (last && FieldSyntax.isWsp(part.charAt(part.length() - 1))) {
        problems.add(
            Problem.error(
                "record",
                line,
                Excerpt.around(txt, txt.length()),
                "the record ends in whitespace after " + Excerpt.quote(field) + ", which " + rfc
                    + " does not allow: remove it or end the record with ';'."));
      }
      start += part.length() + 1;
      Tag tag = parseTag(field, txt, line, problems);
      if (tag != null) {
        tags.add(tag);
      }
    }
    return tags;
  }

  private Tag parseTag(String field, String txt, int line, List<Problem> problems) {
    int equals = field.indexOf('=');
    if (equals < 0) {
      problems.add(
          Problem.error(
              "record",
              line,
              field,
              Excerpt.quote(field) + " is not a name=value field (" + rfc + "): write it as in '"
                  + example + "'."));
      return null;
    }
    String name = field.substring(0, equals);
    String value = field.substring(equals + 1);
    String trimmedName = FieldSyntax.stripTrailingWsp(name);
    if (!trimmedName.equals(name) || (!value.isEmpty() && FieldSyntax.isWsp(value.charAt(0)))) {
      problems.add(
          Problem.error(
              trimmedName.isEmpty() ? "record" : trimmedName,
              line,
              field,
              Excerpt.quote(field) + " has whitespace around '=', which " + rfc + " does not "
                  + "allow: write " + Excerpt.quote(trimmedName + "=" + FieldSyntax.stripLeadingWsp(value))
                  + "."));
      return null;
    }
    if (!FieldSyntax.isExtensionName(name)) {
      problems.add(
          Problem.error(
              name.isEmpty() ? "record" : name,
              line,
              field,
              "field name " + Excerpt.quote(name) + " in " + Excerpt.quote(field) + " is not valid: "
                  + FieldSyntax.NAME_RULE + " (" + rfc + ")."));
      return null;
    }
    return new Tag(name, value);
  }

  private Problem notVersioned(String txt, int line) {
    String hint =
        looksMeantAsRecord(txt)
            ? " exactly: the tag is case-sensitive, comes first and has no whitespace before it"
            : "";
    return Problem.error(
        "v",
        line,
        txt,
        "the record does not start with '" + version + "'" + hint + " (" + rfc + "): write it "
            + "as '" + example + "'.");
  }

  /**
   * Walks the fields after the version tag: the registered field goes to {@code registered};
   * a repeated field is a warning and the first one wins, unless the registered field may
   * repeat; other fields are extensions, checked and collected.
   *
   * @param registeredName {@code id} or {@code rua}
   * @param registeredRepeats whether the registered field may appear more than once
   * @param registered receives each accepted occurrence of the registered field
   * @return the extensions, by name, in order
   */
  Map<String, String> interpret(
      List<Tag> tags,
      String registeredName,
      boolean registeredRepeats,
      Consumer<Tag> registered,
      int line,
      List<Problem> problems) {
    Set<String> seen = new HashSet<>();
    Map<String, String> extensions = new LinkedHashMap<>();
    for (Tag tag : tags) {
      boolean repeatAllowed = registeredRepeats && tag.name().equals(registeredName);
      if (tag.name().equals("v") || (!seen.add(tag.name()) && !repeatAllowed)) {
        // An ignored repetition must still fit the grammar: read as the broadest production its
        // name allows, an extension (RFC 8461 §3.1 sts-ext-value, RFC 8460 §3 tlsrpt-ext-value).
        Problem valueProblem = extensionValueProblem(tag, line);
        problems.add(valueProblem != null ? valueProblem : repeatedField(tag, line));
      } else if (tag.name().equals(registeredName)) {
        registered.accept(tag);
      } else {
        // Unknown fields are ignored by senders (RFC 8461 §3.1, RFC 8460 §3); kept to render back.
        Problem valueProblem = extensionValueProblem(tag, line);
        if (valueProblem != null) {
          problems.add(valueProblem);
          continue;
        }
        extensions.put(tag.name(), tag.value());
        if (tag.name().equalsIgnoreCase(registeredName) || tag.name().equalsIgnoreCase("v")) {
          problems.add(caseVariant(tag, tag.name().toLowerCase(Locale.ROOT), line));
        }
      }
    }
    return extensions;
  }

  /** The error for an extension value outside the shared grammar, or null. */
  private Problem extensionValueProblem(Tag tag, int line) {
    if (FieldSyntax.isTxtValue(tag.value())) {
      return null;
    }
    return Problem.error(
        tag.name(),
        line,
        tag.value(),
        "the value " + Excerpt.quote(tag.value()) + " of field '" + tag.name() + "' is not valid: "
            + (tag.value().isEmpty() ? "it is empty" : "it may contain only visible ASCII "
                + "characters other than '=' and ';'")
            + " (" + rfc + ").");
  }

  /**
   * The errors for an extension given to a builder: a reserved or malformed name, or a value
   * outside the shared grammar.
   *
   * @param reserved the registered field name besides {@code v} ({@code id} or {@code rua})
   */
  List<Problem> builderExtensionProblems(String name, String value, String reserved) {
    List<Problem> problems = new ArrayList<>();
    if (name.equals("v") || name.equals(reserved) || !FieldSyntax.isExtensionName(name)) {
      problems.add(
          Problem.error(
              name,
              0,
              name,
              "extension name " + Excerpt.quote(name) + " is not allowed: it must not be v or " + reserved
                  + ", and " + FieldSyntax.NAME_RULE + " (" + rfc + ")."));
    }
    Problem valueProblem = extensionValueProblem(new Tag(name, value), 0);
    if (valueProblem != null) {
      problems.add(valueProblem);
    }
    return problems;
  }

  /** The warning for a field given more than once, of which the first wins. */
  private Problem repeatedField(Tag tag, int line) {
    return Problem.warning(
        tag.name(),
        line,
        tag.name() + "=" + tag.value(),
        "field '" + tag.name() + "' appears more than once; the first one wins and "
            + Excerpt.quote(tag.name() + "=" + tag.value()) + " is ignored: remove the repetition.");
  }

  /** The warning for a field name that differs from a registered one only in case. */
  private Problem caseVariant(Tag tag, String registered, int line) {
    return Problem.warning(
        tag.name(),
        line,
        tag.name(),
        "field '" + tag.name() + "' is not '" + registered + "': field names are case-sensitive ("
            + rfc + "), so senders ignore it as an unknown field; write '" + registered + "'.");
  }

  /**
   * Parses a TXT RRset: when it holds several records, those that do not begin with the version
   * tag and ';' are discarded; exactly one must remain, and that one is parsed.
   *
   * @param records one element per TXT record, strings joined without spaces
   * @param recordName the owner name for messages, e.g. {@code _mta-sts}
   * @param parser parses the remaining record
   * @return the parsed record; problem lines are 1-based record numbers
   */
  <T> ParseResult<T> fromRrset(List<String> records, String recordName, RecordParser<T> parser) {
    List<Problem> problems = new ArrayList<>();
    int index = selectFromRrset(records, recordName, problems);
    if (index < 0) {
      return ParseResult.of(problems, () -> null);
    }
    return parser.parse(records.get(index), index + 1, problems);
  }

  /**
   * The indexes of the records of an RRset that senders consider, before requiring exactly one:
   * a lone record when it starts with the version tag; of several, those that begin with the
   * version tag and ';' exactly (RFC 8461 §3.1, RFC 8460 §3).
   *
   * @param records one element per TXT record, strings joined without spaces
   * @return 0-based indexes, in order
   */
  List<Integer> candidates(List<String> records) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (isCandidate(records.get(i), records.size())) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  private boolean isCandidate(String txt, int rrsetSize) {
    return rrsetSize == 1 ? startsWithVersion(txt) : txt.startsWith(version + ";");
  }

  /**
   * The index of the record senders use, or -1 with an error.
   *
   * <p>RFC 8461 §3.1 and RFC 8460 §3: only "if multiple TXT records are returned", records that
   * do not begin with the version tag and ';' exactly ({@code v=STSv1;}) are discarded; then
   * exactly one must remain. A lone record is not discarded: it is parsed by the grammar, whose
   * field delimiter also allows whitespace before the ';'.
   */
  private int selectFromRrset(List<String> records, String recordName, List<Problem> problems) {
    String kept = version + ";";
    if (records.size() == 1) {
      String txt = records.get(0);
      if (startsWithVersion(txt) && !txt.startsWith(kept)) {
        problems.add(
            Problem.warning(
                "v",
                1,
                Excerpt.around(txt, version.length()),
                "the record does not begin with '" + kept + "' exactly; it is valid alone, but "
                    + "senders discard it as soon as " + recordName + " holds another TXT record ("
                    + rfc + "): write '" + kept + "' without a space before the ';'."));
      }
      return 0;
    }
    // One pass: an RRset may hold as many records as a DNS message (64 KiB) has room for.
    List<Integer> matching = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      String txt = records.get(i);
      if (isCandidate(txt, records.size())) {
        matching.add(i);
      } else if (looksMeantAsRecord(txt)) {
        problems.add(
            Problem.warning(
                "v",
                i + 1,
                txt,
                "the TXT record " + Excerpt.quote(txt) + " is ignored because it does not begin with '" + kept
                    + "' exactly (case-sensitive, first, no whitespace before or after the "
                    + "version); senders discard it when there are several TXT records (" + rfc
                    + ")."));
      }
    }
    if (matching.size() == 1) {
      return matching.get(0);
    }
    if (matching.isEmpty()) {
      problems.add(
          Problem.error(
              "v",
              0,
              "",
              "no " + recordName + " TXT record " + (records.isEmpty() ? "exists" : "begins with '"
                  + kept + "'") + ", so senders see none (" + rfc + "): publish one such as '"
                  + example + "'."));
    } else {
      List<Integer> numbers = matching.stream().map(i -> i + 1).toList();
      problems.add(
          Problem.error(
              "v",
              0,
              "",
              Excerpt.count(matching.size()) + " " + recordName + " TXT records begin with '" + kept
                  + "' (records " + Excerpt.list(numbers) + "); senders then ignore all of "
                  + "them (" + rfc + "): delete all but one."));
    }
    return -1;
  }
}
