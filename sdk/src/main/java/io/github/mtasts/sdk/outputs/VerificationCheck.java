package io.github.mtasts.sdk.outputs;

import com.pulumi.core.annotations.CustomType;
import java.util.Objects;

/** One check of a verification: what was checked and what was found. */
@CustomType
public final class VerificationCheck {
  private String id;
  private String severity;
  private String message;

  private VerificationCheck() {}

  /**
   * Returns the check id, for example {@code policy-fetch}.
   *
   * @return the check id, for example {@code policy-fetch}
   */
  public String id() {
    return id;
  }

  /**
   * Returns the severity: {@code error}, {@code warning}, {@code info} or {@code pass}.
   *
   * @return the severity: {@code error}, {@code warning}, {@code info} or {@code pass}
   */
  public String severity() {
    return severity;
  }

  /**
   * Returns what the check found, with the evidence.
   *
   * @return what the check found, with the evidence
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

  /** Builds a {@link VerificationCheck}; every field is required. */
  @CustomType.Builder
  public static final class Builder {
    private String id;
    private String severity;
    private String message;

    /** Starts with no field set. */
    public Builder() {}

    /**
     * Sets the check id, for example {@code policy-fetch}.
     *
     * @param id the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Sets the severity: {@code error}, {@code warning}, {@code info} or {@code pass}.
     *
     * @param severity the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder severity(String severity) {
      this.severity = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Sets what the check found, with the evidence.
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
    public VerificationCheck build() {
      var value = new VerificationCheck();
      value.id = id;
      value.severity = severity;
      value.message = message;
      return value;
    }
  }
}
