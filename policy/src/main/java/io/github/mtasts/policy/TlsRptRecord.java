package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code _smtp._tls.<domain>} TXT record (RFC 8460 §3): where senders deliver their daily
 * TLS reports.
 */
public final class TlsRptRecord {
  /** The only record version RFC 8460 §3 defines. */
  public static final String VERSION = "TLSRPTv1";

  private static final TxtRecordSyntax SYNTAX =
      new TxtRecordSyntax(
          "v=" + VERSION, "RFC 8460 §3", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com");
  private static final String RUA = "rua";

  private final List<String> rua;
  private final Map<String, String> extensions;

  private TlsRptRecord(List<String> rua, Map<String, String> extensions) {
    this.rua = List.copyOf(rua);
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /**
   * Parses one TXT record (its strings already joined without spaces).
   *
   * @param txt the record text
   * @return the record, or the errors; warnings in both cases
   */
  public static ParseResult<TlsRptRecord> parse(String txt) {
    return parse(txt, 0, new ArrayList<>());
  }

  /**
   * Parses the whole TXT RRset at {@code _smtp._tls.<domain>}: when it holds several records,
   * those that do not begin with {@code v=TLSRPTv1;} are ignored; exactly one must remain, and it
   * must be valid (RFC 8460 §3).
   *
   * @param records each element one TXT record, its strings already joined without spaces
   * @return the record, or the errors; problem lines are 1-based record numbers
   */
  public static ParseResult<TlsRptRecord> fromRrset(List<String> records) {
    return SYNTAX.fromRrset(records, "_smtp._tls", TlsRptRecord::parse);
  }

  /**
   * Counts the records of the TXT RRset at {@code _smtp._tls} that senders consider before they
   * require exactly one: a lone record starting with the version tag, or, of several, those that
   * begin with the version tag and ';' exactly. {@link #fromRrset} fails unless this is one.
   *
   * @param records each element one TXT record, its strings already joined without spaces
   * @return the number of candidate records
   */
  public static int candidateCount(List<String> records) {
    return SYNTAX.candidates(records).size();
  }

  private static ParseResult<TlsRptRecord> parse(String txt, int line, List<Problem> problems) {
    List<TxtRecordSyntax.Tag> tags = SYNTAX.parse(txt, line, problems);
    if (tags == null) {
      return ParseResult.of(problems, () -> null);
    }
    List<String> uris = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, String> extensions =
        SYNTAX.interpret(tags, RUA, true, tag -> {
          // RFC 8460 §3: tlsrpt-rua = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri); the field
          // may repeat, and every URI counts.
          for (String uri : tag.value().split(",", -1)) {
            addUri(FieldSyntax.stripTrailingWsp(FieldSyntax.stripLeadingWsp(uri)), uris, seen, line,
                problems);
          }
        }, line, problems);
    if (tags.stream().noneMatch(tag -> tag.name().equals(RUA))) {
      problems.add(
          Problem.error(
              RUA,
              line,
              txt,
              "the record has no rua field: RFC 8460 §3 requires one, as in "
                  + "'v=TLSRPTv1; rua=mailto:tlsrpt@example.com'."));
    }
    return ParseResult.of(problems, () -> new TlsRptRecord(uris, extensions));
  }

  /** Checks a URI and adds it to {@code uris}; {@code seen} holds the same, to find repetitions. */
  private static void addUri(String uri, List<String> uris, Set<String> seen, int line,
      List<Problem> problems) {
    String violation = ReportUri.violation(uri);
    if (violation != null) {
      problems.add(Problem.error(RUA, line, uri, violation));
      return;
    }
    if (!seen.add(uri)) {
      problems.add(
          Problem.warning(RUA, line, uri, "rua URI " + Excerpt.quote(uri) + " is listed twice: remove the "
              + "repetition, or senders may send each report to it twice."));
    }
    uris.add(uri);
  }

  /**
   * The record for report URIs.
   *
   * @param rua mailto: or https: URIs, at least one
   * @return the record
   * @throws InvalidInputException naming every invalid URI
   */
  public static TlsRptRecord of(List<String> rua) {
    return builder().rua(rua).build();
  }

  /** Starts a record. */
  public static Builder builder() {
    return new Builder();
  }

  /** The report URIs, in the order given. */
  public List<String> rua() {
    return rua;
  }

  /** Fields RFC 8460 does not define, by name, in the order they were given. */
  public Map<String, String> extensions() {
    return extensions;
  }

  /** The TXT value: {@code v=TLSRPTv1; rua=uri1,uri2}, then any extensions. */
  public String render() {
    StringBuilder out =
        new StringBuilder(SYNTAX.version()).append("; rua=").append(String.join(",", rua));
    extensions.forEach((name, value) -> out.append("; ").append(name).append('=').append(value));
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsRptRecord && ((TlsRptRecord) o).render().equals(render());
  }

  @Override
  public int hashCode() {
    return render().hashCode();
  }

  @Override
  public String toString() {
    return render();
  }

  /** Builds a {@link TlsRptRecord}. */
  public static final class Builder {
    private final List<String> rua = new ArrayList<>();
    private final Map<String, String> extensions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Replaces the report URIs.
     *
     * @param uris mailto: or https: URIs
     * @return this builder
     */
    public Builder rua(List<String> uris) {
      rua.clear();
      uris.forEach(uri -> rua.add(Objects.requireNonNull(uri, "rua URI")));
      return this;
    }

    /**
     * Adds a field RFC 8460 does not define; a later call with the same name replaces it.
     *
     * @param name an extension name (not v or rua)
     * @param value visible ASCII except '=' and ';'
     * @return this builder
     */
    public Builder extension(String name, String value) {
      extensions.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the record.
     *
     * @return the record
     * @throws InvalidInputException naming every invalid URI or extension
     */
    public TlsRptRecord build() {
      List<Problem> problems = new ArrayList<>();
      if (rua.isEmpty()) {
        problems.add(Problem.error(RUA, 0, "", "the record needs at least one rua URI, such as "
            + "mailto:tlsrpt@example.com (RFC 8460 §3)."));
      }
      List<String> accepted = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      rua.forEach(uri -> addUri(uri, accepted, seen, 0, problems));
      extensions.forEach(
          (name, value) -> problems.addAll(SYNTAX.builderExtensionProblems(name, value, RUA)));
      if (problems.stream().anyMatch(Problem::isError)) {
        throw new InvalidInputException(problems.stream().filter(Problem::isError).toList());
      }
      return new TlsRptRecord(rua, extensions);
    }
  }
}
