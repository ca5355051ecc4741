package io.github.mtasts.sdk.aws.outputs;

import com.pulumi.core.annotations.CustomType;
import java.util.Objects;

/** A DNS record that ACM looks up to validate a certificate: publish it and ACM issues it. */
@CustomType
public final class ValidationRecord {
  private String name;
  private String type;
  private String value;

  private ValidationRecord() {}

  /**
   * Returns the record name.
   *
   * @return fully qualified, without the trailing dot
   */
  public String name() {
    return name;
  }

  /**
   * Returns the record type.
   *
   * @return {@code CNAME}
   */
  public String type() {
    return type;
  }

  /**
   * Returns the record value.
   *
   * @return a name under {@code acm-validations.aws}, without the trailing dot
   */
  public String value() {
    return value;
  }

  /**
   * Starts a builder; the SDK uses it to decode the value the provider returned.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ValidationRecord}; every field is required. */
  @CustomType.Builder
  public static final class Builder {
    private String name;
    private String type;
    private String value;

    /** Starts with no field set. */
    public Builder() {}

    /**
     * Sets the record name.
     *
     * @param name the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the record type.
     *
     * @param type the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder type(String type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the record value.
     *
     * @param value the value
     * @return this builder
     */
    @CustomType.Setter
    public Builder value(String value) {
      this.value = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Returns the value.
     *
     * @return the value
     */
    public ValidationRecord build() {
      var record = new ValidationRecord();
      record.name = name;
      record.type = type;
      record.value = value;
      return record;
    }
  }
}
