package io.github.mtasts.testlab;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root folder, where the launchers ({@code bin/}), the scripts and the root
 * Pulumi project are. Maven runs each module's tests in the module's folder and passes the root
 * as the system property {@value #PROPERTY}; a test started elsewhere (an IDE) finds it by
 * walking up to the folder that holds {@code mvnw}.
 */
public final class Repository {

  /** The system property the build sets to the repository's root. */
  public static final String PROPERTY = "mtasts.root";

  private Repository() {}

  /**
   * Returns the repository's root folder.
   *
   * @return an absolute path
   * @throws IllegalStateException when neither the property nor a parent folder names it
   */
  public static Path root() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("bin"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository's root: set -D" + PROPERTY);
  }

  /**
   * Resolves a path relative to the root.
   *
   * @param relative for example {@code bin/pulumi-resource-mtasts}
   * @return an absolute path
   */
  public static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
