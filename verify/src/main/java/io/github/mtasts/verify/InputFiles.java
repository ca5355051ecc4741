package io.github.mtasts.verify;

import io.github.mtasts.policy.Excerpt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the files a person names (trust anchors, a state file, a list of domains, a policy to
 * compare, the input of {@code lint}) with a size limit: a file holds text a person wrote or a
 * program saved, and anything larger than its limit is not that file. Naming {@code /dev/zero},
 * a directory, or a pipe that never ends then gives an error that names the file and the limit,
 * instead of a process that runs out of memory or never returns.
 *
 * <p>Regular files and pipes ({@code <(command)}, {@code /dev/stdin}) are read; directories,
 * devices and sockets are refused before a byte is read. Every failure is an {@link
 * IllegalArgumentException} whose message starts with how the caller names the file (an option
 * such as {@code --ca-file}, or a setting such as {@code caFile}) and the path.
 */
public final class InputFiles {
  /** One mebibyte, the unit of limits. */
  public static final long MIB = 1024 * 1024;

  // st_mode file type bits (POSIX <sys/stat.h>), read through the "unix" attribute view.
  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;

  private InputFiles() {}

  /**
   * Reads a whole file of at most {@code limit} bytes.
   *
   * @param file the file
   * @param limit the most bytes the file may hold
   * @param name how messages name the file, such as {@code --ca-file}
   * @return its bytes
   * @throws IllegalArgumentException naming the file when it is no file, cannot be read or holds
   *     more than {@code limit} bytes
   */
  public static byte[] read(Path file, long limit, String name) {
    // A path is what a person or program wrote: a long one is named by its start.
    String what = name + " " + Excerpt.head(file.toString());
    try {
      String refused = notAFile(file);
      if (refused != null) {
        throw new IllegalArgumentException(what + " is " + refused + ", not a file: give a file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, limit, what);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(what + " cannot be read: no such file", e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(what + " cannot be read: permission denied", e);
    } catch (FileSystemException e) {
      // Its message repeats the path; the reason alone says what happened.
      throw new IllegalArgumentException(what + " cannot be read: "
          + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a stream to its end, at most {@code limit} bytes.
   *
   * @param in the stream, such as standard input; not closed
   * @param limit the most bytes it may hold
   * @param name how messages name it, such as {@code standard input}
   * @return its bytes
   * @throws IllegalArgumentException naming the stream when it holds more than {@code limit} bytes
   *     or cannot be read
   */
  public static byte[] read(InputStream in, long limit, String name) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new IllegalArgumentException(name + " holds more than " + size(limit)
            + ", the most read from it: give the input it is meant for");
      }
      return bytes;
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** A size for people: {@code 4 MiB}, or bytes below one. */
  static String size(long bytes) {
    return bytes >= MIB && bytes % MIB == 0
        ? bytes / MIB + " MiB" : String.format(Locale.ROOT, "%,d bytes", bytes);
  }

  /** What the file is when it is neither a regular file nor a pipe, or null. */
  private static String notAFile(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isRegularFile()) {
      return null;
    }
    if (attributes.isDirectory()) {
      return "a directory";
    }
    int type;
    try {
      type = (Integer) Files.getAttribute(file, "unix:mode") & S_IFMT;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return "a device or another special file";
    }
    if (type == S_IFIFO) {
      return null;
    }
    return type == S_IFSOCK ? "a socket" : "a device";
  }
}
