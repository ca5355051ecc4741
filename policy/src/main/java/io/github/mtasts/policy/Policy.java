package io.github.mtasts.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An MTA-STS policy (RFC 8461 §3.2): the body served at {@code
 * https://mta-sts.<domain>/.well-known/mta-sts.txt}.
 *
 * <p>Immutable. Two policies are equal exactly when their canonical bodies ({@link #render()})
 * are equal, and so exactly when their {@link #id()}s are.
 */
public final class Policy {
  /** The only policy version RFC 8461 §3.2 defines. */
  public static final String VERSION = "STSv1";

  /** The registered field names of RFC 8461 §3.2, which extensions may not use. */
  static final Set<String> FIELD_NAMES = Set.of("version", "mode", "mx", "max_age");

  private static final String CRLF = "\r\n";

  private final Mode mode;
  private final List<MxPattern> mx;
  private final long maxAge;
  private final Map<String, String> extensions;
  private final String body;
  private final PolicyId id;
  private final MxIndex index;

  Policy(Mode mode, Set<MxPattern> mx, long maxAge, Map<String, String> extensions) {
    this.mode = mode;
    this.mx = List.copyOf(mx);
    this.maxAge = maxAge;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    this.body = renderBody();
    this.id = PolicyId.derive(this);
    this.index = new MxIndex(this.mx);
  }

  /** Starts a policy. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses a policy body.
   *
   * <p>Lines end in LF or CRLF, the last line end is optional; keys may come in any order;
   * unknown keys are kept as extensions; a repeated key other than {@code mx} is a warning and
   * the first occurrence wins. A body above 64 KiB in UTF-8 is an error.
   *
   * @param body the body as text
   * @return the policy, or the errors; warnings in both cases
   */
  public static ParseResult<Policy> parse(String body) {
    return PolicyParser.parse(body, body.getBytes(StandardCharsets.UTF_8).length, List.of());
  }

  /**
   * Parses a policy body as served over HTTPS: bytes in UTF-8.
   *
   * @param body the body's bytes
   * @return the policy, or the errors (including malformed UTF-8); warnings in both cases
   */
  public static ParseResult<Policy> parse(byte[] body) {
    Utf8.Decoded decoded = Utf8.decode(body);
    return PolicyParser.parse(decoded.text(), body.length, decoded.problems());
  }

  /** The mode. */
  public Mode mode() {
    return mode;
  }

  /** The MX patterns, sorted and without duplicates. */
  public List<MxPattern> mx() {
    return mx;
  }

  /** How long senders may cache the policy, in seconds. */
  public long maxAge() {
    return maxAge;
  }

  /** Fields RFC 8461 does not define, by name, in the order they were given. */
  public Map<String, String> extensions() {
    return extensions;
  }

  /**
   * The canonical body: {@code version}, {@code mode}, the sorted {@code mx} lines, {@code
   * max_age}, then the extensions; every line ends with CRLF (RFC 8461 §3.2), no byte order mark.
   */
  public String render() {
    return body;
  }

  private String renderBody() {
    StringBuilder out = new StringBuilder();
    out.append("version: ").append(VERSION).append(CRLF);
    out.append("mode: ").append(mode.token()).append(CRLF);
    for (MxPattern pattern : mx) {
      out.append("mx: ").append(pattern).append(CRLF);
    }
    out.append("max_age: ").append(maxAge).append(CRLF);
    extensions.forEach((name, value) -> out.append(name).append(": ").append(value).append(CRLF));
    return out.toString();
  }

  /** The id derived from the canonical body: {@code PolicyId.derive(this)}. */
  public PolicyId id() {
    return id;
  }

  /**
   * The first pattern, in {@link #mx()} order, that covers an MX host name (RFC 8461 §4.1).
   *
   * @param mxHost a host name from an MX record
   * @return the pattern, or empty when the policy does not cover the host
   */
  public Optional<MxPattern> patternFor(String mxHost) {
    return patternsCovering(mxHost).stream().findFirst();
  }

  /**
   * Every pattern that covers an MX host name (RFC 8461 §4.1), in {@link #mx()} order: at most
   * the host's own name and the wildcard one label above it.
   *
   * @param mxHost a host name from an MX record
   * @return the patterns; empty when the policy does not cover the host
   */
  public List<MxPattern> patternsCovering(String mxHost) {
    return index.covering(mxHost);
  }

  /**
   * Findings that do not make the policy invalid: {@code max_age} under one day, mode {@code
   * testing} or {@code none}, and {@code mx} patterns covered by others.
   *
   * @return the warnings, with line 0; of one field the first 20 and one counting the others
   */
  public List<Problem> advisories() {
    return ProblemLimit.apply(Advisories.of(this));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Policy && ((Policy) o).body.equals(body);
  }

  @Override
  public int hashCode() {
    return body.hashCode();
  }

  @Override
  public String toString() {
    return "Policy{mode=" + mode.token() + ", mx=" + mx + ", max_age=" + maxAge
        + ", extensions=" + extensions + ", id=" + id + "}";
  }

  /** Builds a {@link Policy}; {@link #build()} reports every invalid input at once. */
  public static final class Builder {
    private Mode mode;
    private final List<String> mxTexts = new ArrayList<>();
    private final List<MxPattern> mxPatterns = new ArrayList<>();
    private Long maxAge;
    private final Map<String, String> extensions = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the mode.
     *
     * @param mode enforce, testing or none
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Replaces the MX patterns; each is checked in {@link #build()}.
     *
     * @param patterns host names or {@code *.} wildcards
     * @return this builder
     */
    public Builder mx(String... patterns) {
      return mx(Arrays.asList(patterns));
    }

    /**
     * Replaces the MX patterns; each is checked in {@link #build()}.
     *
     * @param patterns host names or {@code *.} wildcards
     * @return this builder
     */
    public Builder mx(Collection<String> patterns) {
      mxTexts.clear();
      mxPatterns.clear();
      patterns.forEach(p -> mxTexts.add(Objects.requireNonNull(p, "mx pattern")));
      return this;
    }

    /**
     * Adds one MX pattern.
     *
     * @param pattern a parsed pattern
     * @return this builder
     */
    public Builder addMx(MxPattern pattern) {
      mxPatterns.add(Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    /**
     * Sets how long senders may cache the policy.
     *
     * @param seconds 0 to 31557600
     * @return this builder
     */
    public Builder maxAge(long seconds) {
      this.maxAge = seconds;
      return this;
    }

    /**
     * Adds a field RFC 8461 does not define; a later call with the same name replaces the value.
     *
     * @param name an extension name (not version, mode, mx or max_age)
     * @param value visible characters with inner spaces
     * @return this builder
     */
    public Builder extension(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      extensions.put(name, value);
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws InvalidInputException naming every invalid or missing input
     */
    public Policy build() {
      List<Problem> problems = new ArrayList<>();
      Set<MxPattern> patterns = new TreeSet<>(mxPatterns);
      for (String text : mxTexts) {
        ParseResult<MxPattern> parsed = MxPattern.parse(text);
        problems.addAll(parsed.errors());
        parsed.value().ifPresent(patterns::add);
      }
      if (mode == null) {
        problems.add(
            Problem.error("mode", 0, "", "mode is required: choose enforce, testing or none "
                + "(RFC 8461 §3.2)."));
      } else if (mode != Mode.NONE && patterns.isEmpty() && mxTexts.isEmpty()) {
        problems.add(PolicyParser.missingMx(mode));
      }
      if (maxAge == null) {
        problems.add(
            Problem.error("max_age", 0, "", "max_age is required: give the seconds senders may "
                + "cache the policy, for example 604800 for one week (RFC 8461 §3.2)."));
      } else {
        Problem range = MaxAge.rangeViolation(maxAge);
        if (range != null) {
          problems.add(range);
        }
      }
      extensions.forEach((name, value) -> problems.addAll(extensionProblems(name, value)));
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return new Policy(mode, patterns, maxAge, extensions);
    }

    private static List<Problem> extensionProblems(String name, String value) {
      List<Problem> problems = new ArrayList<>();
      if (FIELD_NAMES.contains(name)) {
        problems.add(
            Problem.error(name, 0, name, "extension name " + Excerpt.quote(name) + " is a field RFC 8461 §3.2 "
                + "defines: set it through its own builder method, not as an extension."));
      } else if (!FieldSyntax.isExtensionName(name)) {
        problems.add(
            Problem.error(name, 0, name, "extension name " + Excerpt.quote(name) + " is not valid: "
                + FieldSyntax.NAME_RULE + " (RFC 8461 §3.2)."));
      }
      String violation = FieldSyntax.policyValueViolation(value);
      if (violation != null) {
        problems.add(
            Problem.error(name, 0, value,
                "the value " + Excerpt.quote(value) + " of extension " + Excerpt.quote(name) + " "
                    + violation + "."));
      }
      return problems;
    }
  }
}
