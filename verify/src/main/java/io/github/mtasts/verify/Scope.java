package io.github.mtasts.verify;

/** Which part of a deployment a verification covers. */
public enum Scope {
  /**
   * Only the policy host: the HTTPS fetch, the parse of the body and the expectations on it.
   * Used before a new {@code _mta-sts} id is published, to prove the new body is live first.
   */
  POLICY_HOST,
  /** Everything a sending MTA checks: TXT records, policy, MX coverage, STARTTLS of every MX. */
  ALL
}
