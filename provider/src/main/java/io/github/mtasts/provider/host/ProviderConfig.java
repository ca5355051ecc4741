package io.github.mtasts.provider.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provider's configuration after {@code Configure}: each setting's value from the stack's
 * configuration, or else from the environment variables the schema names for it. Immutable;
 * the values of settings the schema marks secret never show in {@link #toString()}.
 */
public final class ProviderConfig {

  private static final ProviderConfig EMPTY = new ProviderConfig(new InputSchema(List.of(), Set.of()), Map.of());

  private final InputSchema settings;
  private final Map<String, String> values;

  private ProviderConfig(InputSchema settings, Map<String, String> values) {
    this.settings = settings;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * No configuration at all.
   *
   * @return the empty configuration
   */
  public static ProviderConfig empty() {
    return EMPTY;
  }

  /**
   * Resolves the configuration from the stack's values and the environment.
   *
   * @param settings the settings the schema declares
   * @param configured revealed values from the stack's configuration
   * @param environment the provider process's environment
   * @return the configuration
   */
  public static ProviderConfig resolve(InputSchema settings, PropertyMap configured, Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    for (PropertySchema setting : settings.properties()) {
      Optional<String> value = configured.get(setting.name())
          .filter(PropertyValue.Text.class::isInstance)
          .map(v -> ((PropertyValue.Text) v).value());
      if (value.isEmpty()) {
        value = setting.environment().stream().map(environment::get).filter(v -> v != null && !v.isEmpty()).findFirst();
      }
      value.ifPresent(v -> values.put(setting.name(), v));
    }
    return new ProviderConfig(settings, values);
  }

  /**
   * The value of a setting.
   *
   * @param key the setting
   * @return the value, or empty when neither the configuration nor the environment sets it
   */
  public Optional<String> get(ConfigKey key) {
    return Optional.ofNullable(values.get(key.key()));
  }

  /**
   * Where a setting comes from, for a message that asks to fix it.
   *
   * @param key the setting
   * @return for example "mtasts:awsRegion or AWS_REGION, AWS_DEFAULT_REGION"
   */
  public String source(ConfigKey key) {
    List<String> environment = settings.property(key.key()).map(PropertySchema::environment).orElse(List.of());
    return Schema.PACKAGE + ":" + key.key() + (environment.isEmpty() ? "" : " or " + String.join(", ", environment));
  }

  /**
   * The secret values, to mask in every message the provider sends: as given and without the
   * white space around them ({@link Secrets#ofTexts}), in any letter case ({@link Secrets#redact}).
   *
   * @return the secrets
   */
  public Secrets secrets() {
    return Secrets.ofTexts(values.entrySet().stream().filter(e -> secret(e.getKey())).map(Map.Entry::getValue).toList());
  }

  private boolean secret(String name) {
    return settings.property(name).map(PropertySchema::secret).orElse(true);
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + (secret(e.getKey()) ? Secrets.MASK : e.getValue()))
        .collect(Collectors.joining(", ", "ProviderConfig{", "}"));
  }
}
