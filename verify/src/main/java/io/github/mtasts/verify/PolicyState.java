package io.github.mtasts.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verification saw of a domain's policy, to compare with a later run: the id of the
 * {@code _mta-sts} TXT record (absent when it was not looked up or not valid) and the SHA-256 of
 * the served policy body. A body that changes while the id stays the same is a stale id
 * (RFC 8461 §3.1, §5.1: senders refetch the body only when the id changes).
 */
public final class PolicyState {
  private final Optional<String> policyId;
  private final String bodySha256;

  /**
   * Creates a state.
   *
   * @param policyId the {@code _mta-sts} id, when known
   * @param bodySha256 the SHA-256 of the served body, as 64 lower-case hex digits
   */
  public PolicyState(Optional<String> policyId, String bodySha256) {
    this.policyId = Objects.requireNonNull(policyId, "policyId");
    if (bodySha256 == null || !bodySha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "bodySha256 '" + bodySha256 + "' is not a SHA-256 digest: expected 64 lower-case hex digits");
    }
    this.bodySha256 = bodySha256;
  }

  /** The {@code _mta-sts} id, when it was looked up and valid. */
  public Optional<String> policyId() {
    return policyId;
  }

  /** The SHA-256 of the served policy body, 64 lower-case hex digits. */
  public String bodySha256() {
    return bodySha256;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyState
        && ((PolicyState) o).policyId.equals(policyId)
        && ((PolicyState) o).bodySha256.equals(bodySha256);
  }

  @Override
  public int hashCode() {
    return Objects.hash(policyId, bodySha256);
  }

  @Override
  public String toString() {
    return "PolicyState{id=" + policyId.orElse("-") + ", sha256=" + bodySha256 + "}";
  }
}
