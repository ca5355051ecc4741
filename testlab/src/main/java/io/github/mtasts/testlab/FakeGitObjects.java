package io.github.mtasts.testlab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Git object database of one repository of {@link FakeGitHubApi}: blobs, trees and commits
 * with the object ids Git computes (SHA-1 of {@code "<type> <size>\0"} and the object's
 * canonical form), so that ids the fake hands out are those GitHub would hand out for the same
 * content ("Git Internals - Git Objects" in the Git book, which the Git database API documents
 * link to).
 */
final class FakeGitObjects {

  /** A tree entry: mode as the API shows it (trees {@code 040000}), type, id. */
  record Entry(String mode, String type, String sha) {}

  /** A commit object. */
  record Commit(String tree, List<String> parents, String message, String authorName,
      String authorEmail, Instant date) {}

  private final Map<String, byte[]> blobs = new HashMap<>();
  private final Map<String, TreeMap<String, Entry>> trees = new HashMap<>();
  private final Map<String, Commit> commits = new HashMap<>();

  String putBlob(byte[] content) {
    String sha = id("blob", content);
    blobs.put(sha, content.clone());
    return sha;
  }

  Optional<byte[]> blob(String sha) {
    return Optional.ofNullable(blobs.get(sha)).map(byte[]::clone);
  }

  /** Stores a tree of direct entries by name; returns its id. */
  String putTree(Map<String, Entry> entries) {
    // Git sorts tree entries by name, a tree's name compared as if it ended with '/'.
    List<Map.Entry<String, Entry>> sorted = new ArrayList<>(entries.entrySet());
    sorted.sort(Comparator.comparing(e -> e.getKey() + ("tree".equals(e.getValue().type())
        ? "/" : "")));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, Entry> e : sorted) {
      String mode = "tree".equals(e.getValue().type()) ? "40000" : e.getValue().mode();
      body.writeBytes((mode + " " + e.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(HexFormat.of().parseHex(e.getValue().sha()));
    }
    String sha = id("tree", body.toByteArray());
    trees.put(sha, new TreeMap<>(entries));
    return sha;
  }

  Optional<Map<String, Entry>> tree(String sha) {
    return Optional.ofNullable(trees.get(sha)).map(TreeMap::new);
  }

  String putCommit(Commit commit) {
    StringBuilder text = new StringBuilder("tree ").append(commit.tree()).append('\n');
    commit.parents().forEach(p -> text.append("parent ").append(p).append('\n'));
    String signature = commit.authorName() + " <" + commit.authorEmail() + "> "
        + commit.date().getEpochSecond() + " +0000";
    text.append("author ").append(signature).append('\n')
        .append("committer ").append(signature).append("\n\n").append(commit.message());
    String sha = id("commit", text.toString().getBytes(StandardCharsets.UTF_8));
    commits.put(sha, commit);
    return sha;
  }

  Optional<Commit> commit(String sha) {
    return Optional.ofNullable(commits.get(sha));
  }

  boolean isTree(String sha) {
    return trees.containsKey(sha);
  }

  boolean exists(String sha, String type) {
    return switch (type) {
      case "blob" -> blobs.containsKey(sha);
      case "tree" -> trees.containsKey(sha);
      case "commit" -> commits.containsKey(sha);
      default -> false;
    };
  }

  /** Whether {@code ancestor} is {@code descendant} or one of its ancestors. */
  boolean isAncestor(String ancestor, String descendant) {
    List<String> pending = new ArrayList<>(List.of(descendant));
    while (!pending.isEmpty()) {
      String sha = pending.remove(pending.size() - 1);
      if (sha.equals(ancestor)) {
        return true;
      }
      commit(sha).ifPresent(c -> pending.addAll(c.parents()));
    }
    return false;
  }

  /** Every blob of a tree and its subtrees by path, e.g. {@code .well-known/mta-sts.txt}. */
  Map<String, Entry> flatten(String treeSha, boolean withTrees) {
    Map<String, Entry> out = new LinkedHashMap<>();
    flatten(treeSha, "", withTrees, out);
    return out;
  }

  private void flatten(String treeSha, String prefix, boolean withTrees, Map<String, Entry> out) {
    for (Map.Entry<String, Entry> e : trees.getOrDefault(treeSha, new TreeMap<>()).entrySet()) {
      String path = prefix + e.getKey();
      if ("tree".equals(e.getValue().type())) {
        if (withTrees) {
          out.put(path, e.getValue());
        }
        flatten(e.getValue().sha(), path + "/", withTrees, out);
      } else {
        out.put(path, e.getValue());
      }
    }
  }

  /**
   * Builds a new tree: the base's entries with each path set ({@code sha} non-null) or removed
   * ({@code sha} null), nested paths creating or changing subtrees ("Create a tree": "accepts
   * nested entries").
   *
   * @return the new tree's id
   * @throws IllegalArgumentException naming a path to remove that does not exist
   */
  String withPaths(String baseTree, Map<String, Entry> changes) {
    Map<String, Entry> base = baseTree == null ? new TreeMap<>() : tree(baseTree).orElseThrow();
    Map<String, Map<String, Entry>> byFolder = new LinkedHashMap<>();
    for (Map.Entry<String, Entry> change : changes.entrySet()) {
      String path = change.getKey();
      int slash = path.indexOf('/');
      if (slash < 0) {
        if (change.getValue() == null) {
          if (base.remove(path) == null) {
            throw new IllegalArgumentException(path);
          }
        } else {
          base.put(path, change.getValue());
        }
      } else {
        byFolder.computeIfAbsent(path.substring(0, slash), k -> new LinkedHashMap<>())
            .put(path.substring(slash + 1), change.getValue());
      }
    }
    for (Map.Entry<String, Map<String, Entry>> folder : byFolder.entrySet()) {
      Entry existing = base.get(folder.getKey());
      String sub = existing != null && "tree".equals(existing.type()) ? existing.sha() : null;
      String subTree = withPaths(sub, folder.getValue());
      if (tree(subTree).orElseThrow().isEmpty()) {
        base.remove(folder.getKey());
      } else {
        base.put(folder.getKey(), new Entry("040000", "tree", subTree));
      }
    }
    return putTree(base);
  }

  static String id(String type, byte[] content) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update((type + " " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }
}
