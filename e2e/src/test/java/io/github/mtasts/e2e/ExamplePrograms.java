package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.ProgramJar;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An example of {@code examples/} as the engine runs it in a test: its sources compiled against
 * the SDK in the program jar, as its own project would be, and packed into a jar that the
 * project's {@code runtime.options.binary} names, so that no Maven runs at each command.
 */
final class ExamplePrograms {

  private ExamplePrograms() {}

  /**
   * Compiles an example and writes its program jar.
   *
   * @param repository the repository, whose program/target holds the SDK's jar
   * @param example the example's folder under {@code examples/}
   * @param mainClass the example's main class
   * @param work the test's scratch folder
   * @return the jar
   */
  static Path jar(Path repository, String example, String mainClass, Path work) throws IOException {
    Path mtastsJar = repository.resolve("program/target/mtasts-program.jar");
    Path classes = Files.createDirectories(work.resolve("example-classes"));
    Path sources = repository.resolve("examples").resolve(example).resolve("src/main/java");
    List<String> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    assertNotEquals(0, files.size(), "no sources in " + sources);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null, List.of("--release", "17",
        "-classpath", mtastsJar.toString(), "-d", classes.toString()), null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(files)).call();
    assertTrue(compiled, sources + " does not compile:\n" + diagnostics);
    return ProgramJar.write(classes, mainClass, List.of(mtastsJar), work.resolve("example.jar"));
  }
}
