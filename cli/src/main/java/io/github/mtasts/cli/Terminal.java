package io.github.mtasts.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard output or error is a terminal, to decide on colours and progress lines. */
final class Terminal {
  private Terminal() {}

  /** True when standard output is a terminal and colours are not turned off (NO_COLOR, TERM=dumb). */
  static boolean colorsOnStdout() {
    return isTerminal(1) && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
  }

  /** True when standard error is a terminal. */
  static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  /**
   * Whether a file descriptor is a terminal. Java 17 has no isatty: on Linux the descriptor's link
   * names the device; elsewhere a console exists only when stdin and stdout are terminals.
   */
  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }
}
