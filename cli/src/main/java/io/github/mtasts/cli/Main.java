package io.github.mtasts.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mtasts} command line: the entry point of the executable jar.
 *
 * <p>Exit codes follow one rule across commands: 0 for success (valid, no errors), 1 when
 * the input or the deployment is invalid, 2 for usage errors and operational failures.
 */
@Command(
    name = "mtasts",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for a mail domain: lint, render, verify, and read TLS reports.",
    subcommands = {
      CommandLine.HelpCommand.class, LintCommand.class, RenderCommand.class, VerifyCommand.class,
      ReportsCommand.class
    })
public final class Main implements Runnable {

  /** Exit code for a usage error or an operational failure. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line without exiting, for embedding and tests.
   *
   * @param args the command-line arguments
   * @return the exit code
   */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  /** Builds the command line with the project's conventions for exit codes. */
  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("mtasts: " + HumanText.escape(String.valueOf(e.getMessage())));
          return EXIT_USAGE;
        });
    // Usage errors quote what was typed, which may hold control characters: escaped like the rest
    // of the human output, then the suggestions or the usage as picocli prints them.
    cl.setParameterExceptionHandler((e, args) -> {
      CommandLine command = e.getCommandLine();
      PrintWriter err = command.getErr();
      err.println(command.getColorScheme().errorText(HumanText.escape(String.valueOf(e.getMessage()))));
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
        command.usage(err, command.getColorScheme());
      }
      return EXIT_USAGE;
    });
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: see 'mtasts --help'.");
  }
}
