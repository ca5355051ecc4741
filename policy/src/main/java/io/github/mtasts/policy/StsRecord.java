package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code _mta-sts.<domain>} TXT record (RFC 8461 §3.1): announces that the domain has an
 * MTA-STS policy and names its current {@link PolicyId}.
 */
public final class StsRecord {
  /** The only record version RFC 8461 §3.1 defines. */
  public static final String VERSION = "STSv1";

  private static final TxtRecordSyntax SYNTAX =
      new TxtRecordSyntax("v=" + VERSION, "RFC 8461 §3.1", "v=STSv1; id=20240101T000000");
  private static final String ID = "id";

  private final PolicyId id;
  private final Map<String, String> extensions;

  private StsRecord(PolicyId id, Map<String, String> extensions) {
    this.id = id;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /**
   * Parses one TXT record (its strings already joined without spaces).
   *
   * @param txt the record text
   * @return the record, or the errors; warnings in both cases
   */
  public static ParseResult<StsRecord> parse(String txt) {
    return parse(txt, 0, new ArrayList<>());
  }

  /**
   * Parses the whole TXT RRset at {@code _mta-sts.<domain>}: when it holds several records,
   * those that do not begin with {@code v=STSv1;} are ignored; exactly one must remain, and it
   * must be valid (RFC 8461 §3.1).
   *
   * @param records each element one TXT record, its strings already joined without spaces
   * @return the record, or the errors; problem lines are 1-based record numbers
   */
  public static ParseResult<StsRecord> fromRrset(List<String> records) {
    return SYNTAX.fromRrset(records, "_mta-sts", StsRecord::parse);
  }

  /**
   * Counts the records of the TXT RRset at {@code _mta-sts} that senders consider before they
   * require exactly one: a lone record starting with the version tag, or, of several, those that
   * begin with the version tag and ';' exactly. {@link #fromRrset} fails unless this is one.
   *
   * @param records each element one TXT record, its strings already joined without spaces
   * @return the number of candidate records
   */
  public static int candidateCount(List<String> records) {
    return SYNTAX.candidates(records).size();
  }

  private static ParseResult<StsRecord> parse(String txt, int line, List<Problem> problems) {
    List<TxtRecordSyntax.Tag> tags = SYNTAX.parse(txt, line, problems);
    if (tags == null) {
      return ParseResult.of(problems, () -> null);
    }
    List<PolicyId> ids = new ArrayList<>();
    Map<String, String> extensions =
        SYNTAX.interpret(tags, ID, false, tag -> {
          // RFC 8461 §3.1: sts-id = %s"id=" 1*32(ALPHA / DIGIT)
          ParseResult<PolicyId> parsed = PolicyId.parse(tag.value());
          parsed.errors().forEach(e -> problems.add(e.atLine(line)));
          parsed.value().ifPresent(ids::add);
        }, line, problems);
    if (tags.stream().noneMatch(tag -> tag.name().equals(ID))) {
      problems.add(
          Problem.error(
              ID,
              line,
              txt,
              "the record has no id field: RFC 8461 §3.1 requires one, as in "
                  + "'v=STSv1; id=20240101T000000' (1 to 32 letters and digits)."));
    }
    return ParseResult.of(problems, () -> new StsRecord(ids.get(0), extensions));
  }

  /**
   * The record announcing a policy id.
   *
   * @param id the policy id, usually {@link Policy#id()}
   * @return the record
   */
  public static StsRecord of(PolicyId id) {
    return builder().id(id).build();
  }

  /** Starts a record. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy id. */
  public PolicyId id() {
    return id;
  }

  /** Fields RFC 8461 does not define, by name, in the order they were given. */
  public Map<String, String> extensions() {
    return extensions;
  }

  /** The TXT value: {@code v=STSv1; id=...}, then any extensions. */
  public String render() {
    StringBuilder out = new StringBuilder(SYNTAX.version()).append("; id=").append(id.value());
    extensions.forEach((name, value) -> out.append("; ").append(name).append('=').append(value));
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StsRecord && ((StsRecord) o).render().equals(render());
  }

  @Override
  public int hashCode() {
    return render().hashCode();
  }

  @Override
  public String toString() {
    return render();
  }

  /** Builds a {@link StsRecord}. */
  public static final class Builder {
    private PolicyId id;
    private final Map<String, String> extensions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the policy id.
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(PolicyId id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Adds a field RFC 8461 does not define; a later call with the same name replaces it.
     *
     * @param name an extension name (not v or id)
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
     * @throws InvalidInputException when the id is missing or an extension is invalid
     */
    public StsRecord build() {
      List<Problem> problems = new ArrayList<>();
      if (id == null) {
        problems.add(Problem.error(ID, 0, "", "the record needs an id: RFC 8461 §3.1 requires "
            + "one (1 to 32 letters and digits)."));
      }
      extensions.forEach(
          (name, value) -> problems.addAll(SYNTAX.builderExtensionProblems(name, value, ID)));
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return new StsRecord(id, extensions);
    }
  }
}
