package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The inputs of a {@link Record}: one Route 53 record set.
 */
public final class RecordArgs extends ResourceArgs {

  /**
   * The Route 53 hosted zone id, for example {@code Z0123456789ABC}; a change replaces the record
   * set.
   */
  @Import(name = "zoneId", required = true)
  private Output<String> zoneId;

  /**
   * The record name, fully qualified without the trailing dot, for example {@code
   * _mta-sts.example.com}; a change replaces the record set.
   */
  @Import(name = "name", required = true)
  private Output<String> name;

  /**
   * The record type, {@code TXT} or {@code CNAME}; a change replaces the record set.
   */
  @Import(name = "type", required = true)
  private Output<String> type;

  /**
   * How long resolvers may cache the record, in seconds (default 300).
   */
  @Import(name = "ttl")
  private @Nullable Output<Integer> ttl;

  /**
   * The values: TXT texts unquoted (the provider quotes and splits them into strings of 255 bytes),
   * or exactly one CNAME target without the trailing dot.
   */
  @Import(name = "values", required = true)
  private Output<List<String>> values;

  private RecordArgs() {}

  private RecordArgs(RecordArgs defaults) {
    this.zoneId = defaults.zoneId;
    this.name = defaults.name;
    this.type = defaults.type;
    this.ttl = defaults.ttl;
    this.values = defaults.values;
  }

  /**
   * Returns {@code zoneId}: the Route 53 hosted zone id, for example {@code Z0123456789ABC}; a
   * change replaces the record set.
   *
   * @return the value
   */
  public Output<String> zoneId() {
    return zoneId;
  }

  /**
   * Returns {@code name}: the record name, fully qualified without the trailing dot, for example
   * {@code _mta-sts.example.com}; a change replaces the record set.
   *
   * @return the value
   */
  public Output<String> name() {
    return name;
  }

  /**
   * Returns {@code type}: the record type, {@code TXT} or {@code CNAME}; a change replaces the
   * record set.
   *
   * @return the value
   */
  public Output<String> type() {
    return type;
  }

  /**
   * Returns {@code ttl}: how long resolvers may cache the record, in seconds (default 300).
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<Integer>> ttl() {
    return Optional.ofNullable(ttl);
  }

  /**
   * Returns {@code values}: the values: TXT texts unquoted (the provider quotes and splits them
   * into strings of 255 bytes), or exactly one CNAME target without the trailing dot.
   *
   * @return the value
   */
  public Output<List<String>> values() {
    return values;
  }

  /**
   * Starts a builder for the inputs.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder from existing inputs, to change some of them.
   *
   * @param defaults the inputs to start from
   * @return a builder holding {@code defaults}
   */
  public static Builder builder(RecordArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link RecordArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final RecordArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new RecordArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(RecordArgs defaults) {
      args = new RecordArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code zoneId}: the Route 53 hosted zone id, for example {@code Z0123456789ABC}; a
     * change replaces the record set.
     *
     * @param zoneId the zone id
     * @return this builder
     */
    public Builder zoneId(Output<String> zoneId) {
      args.zoneId = zoneId;
      return this;
    }

    /**
     * Sets {@code zoneId}: the Route 53 hosted zone id, for example {@code Z0123456789ABC}; a
     * change replaces the record set.
     *
     * @param zoneId the zone id
     * @return this builder
     */
    public Builder zoneId(String zoneId) {
      return zoneId(Output.of(zoneId));
    }

    /**
     * Sets {@code name}: the record name, fully qualified without the trailing dot, for example
     * {@code _mta-sts.example.com}; a change replaces the record set.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(Output<String> name) {
      args.name = name;
      return this;
    }

    /**
     * Sets {@code name}: the record name, fully qualified without the trailing dot, for example
     * {@code _mta-sts.example.com}; a change replaces the record set.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      return name(Output.of(name));
    }

    /**
     * Sets {@code type}: the record type, {@code TXT} or {@code CNAME}; a change replaces the
     * record set.
     *
     * @param type the type
     * @return this builder
     */
    public Builder type(Output<String> type) {
      args.type = type;
      return this;
    }

    /**
     * Sets {@code type}: the record type, {@code TXT} or {@code CNAME}; a change replaces the
     * record set.
     *
     * @param type the type
     * @return this builder
     */
    public Builder type(String type) {
      return type(Output.of(type));
    }

    /**
     * Sets {@code ttl}: how long resolvers may cache the record, in seconds (default 300).
     *
     * @param ttl seconds, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder ttl(@Nullable Output<Integer> ttl) {
      args.ttl = ttl;
      return this;
    }

    /**
     * Sets {@code ttl}: how long resolvers may cache the record, in seconds (default 300).
     *
     * @param ttl seconds
     * @return this builder
     */
    public Builder ttl(Integer ttl) {
      return ttl(Output.of(ttl));
    }

    /**
     * Sets {@code values}: the values: TXT texts unquoted (the provider quotes and splits them into
     * strings of 255 bytes), or exactly one CNAME target without the trailing dot.
     *
     * @param values the values
     * @return this builder
     */
    public Builder values(Output<List<String>> values) {
      args.values = values;
      return this;
    }

    /**
     * Sets {@code values}: the values: TXT texts unquoted (the provider quotes and splits them into
     * strings of 255 bytes), or exactly one CNAME target without the trailing dot.
     *
     * @param values the values
     * @return this builder
     */
    public Builder values(List<String> values) {
      return values(Output.of(values));
    }

    /**
     * Sets {@code values}: the values: TXT texts unquoted (the provider quotes and splits them into
     * strings of 255 bytes), or exactly one CNAME target without the trailing dot.
     *
     * @param values the values
     * @return this builder
     */
    public Builder values(String... values) {
      return values(List.of(values));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     * @throws MissingRequiredPropertyException when zoneId, name, type or values is not set
     */
    public RecordArgs build() {
      if (args.zoneId == null) {
        throw new MissingRequiredPropertyException("RecordArgs", "zoneId");
      }
      if (args.name == null) {
        throw new MissingRequiredPropertyException("RecordArgs", "name");
      }
      if (args.type == null) {
        throw new MissingRequiredPropertyException("RecordArgs", "type");
      }
      if (args.values == null) {
        throw new MissingRequiredPropertyException("RecordArgs", "values");
      }
      return new RecordArgs(args);
    }
  }
}
