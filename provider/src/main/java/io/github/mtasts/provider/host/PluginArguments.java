package io.github.mtasts.provider.host;

import java.util.Optional;

/**
 * The command line the engine starts a provider plugin with: logging and tracing flags
 * ({@code --logtostderr}, {@code --logflow}, {@code -v=N}, {@code --tracing ADDRESS}) followed
 * by the engine's address. Flags are accepted and ignored: the plugin reports through the
 * engine's log service, not its own log files.
 *
 * @param engineAddress the engine's gRPC address, absent when the plugin is started by hand
 *     (the engine then sends it with {@code Attach})
 * @param training true for the class-archive training run of the launcher ({@value #TRAINING_FLAG})
 */
public record PluginArguments(Optional<String> engineAddress, boolean training) {

  /** The argument with which the launcher asks for a training run instead of serving. */
  public static final String TRAINING_FLAG = "--train-class-archive";

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the parsed arguments
   */
  public static PluginArguments parse(String... args) {
    String engine = null;
    boolean training = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals(TRAINING_FLAG)) {
        training = true;
      } else if (arg.equals("--tracing") || arg.equals("-tracing")) {
        i++; // the flag's value
      } else if (!arg.startsWith("-")) {
        engine = arg;
      }
    }
    return new PluginArguments(Optional.ofNullable(engine), training);
  }
}
