package io.github.mtasts.provider.host;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The provider's configuration after {@code Configure}: each key's value from the stack's
 * configuration, or else from its environment variables. Immutable; secret values never show
 * in {@link #toString()}.
 */
public final class ProviderConfig {

  private static final ProviderConfig EMPTY = new ProviderConfig(new EnumMap<>(ConfigKey.class));

  private final Map<ConfigKey, String> values;

  private ProviderConfig(EnumMap<ConfigKey, String> values) {
    this.values = Collections.unmodifiableMap(values);
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
   * @param configured revealed values from the stack's configuration
   * @param environment the provider process's environment
   * @return the configuration
   */
  public static ProviderConfig resolve(PropertyMap configured, Map<String, String> environment) {
    EnumMap<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      Optional<String> value =
          configured.get(key.key()).filter(PropertyValue.Text.class::isInstance).map(v -> ((PropertyValue.Text) v).value());
      if (value.isEmpty()) {
        value = key.environment().stream().map(environment::get).filter(v -> v != null && !v.isEmpty()).findFirst();
      }
      value.ifPresent(v -> values.put(key, v));
    }
    return new ProviderConfig(values);
  }

  /**
   * The value of a key.
   *
   * @param key the key
   * @return the value, or empty when neither the configuration nor the environment sets it
   */
  public Optional<String> get(ConfigKey key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The secret values, to mask in every message the provider sends.
   *
   * @return the secrets
   */
  public Secrets secrets() {
    List<String> secrets = values.entrySet().stream().filter(e -> e.getKey().secret()).map(Map.Entry::getValue).toList();
    return Secrets.ofTexts(secrets);
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey().key() + "=" + (e.getKey().secret() ? Secrets.MASK : e.getValue()))
        .collect(Collectors.joining(", ", "ProviderConfig{", "}"));
  }
}
