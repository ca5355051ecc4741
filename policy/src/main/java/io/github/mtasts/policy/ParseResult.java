package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Outcome of parsing: a value when there are no errors, plus the errors and warnings found.
 *
 * @param <T> the type of the parsed value
 */
public final class ParseResult<T> {
  /**
   * How many problems of one kind (one severity, one field) a result lists; the others are
   * counted in one more problem of that kind. Reports built from findings list as many.
   */
  public static final int MAX_PER_KIND = 20;

  private final T value;
  private final List<Problem> errors;
  private final List<Problem> warnings;

  private ParseResult(T value, List<Problem> errors, List<Problem> warnings) {
    this.value = value;
    this.errors = List.copyOf(ProblemLimit.apply(errors));
    this.warnings = List.copyOf(ProblemLimit.apply(warnings));
  }

  /**
   * Builds a result from the problems found: the value is built only when none is an error.
   * Of each kind of problem (a severity and a field), the first {@link #MAX_PER_KIND} are kept and
   * the others counted in one more problem, so that a result stays small however repetitive the
   * input.
   *
   * @param problems errors and warnings, in the order found
   * @param value builds the value; called only when there is no error
   * @param <T> the type of the value
   * @return the result
   */
  public static <T> ParseResult<T> of(List<Problem> problems, Supplier<T> value) {
    List<Problem> errors = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    for (Problem p : problems) {
      (p.isError() ? errors : warnings).add(p);
    }
    return new ParseResult<>(
        errors.isEmpty() ? Objects.requireNonNull(value.get(), "value") : null, errors, warnings);
  }

  /** The value, present exactly when there are no errors. */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** The errors: each one makes the input invalid; at most 21 of one field. */
  public List<Problem> errors() {
    return errors;
  }

  /** The warnings: the input is valid despite them; at most 21 of one field. */
  public List<Problem> warnings() {
    return warnings;
  }

  /** Errors first, then warnings. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(errors);
    all.addAll(warnings);
    return all;
  }

  /** Whether there are no errors. */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /**
   * Returns the value or throws with the errors.
   *
   * @return the value
   * @throws InvalidInputException when there are errors
   */
  public T orElseThrow() {
    if (!isValid()) {
      throw new InvalidInputException(errors);
    }
    return value;
  }

  @Override
  public String toString() {
    return "ParseResult{value=" + value + ", errors=" + errors + ", warnings=" + warnings + "}";
  }
}
