package io.github.mtasts.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown where a value is required to be valid but is not.
 *
 * <p>{@link #getMessage()} joins the messages of the problems, so it reads well on its own. Of
 * each kind of problem (a severity and a field) the first 20 are kept and the others counted, as
 * in a {@link ParseResult}, so that the message stays small however many values were wrong.
 */
public final class InvalidInputException extends IllegalArgumentException {
  private final transient List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param problems the errors that make the input invalid; at least one
   */
  public InvalidInputException(List<Problem> problems) {
    super(ProblemLimit.apply(problems).stream().map(Problem::message).collect(Collectors.joining(" ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(ProblemLimit.apply(problems));
  }

  /** The problems that make the input invalid, in the order they were found. */
  public List<Problem> problems() {
    return problems;
  }
}
