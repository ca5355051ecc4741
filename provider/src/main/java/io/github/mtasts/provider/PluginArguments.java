package io.github.mtasts.provider;

import java.util.Optional;

/**
 * The command line the engine starts a provider plugin with: logging and tracing flags
 * ({@code --logtostderr}, {@code --logflow}, {@code -v=N}, {@code --tracing ADDRESS}) followed
 * by the engine's address. Flags are accepted and ignored: the plugin reports through the
 * engine's log service, not its own log files.
 *
 * @param engineAddress the engine's gRPC address, absent when the plugin is started by hand
 *     (the engine then sends it with {@code Attach})
 * @param training true for the class-archive training run of the launcher ({@link ProviderTraining})
 */
record PluginArguments(Optional<String> engineAddress, boolean training) {

  /**
   * Parses the command line.
   *
   * @param args the arguments
   * @return the parsed arguments
   */
  static PluginArguments parse(String... args) {
    String engine = null;
    boolean training = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals(ProviderTraining.FLAG)) {
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
