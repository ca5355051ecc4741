package io.github.mtasts.sdk.outputs;

import com.pulumi.core.annotations.CustomType;
import java.util.List;
import java.util.Objects;

/**
 * What {@link io.github.mtasts.sdk.MtastsFunctions#checkMxCoverage} found: a domain's MX hosts and
 * those no mx pattern covers (RFC 8461 §4.1).
 */
@CustomType
public final class CheckMxCoverageResult {
  private List<String> mxHosts;
  private List<String> uncovered;
  private String message;

  private CheckMxCoverageResult() {}

  /**
   * Returns the hosts that receive the domain's mail, by preference: the MX targets, or the
   * domain itself when it has no MX record (RFC 5321 §5.1).
   *
   * @return the hosts, empty for a null MX or a domain that does not exist
   */
  public List<String> mxHosts() {
    return mxHosts;
  }

  /**
   * Returns the hosts that no mx pattern matches; in enforce mode senders do not deliver to them.
   *
   * @return the uncovered hosts, empty when the patterns cover every host
   */
  public List<String> uncovered() {
    return uncovered;
  }

  /**
   * Returns one sentence for people: what was found and, for uncovered hosts, the fix.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * Starts a builder; the SDK uses it to decode the value the provider returned.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CheckMxCoverageResult}; every field is required. */
  @CustomType.Builder
  public static final class Builder {
    private List<String> mxHosts;
    private List<String> uncovered;
    private String message;

    /** Starts with no field set. */
    public Builder() {}

    /**
     * Sets the hosts that receive the domain's mail.
     *
     * @param mxHosts the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder mxHosts(List<String> mxHosts) {
      this.mxHosts = List.copyOf(Objects.requireNonNull(mxHosts, "mxHosts"));
      return this;
    }

    /**
     * Sets the hosts no mx pattern matches.
     *
     * @param uncovered the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder uncovered(List<String> uncovered) {
      this.uncovered = List.copyOf(Objects.requireNonNull(uncovered, "uncovered"));
      return this;
    }

    /**
     * Sets the message.
     *
     * @param message the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder message(String message) {
      this.message = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * Returns the value.
     *
     * @return the value
     */
    public CheckMxCoverageResult build() {
      var result = new CheckMxCoverageResult();
      result.mxHosts = mxHosts;
      result.uncovered = uncovered;
      result.message = message;
      return result;
    }
  }
}
