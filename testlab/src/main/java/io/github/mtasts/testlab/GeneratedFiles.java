package io.github.mtasts.testlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a folder by relative path, as a code generator wrote them or as they are checked
 * in, and what sets two such trees apart: the drift tests of the generated SDKs compare a fresh
 * generation with the checked-in files through this.
 */
public final class GeneratedFiles {

  private GeneratedFiles() {}

  /**
   * Reads the regular files under a folder.
   *
   * @param root the folder
   * @param keep which files to keep, given their path
   * @return the content of each kept file by its path relative to {@code root}, with {@code /}
   *     as separator, in path order
   */
  public static Map<String, byte[]> read(Path root, Predicate<Path> keep) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(keep).toList()) {
        files.put(root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/"),
            Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /**
   * Lists how the checked-in files differ from a fresh generation: each file missing, left over
   * or different (with the first line that differs), one line each.
   *
   * @param generated what the generator wrote now, by path
   * @param checkedIn what the repository holds, by path
   * @return the differences in path order; empty when the two are the same
   */
  public static List<String> differences(Map<String, byte[]> generated, Map<String, byte[]> checkedIn) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(generated.keySet());
    paths.addAll(checkedIn.keySet());
    for (String path : paths) {
      byte[] expected = generated.get(path);
      byte[] actual = checkedIn.get(path);
      if (actual == null) {
        differences.add(path + ": missing (the generator writes it)");
      } else if (expected == null) {
        differences.add(path + ": left over (the generator no longer writes it)");
      } else if (!Arrays.equals(expected, actual)) {
        differences.add(path + ": differs from line " + firstDifferentLine(expected, actual));
      }
    }
    return differences;
  }

  private static int firstDifferentLine(byte[] expectedBytes, byte[] actualBytes) {
    List<String> expected = new String(expectedBytes, StandardCharsets.UTF_8).lines().toList();
    List<String> actual = new String(actualBytes, StandardCharsets.UTF_8).lines().toList();
    int line = 0;
    while (line < expected.size() && line < actual.size() && expected.get(line).equals(actual.get(line))) {
      line++;
    }
    return line + 1;
  }
}
