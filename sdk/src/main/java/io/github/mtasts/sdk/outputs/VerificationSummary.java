package io.github.mtasts.sdk.outputs;

import com.pulumi.core.annotations.CustomType;
import java.util.Objects;

/** How many checks of a verification ended in each severity. */
@CustomType
public final class VerificationSummary {
  private Integer errors;
  private Integer warnings;
  private Integer infos;
  private Integer passes;

  private VerificationSummary() {}

  /**
   * Returns the number of checks that found an error.
   *
   * @return the number of checks that found an error
   */
  public Integer errors() {
    return errors;
  }

  /**
   * Returns the number of checks that found a warning.
   *
   * @return the number of checks that found a warning
   */
  public Integer warnings() {
    return warnings;
  }

  /**
   * Returns the number of informational findings.
   *
   * @return the number of informational findings
   */
  public Integer infos() {
    return infos;
  }

  /**
   * Returns the number of checks that passed.
   *
   * @return the number of checks that passed
   */
  public Integer passes() {
    return passes;
  }

  /**
   * Starts a builder; the SDK uses it to decode the value the provider returned.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VerificationSummary}; every field is required. */
  @CustomType.Builder
  public static final class Builder {
    private Integer errors;
    private Integer warnings;
    private Integer infos;
    private Integer passes;

    /** Starts with no field set. */
    public Builder() {}

    /**
     * Sets the number of checks that found an error.
     *
     * @param errors the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder errors(Integer errors) {
      this.errors = Objects.requireNonNull(errors, "errors");
      return this;
    }

    /**
     * Sets the number of checks that found a warning.
     *
     * @param warnings the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder warnings(Integer warnings) {
      this.warnings = Objects.requireNonNull(warnings, "warnings");
      return this;
    }

    /**
     * Sets the number of informational findings.
     *
     * @param infos the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder infos(Integer infos) {
      this.infos = Objects.requireNonNull(infos, "infos");
      return this;
    }

    /**
     * Sets the number of checks that passed.
     *
     * @param passes the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder passes(Integer passes) {
      this.passes = Objects.requireNonNull(passes, "passes");
      return this;
    }

    /**
     * Returns the value.
     *
     * @return the value
     */
    public VerificationSummary build() {
      var value = new VerificationSummary();
      value.errors = errors;
      value.warnings = warnings;
      value.infos = infos;
      value.passes = passes;
      return value;
    }
  }
}
