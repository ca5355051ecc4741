package io.github.mtasts.provider.host;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * CheckConfig, DiffConfig and Configure: the lifecycle of the provider's own configuration,
 * whose settings the schema declares ({@code config.variables}).
 *
 * <p>Environment fallbacks apply in {@link #configure} only, never in {@link #check}: checked
 * configuration is stored in the stack's state, and a token taken from the environment must not
 * end up there.
 */
public final class ConfigHandler {

  /** The engine passes the plugin version among the configuration; it is not a setting. */
  static final String VERSION_KEY = "version";

  private final Map<String, String> environment;
  private final Map<ConfigKey, Function<String, Optional<String>>> rules;
  private final Supplier<InputSchema> settings;

  /**
   * A handler of the schema's settings, reading fallbacks from an environment.
   *
   * @param environment the process environment
   */
  public ConfigHandler(Map<String, String> environment) {
    this(environment, Map.of());
  }

  /**
   * A handler of the schema's settings with rules of the services that read them, beyond what
   * each setting's {@link ConfigKey.Kind} checks (the shape of a service's token or account id).
   *
   * @param environment the process environment
   * @param rules per setting, what is wrong with a value, without repeating it (it may be a
   *     secret); empty when it is valid
   */
  public ConfigHandler(Map<String, String> environment, Map<ConfigKey, Function<String, Optional<String>>> rules) {
    // Read on first use, not when the plugin starts: the engine waits for the port.
    this(environment, rules, () -> Schema.model().config());
  }

  /** A handler of other settings than the schema's, for tests of settings mtasts may declare. */
  ConfigHandler(Map<String, String> environment, Supplier<InputSchema> settings) {
    this(environment, Map.of(), settings);
  }

  private ConfigHandler(Map<String, String> environment,
      Map<ConfigKey, Function<String, Optional<String>>> rules, Supplier<InputSchema> settings) {
    this.environment = environment;
    this.rules = Map.copyOf(rules);
    this.settings = settings;
  }

  private InputSchema settings() {
    return settings.get();
  }

  /**
   * What CheckConfig must mask in its failures: the values of settings the schema marks secret,
   * even when the stack sent them as plain strings (a value set without {@code --secret}), besides
   * the values sent as secrets.
   *
   * @param news the configuration as the engine sent it
   * @return the secrets among its values
   */
  Secrets secrets(PropertyMap news) {
    // The secret settings' plain values are wrapped as secrets by markSecrets: one rule for both.
    return Secrets.of(markSecrets(news));
  }

  /**
   * Marks the values of the settings the schema calls secret as secrets, so that the engine
   * stores them encrypted even when the stack's configuration holds them in clear (set without
   * {@code --secret}).
   *
   * @param news configuration from the stack, as the engine sent it
   * @return the same values, each secret setting's wrapped as a secret
   */
  PropertyMap markSecrets(PropertyMap news) {
    PropertyMap.Builder marked = PropertyMap.builder();
    news.asMap().forEach((key, value) -> {
      boolean secret = settings().property(key).map(PropertySchema::secret).orElse(false);
      marked.put(key, secret && !value.containsSecrets() && !(value instanceof PropertyValue.Null)
          ? new PropertyValue.Secret(value) : value);
    });
    return marked.build();
  }

  /**
   * Validates configuration values, one failure per key.
   *
   * @param news revealed configuration from the stack
   * @return the checked configuration
   */
  CheckResult check(PropertyMap news) {
    InputCheck check = new InputCheck(settings(), news.toBuilder().remove(VERSION_KEY).build());
    for (ConfigKey key : ConfigKey.values()) {
      switch (key.kind()) {
        case TEXT -> CommonChecks.nonEmpty(check, key.key());
        case URL -> CommonChecks.httpUrl(check, key.key());
        case RESOLVER -> CommonChecks.resolver(check, key.key());
        case PEM_FILE -> CommonChecks.pemFile(check, key.key());
        default -> throw new IllegalStateException("unhandled kind " + key.kind());
      }
      Function<String, Optional<String>> rule = rules.get(key);
      if (rule != null) {
        check.text(key.key()).flatMap(rule).ifPresent(problem -> check.fail(key.key(), problem));
      }
    }
    return new CheckResult(news, check.failures());
  }

  /**
   * Compares configurations. No change requires replacing the provider: each key only changes
   * how resources are reached (endpoints, credentials), not which resources exist.
   *
   * @param olds the recorded configuration
   * @param news the new configuration
   * @return the changed keys
   */
  DiffResult diff(PropertyMap olds, PropertyMap news) {
    return InputDiff.diff(olds, news, Set.of(), Set.of(VERSION_KEY));
  }

  /**
   * Resolves the configuration to use, with environment fallbacks.
   *
   * @param args revealed configuration from the engine
   * @return the configuration
   */
  ProviderConfig configure(PropertyMap args) {
    return ProviderConfig.resolve(settings(), args, environment);
  }

  /**
   * Reads configuration from the legacy {@code variables} of a Configure request, which engines
   * send keyed {@code mtasts:config:<name>} (or {@code mtasts:<name>}), every value a string.
   *
   * @param variables the variables
   * @return the configuration values of declared settings
   */
  PropertyMap fromVariables(Map<String, String> variables) {
    PropertyMap.Builder builder = PropertyMap.builder();
    variables.forEach((name, value) -> {
      String key = name.substring(name.lastIndexOf(':') + 1);
      if (settings().property(key).isPresent()) {
        builder.put(key, value);
      }
    });
    return builder.build();
  }
}
