package io.github.mtasts.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files of a site by path in the repository, e.g. {@code .well-known/mta-sts.txt}; immutable.
 *
 * <p>Each file's Git blob id is computed here as Git does (SHA-1 of {@code "blob <size>\0"} and
 * the content), so that a commit can be skipped when the branch already holds exactly these
 * files: the ids in a tree listed by "Get a tree" are these ids.
 */
public final class SiteFiles {

  private final Map<String, byte[]> files;

  private SiteFiles(Map<String, byte[]> files) {
    this.files = files;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the paths, in the order they were added.
   *
   * @return the paths
   */
  public Set<String> paths() {
    return files.keySet();
  }

  /**
   * Returns a file's content.
   *
   * @param path the path in the repository
   * @return a copy of the bytes, or empty when there is no such file
   */
  public Optional<byte[]> get(String path) {
    byte[] content = files.get(path);
    return content == null ? Optional.empty() : Optional.of(content.clone());
  }

  /**
   * Returns a file's content as UTF-8 text.
   *
   * @param path the path in the repository
   * @return the text, or empty when there is no such file
   */
  public Optional<String> text(String path) {
    return get(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** The Git blob id of a file of this set. */
  String blobId(String path) {
    return blobId(files.get(path));
  }

  /** Git's object id of a blob: SHA-1 of "blob SIZE\0" followed by the content. */
  static String blobId(byte[] content) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SiteFiles that) || !files.keySet().equals(that.files.keySet())) {
      return false;
    }
    return files.entrySet().stream()
        .allMatch(e -> Arrays.equals(e.getValue(), that.files.get(e.getKey())));
  }

  @Override
  public int hashCode() {
    return files.keySet().hashCode();
  }

  /** Lists the paths with their sizes and blob ids, not the contents. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SiteFiles{");
    files.forEach((path, content) -> text.append(text.length() > 10 ? ", " : "").append(path)
        .append(" (").append(content.length).append(" bytes, blob ")
        .append(blobId(content), 0, 7).append(')'));
    return text.append('}').toString();
  }

  /** Builds {@link SiteFiles}. */
  public static final class Builder {
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a file.
     *
     * @param path a relative path with '/' between folders, e.g. {@code .well-known/mta-sts.txt}
     * @param content the bytes, copied
     * @return this builder
     * @throws InvalidSpecException when the path is absolute, empty, holds an empty, '.' or '..'
     *     segment, a backslash or a control character, or was added before
     */
    public Builder file(String path, byte[] content) {
      if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")
          || path.contains("\\") || path.chars().anyMatch(c -> c < ' ' || c == 127)
          || Arrays.stream(path.split("/", -1))
              .anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
        throw new InvalidSpecException("path", path,
            "use a relative path with '/' between folders, e.g. .well-known/mta-sts.txt");
      }
      if (files.containsKey(path)) {
        throw new InvalidSpecException("path", path, "each path may be given once");
      }
      files.put(path, content.clone());
      return this;
    }

    /**
     * Adds a text file, encoded as UTF-8.
     *
     * @param path as for {@link #file(String, byte[])}
     * @param text the content
     * @return this builder
     */
    public Builder file(String path, String text) {
      return file(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Builds the set.
     *
     * @return the files
     */
    public SiteFiles build() {
      return new SiteFiles(new LinkedHashMap<>(files));
    }
  }
}
