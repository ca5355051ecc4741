package io.github.mtasts.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown where a value is required to be valid but is not.
 *
 * <p>{@link #getMessage()} joins the messages of the problems, so it reads well on its own.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the errors that make the input invalid; at least one
   */
  public InvalidInputException(List<Problem> problems) {
    super(problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The problems that make the input invalid, in the order they were found. */
  public List<Problem> problems() {
    return problems;
  }
}
