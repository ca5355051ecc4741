package io.github.mtasts.provider.host;

import java.util.List;

/**
 * The outcome of checking a resource's inputs: the checked inputs with defaults applied, and
 * the failures (at most one per property).
 *
 * @param inputs the checked inputs, revealed
 * @param failures what is wrong, empty when the inputs are valid
 */
public record CheckResult(PropertyMap inputs, List<Failure> failures) {

  /** Copies the failures. */
  public CheckResult {
    failures = List.copyOf(failures);
  }

  /**
   * One invalid property.
   *
   * @param property the property name
   * @param reason what is wrong and how to fix it
   */
  public record Failure(String property, String reason) {}
}
