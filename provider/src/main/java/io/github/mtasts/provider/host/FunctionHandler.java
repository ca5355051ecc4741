package io.github.mtasts.provider.host;

/**
 * A function of the package (a Pulumi invoke), registered under its token in the provider's
 * registry: it reads and computes, and changes nothing. Implementations see revealed values;
 * the provider conceals the result when an argument was secret.
 */
public interface FunctionHandler {

  /**
   * Validates the arguments and applies defaults, one failure per argument.
   *
   * @param args the arguments
   * @return the checked arguments and the failures
   */
  CheckResult check(PropertyMap args);

  /**
   * Computes the result.
   *
   * @param config the provider's configuration
   * @param args arguments that passed {@link #check}
   * @return the result's properties
   */
  PropertyMap invoke(ProviderConfig config, PropertyMap args);
}
