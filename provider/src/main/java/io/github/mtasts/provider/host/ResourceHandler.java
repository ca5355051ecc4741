package io.github.mtasts.provider.host;

import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one resource type, registered under its type token in the provider's
 * registry. Implementations see revealed values (secrets are
 * unwrapped and re-applied by the provider) and may see unknowns wherever the engine allows
 * them: in {@link #check}, {@link #diff}'s new inputs, and in previews.
 */
public interface ResourceHandler {

  /**
   * The inputs the package schema declares for this type: what {@link #check} checks first, and
   * which properties replace the resource when they change.
   *
   * @return the declared inputs
   */
  InputSchema schema();

  /**
   * Validates inputs and applies defaults: what the schema says ({@link InputCheck}), then the
   * type's own rules ({@link #validate}). Pure: no I/O that changes anything.
   *
   * @param olds the previously checked inputs, empty for a new resource
   * @param news the new inputs
   * @return the checked inputs and at most one failure per property
   */
  default CheckResult check(PropertyMap olds, PropertyMap news) {
    InputCheck check = new InputCheck(schema(), news);
    validate(check);
    return check.result();
  }

  /**
   * The type's own rules, those the schema cannot express (an RFC's syntax, a service's limits),
   * on inputs the schema's checks and defaults have been applied to: values are read through
   * the check, failures and normalised values recorded in it.
   *
   * @param check the check of one Check call
   */
  void validate(InputCheck check);

  /**
   * The inputs each computed output derives from, so that an output is secret only when an
   * input it derives from is. A computed output not listed here derives from every input.
   *
   * @return output name to the input names it is computed from
   */
  default Map<String, Set<String>> derivations() {
    return Map.of();
  }

  /**
   * Compares recorded inputs with new checked inputs.
   *
   * @param oldInputs the recorded inputs
   * @param oldState the recorded outputs
   * @param news the new checked inputs
   * @param ignoreChanges top-level properties to treat as unchanged
   * @return what changed, and whether it needs a replacement
   */
  default DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news, Set<String> ignoreChanges) {
    return InputDiff.diff(oldInputs, news, schema().replaceOnChanges(), ignoreChanges);
  }

  /**
   * Creates the resource; in a preview, computes what can be known without changing anything.
   *
   * @param context the operation's context
   * @param inputs checked inputs (unknowns only in a preview)
   * @return the new id and outputs
   */
  ResourceState create(OperationContext context, PropertyMap inputs);

  /**
   * Reads the resource's current state: a refresh (inputs and state given) or an import (id only).
   *
   * @param context the operation's context
   * @param id the resource's id
   * @param inputs the recorded inputs, empty for an import
   * @param state the recorded outputs, empty for an import
   * @return the current id, inputs and outputs; an empty id when the resource is gone
   */
  ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state);

  /**
   * Updates the resource in place; in a preview, computes what can be known without changing anything.
   *
   * @param context the operation's context
   * @param id the resource's id
   * @param oldState the recorded outputs
   * @param news the new checked inputs (unknowns only in a preview)
   * @return the new outputs
   */
  PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news);

  /**
   * Deletes the resource.
   *
   * @param context the operation's context
   * @param id the resource's id
   * @param state the recorded outputs
   */
  void delete(OperationContext context, String id, PropertyMap state);
}
