package io.github.mtasts.sdks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mtasts.testlab.PulumiCli.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs the language tools a test needs and fails the test, with their output, when one fails. */
final class Commands {

  private Commands() {}

  /**
   * Runs a command that must succeed.
   *
   * @param dir the working directory
   * @param env variables to add to the environment
   * @param timeout how long the command may take
   * @param command the executable and its arguments
   * @return what the command did
   */
  static CommandResult succeed(Path dir, Map<String, String> env, Duration timeout, String... command) {
    CommandResult result = CommandResult.run(dir, List.of(command), env, timeout);
    assertEquals(0, result.exitCode(),
        () -> String.join(" ", command) + " failed (exit " + result.exitCode() + ") in " + dir + ":\n" + result.output());
    return result;
  }
}
