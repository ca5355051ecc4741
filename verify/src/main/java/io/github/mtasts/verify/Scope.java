package io.github.mtasts.verify;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import java.util.Arrays;
import java.util.List;

/**
 * Which part of a deployment a verification covers, and the word that names it wherever a person
 * or a program chooses it (the command line's {@code --scope}, a Verification's {@code scope}
 * input, the report's JSON): the one place these words are defined.
 */
public enum Scope {
  /**
   * Only the policy host: the HTTPS fetch, the parse of the body and the expectations on it.
   * Used before a new {@code _mta-sts} id is published, to prove the new body is live first.
   */
  POLICY_HOST("policy-host"),
  /**
   * What DNS and the policy host show, without connecting to any MX host: the TXT records, the
   * policy, MX coverage. For networks that block outgoing port 25, where STARTTLS probes fail.
   */
  POLICY_AND_RECORDS("policy-and-records"),
  /** Everything a sending MTA checks: TXT records, policy, MX coverage, STARTTLS of every MX. */
  ALL("all");

  private final String word;

  Scope(String word) {
    this.word = word;
  }

  /** The word that names the scope: {@code policy-host}, {@code policy-and-records} or {@code all}. */
  public String word() {
    return word;
  }

  /** Every scope's word, in declaration order: {@code policy-host}, {@code policy-and-records}, {@code all}. */
  public static List<String> words() {
    return Arrays.stream(values()).map(Scope::word).toList();
  }

  /** Whether the TXT records and the MX hosts' coverage are checked: every scope but the policy host's. */
  boolean checksRecords() {
    return this != POLICY_HOST;
  }

  /** Whether every MX address is probed with STARTTLS on port 25. */
  boolean probesMx() {
    return this == ALL;
  }

  /**
   * Reads the word of a scope.
   *
   * @param word {@code all}, {@code policy-and-records} or {@code policy-host}, exactly
   * @return the scope, or an error (field {@code scope}) that names the allowed words
   */
  public static ParseResult<Scope> parse(String word) {
    for (Scope scope : values()) {
      if (scope.word.equals(word)) {
        return ParseResult.of(List.of(), () -> scope);
      }
    }
    return ParseResult.of(List.of(Problem.error("scope", 0, String.valueOf(word), "scope "
        + Excerpt.quote(String.valueOf(word)) + " is unknown: use " + String.join(", ", words()) + " ("
        + ALL.word + " checks what a sending mail server checks; " + POLICY_AND_RECORDS.word + " all but the"
        + " STARTTLS probes of the MX hosts on port 25; " + POLICY_HOST.word + " only fetches and parses the"
        + " policy)")), () -> null);
  }
}
