package io.github.mtasts.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The file through which the servers tell {@code scripts/sandbox.sh} where they listen: one
 * {@code KEY=VALUE} per line, read with {@code sed} (no shell evaluation, so no quoting), written
 * under another name and renamed into place, so that its presence means it is complete.
 */
final class StateFile {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private StateFile() {}

  /**
   * Writes the entries, in their order.
   *
   * @param file the state file
   * @param entries keys (letters, digits, underscores) and values (one line each)
   * @throws IOException when it cannot be written
   */
  static void write(Path file, Map<String, String> entries) throws IOException {
    StringBuilder text = new StringBuilder("# The sandbox's servers; read by scripts/sandbox.sh.\n");
    entries.forEach((key, value) -> {
      if (!KEY.matcher(key).matches() || value.contains("\n") || value.contains("\r")) {
        throw new IllegalArgumentException("not a state entry: " + key + "=" + value);
      }
      text.append(key).append('=').append(value).append('\n');
    });
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
