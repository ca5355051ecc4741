package io.github.mtasts.testlab;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs a Pulumi program's classes into a runnable jar for the Java language host
 * ({@code runtime: {name: java, options: {binary: app.jar}}}), which runs {@code java -jar
 * app.jar} and discovers required plugins with {@code java -cp app.jar
 * com.pulumi.bootstrap.internal.Main packages}. The manifest's {@code Class-Path} names the
 * mtasts jar, so the program sees the SDK, the Pulumi Java SDK and the plugin descriptor
 * without copying them.
 */
public final class ProgramJar {

  private ProgramJar() {}

  /**
   * Writes the jar.
   *
   * @param mainClass the program's main class; its package's classes go into the jar
   * @param classPath jars the program runs with
   * @param jar where to write the jar
   * @return {@code jar}
   * @throws IOException when the classes cannot be read or the jar written
   */
  public static Path write(Class<?> mainClass, List<Path> classPath, Path jar) throws IOException {
    return write(classesRoot(mainClass), mainClass.getName(), classPath, jar);
  }

  /**
   * Writes the jar of a program compiled into a folder, such as an example compiled by the test.
   *
   * @param classesRoot the folder holding the compiled classes, by package
   * @param mainClass the program's main class name; its package's classes go into the jar
   * @param classPath jars the program runs with
   * @param jar where to write the jar
   * @return {@code jar}
   * @throws IOException when the classes cannot be read or the jar written
   */
  public static Path write(Path classesRoot, String mainClass, List<Path> classPath, Path jar)
      throws IOException {
    String packageDir = mainClass.substring(0, mainClass.lastIndexOf('.')).replace('.', '/');
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
    // Class-Path holds URLs relative to the jar; absolute paths in URL form are allowed.
    attributes.put(
        Attributes.Name.CLASS_PATH,
        String.join(" ", classPath.stream().map(p -> p.toAbsolutePath().toUri().getRawPath())
            .toList()));
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> classes = Files.list(classesRoot.resolve(packageDir))) {
      for (Path classFile : classes.filter(p -> p.toString().endsWith(".class")).sorted()
          .toList()) {
        out.putNextEntry(new JarEntry(packageDir + "/" + classFile.getFileName()));
        Files.copy(classFile, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static Path classesRoot(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("class location of " + type.getName(), e);
    }
  }
}
