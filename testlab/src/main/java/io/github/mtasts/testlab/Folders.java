package io.github.mtasts.testlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of folders, for tests that build or run a checked-in project outside the repository. */
public final class Folders {

  private Folders() {}

  /**
   * Copies a folder with everything under it, keeping file permissions (an executable stays one).
   *
   * @param source the folder to copy
   * @param target where the copy goes; created, with its parents, when missing
   * @return {@code target}
   */
  public static Path copy(Path source, Path target) {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path from : walk.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
