package io.github.mtasts.provider.host;

/**
 * A function of the package (a Pulumi invoke), registered under its token in the provider's
 * registry: it reads and computes, and changes nothing. Implementations see revealed values;
 * the provider conceals the result when an argument was secret.
 */
public interface FunctionHandler {

  /**
   * The arguments the package schema declares for this function.
   *
   * @return the declared arguments
   */
  InputSchema schema();

  /**
   * Validates the arguments and applies defaults, one failure per argument: what the schema
   * says ({@link InputCheck}), then the function's own rules ({@link #validate}).
   *
   * @param args the arguments
   * @return the checked arguments and the failures
   */
  default CheckResult check(PropertyMap args) {
    InputCheck check = new InputCheck(schema(), args);
    validate(check);
    return check.result();
  }

  /**
   * The function's own rules, those the schema cannot express.
   *
   * @param check the check of the arguments
   */
  void validate(InputCheck check);

  /**
   * Computes the result.
   *
   * @param config the provider's configuration
   * @param args arguments that passed {@link #check}
   * @return the result's properties
   */
  PropertyMap invoke(ProviderConfig config, PropertyMap args);
}
