package io.github.mtasts.testlab;

import static io.github.mtasts.testlab.FakeGitHubReply.bool;
import static io.github.mtasts.testlab.FakeGitHubReply.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.mtasts.testlab.FakeGitHubAccounts.Token;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Git database of {@link FakeGitHubApi}'s repositories ("Getting started with the Git
 * Database API"): references with their compare-and-swap, blobs, trees and commits; also the
 * contents API's create-or-update, which is what writes the first commit of an empty repository,
 * and someone else's push. Guarded by the fake's lock.
 */
final class FakeGitData {

  private final Supplier<String> apiUrl;

  FakeGitData(Supplier<String> apiUrl) {
    this.apiUrl = apiUrl;
  }

  /**
   * Pushes a commit to a branch as someone else would, on top of its head (a root commit when the
   * branch does not exist).
   *
   * @return the new commit's id
   */
  static String push(FakeRepository repo, String branch, Map<String, String> files,
      String message, String author) {
    String head = repo.branches.get(branch);
    String baseTree = head == null ? null : repo.objects.commit(head).orElseThrow().tree();
    Map<String, FakeGitObjects.Entry> changes = new LinkedHashMap<>();
    files.forEach((path, text) -> changes.put(path, new FakeGitObjects.Entry("100644", "blob",
        repo.objects.putBlob(text.getBytes(StandardCharsets.UTF_8)))));
    String tree = repo.objects.withPaths(baseTree, changes);
    String commit = repo.objects.putCommit(new FakeGitObjects.Commit(tree,
        head == null ? List.of() : List.of(head), message, author,
        author.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.invalid",
        Instant.now()));
    repo.branches.put(branch, commit);
    return commit;
  }

  /** git/get-ref: 200 git-ref; 404 no such ref; 409 "Git Repository is empty.". */
  FakeGitHubReply getRef(FakeRepository repo, String ref) {
    if (repo.branches.isEmpty()) {
      return FakeGitHubReply.error(409, "Git Repository is empty.");
    }
    if (!ref.startsWith("heads/") || !repo.branches.containsKey(ref.substring(6))) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    return FakeGitHubReply.of(200, refJson(repo, ref));
  }

  /**
   * git/update-ref: {@code force} false or absent "will make sure you're not overwriting work":
   * a new commit that does not descend from the current one is refused with 422 "Update is not a
   * fast forward"; an unknown commit with 422 "Object does not exist".
   */
  FakeGitHubReply updateRef(FakeRepository repo, String ref, JsonObject body) {
    String sha = string(body, "sha");
    if (!ref.startsWith("heads/") || !repo.branches.containsKey(ref.substring(6))) {
      return FakeGitHubReply.error(422, "Reference does not exist");
    }
    if (sha == null || repo.objects.commit(sha).isEmpty()) {
      return FakeGitHubReply.error(422, "Object does not exist");
    }
    String branch = ref.substring(6);
    if (!bool(body, "force") && !repo.objects.isAncestor(repo.branches.get(branch), sha)) {
      return FakeGitHubReply.error(422, "Update is not a fast forward");
    }
    repo.branches.put(branch, sha);
    return FakeGitHubReply.of(200, refJson(repo, ref));
  }

  private JsonObject refJson(FakeRepository repo, String ref) {
    JsonObject json = new JsonObject();
    json.addProperty("ref", "refs/" + ref);
    json.addProperty("node_id", "REF_" + repo.id);
    json.addProperty("url", apiUrl.get() + "/repos/" + repo.fullName() + "/git/refs/" + ref);
    JsonObject object = new JsonObject();
    object.addProperty("type", "commit");
    object.addProperty("sha", repo.branches.get(ref.substring(6)));
    object.addProperty("url", objectUrl(repo, "commits", repo.branches.get(ref.substring(6))));
    json.add("object", object);
    return json;
  }

  /** git/create-blob: encodings "utf-8" and "base64"; 201 short-blob. */
  FakeGitHubReply createBlob(FakeRepository repo, JsonObject body) {
    String content = string(body, "content");
    String encoding = body.has("encoding") ? string(body, "encoding") : "utf-8";
    if (content == null) {
      return FakeGitHubReply.validation("Blob", "content", "missing_field", "content is missing");
    }
    byte[] bytes;
    if ("base64".equals(encoding)) {
      try {
        bytes = Base64.getMimeDecoder().decode(content);
      } catch (IllegalArgumentException e) {
        return FakeGitHubReply.validation("Blob", "content", "invalid", "content is not valid Base64");
      }
    } else if ("utf-8".equals(encoding)) {
      bytes = content.getBytes(StandardCharsets.UTF_8);
    } else {
      return FakeGitHubReply.validation("Blob", "encoding", "invalid", "encoding must be utf-8 or base64");
    }
    String sha = repo.objects.putBlob(bytes);
    JsonObject json = new JsonObject();
    json.addProperty("url", objectUrl(repo, "blobs", sha));
    json.addProperty("sha", sha);
    return FakeGitHubReply.of(201, json).header("Location", objectUrl(repo, "blobs", sha));
  }

  /** git/get-blob: 200 with the content in Base64, lines of 60 characters as GitHub sends. */
  FakeGitHubReply getBlob(FakeRepository repo, String sha) {
    Optional<byte[]> blob = repo.objects.blob(sha);
    if (blob.isEmpty()) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    JsonObject json = new JsonObject();
    json.addProperty("sha", sha);
    json.addProperty("node_id", "BLOB_" + sha);
    json.addProperty("size", blob.get().length);
    json.addProperty("url", objectUrl(repo, "blobs", sha));
    json.addProperty("content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(blob.get()) + "\n");
    json.addProperty("encoding", "base64");
    return FakeGitHubReply.of(200, json);
  }

  /**
   * git/create-tree: entries of path, mode, type and either sha (null deletes the path) or
   * content; nested paths; base_tree optional. 422 for an unknown base tree or object, for both
   * sha and content, and for deleting a file that does not exist ("Returns an error if you try
   * to delete a file that does not exist").
   */
  FakeGitHubReply createTree(FakeRepository repo, JsonObject body) {
    String baseTree = string(body, "base_tree");
    if (baseTree != null && !repo.objects.isTree(baseTree)) {
      return FakeGitHubReply.validation("Tree", "base_tree", "invalid", "base_tree is not a valid tree oid");
    }
    if (!body.has("tree") || !body.get("tree").isJsonArray()) {
      return FakeGitHubReply.validation("Tree", "tree", "missing_field", "tree is missing");
    }
    Map<String, FakeGitObjects.Entry> changes = new LinkedHashMap<>();
    for (JsonElement element : body.getAsJsonArray("tree")) {
      JsonObject entry = element.getAsJsonObject();
      String path = string(entry, "path");
      String mode = string(entry, "mode");
      String type = string(entry, "type");
      boolean hasSha = entry.has("sha");
      String sha = hasSha ? string(entry, "sha") : null;
      String content = string(entry, "content");
      if (path == null || mode == null || type == null
          || !Set.of("100644", "100755", "040000", "160000", "120000").contains(mode)) {
        return FakeGitHubReply.validation("Tree", "tree.path", "invalid", "path, mode and type are required");
      }
      if (hasSha && content != null) {
        return FakeGitHubReply.validation("Tree", "tree.sha", "invalid", "use either sha or content, not both");
      }
      if (content != null) {
        sha = repo.objects.putBlob(content.getBytes(StandardCharsets.UTF_8));
      } else if (sha != null && !repo.objects.exists(sha, type)) {
        return FakeGitHubReply.validation("Tree", "tree.sha", "invalid", "tree.sha " + sha
            + " is not a valid " + type);
      }
      changes.put(path, sha == null ? null : new FakeGitObjects.Entry(mode, type, sha));
    }
    String tree;
    try {
      tree = repo.objects.withPaths(baseTree, changes);
    } catch (IllegalArgumentException e) {
      return FakeGitHubReply.validation("Tree", "tree.path", "invalid", "tree.path " + e.getMessage()
          + " does not exist");
    }
    return FakeGitHubReply.of(201, treeJson(repo, tree, false))
        .header("Location", objectUrl(repo, "trees", tree));
  }

  /** git/get-tree: 200 git-tree; with {@code recursive} (any value), every subtree's entries. */
  FakeGitHubReply getTree(FakeRepository repo, String sha, String recursive) {
    if (!repo.objects.isTree(sha)) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    return FakeGitHubReply.of(200, treeJson(repo, sha, recursive != null));
  }

  private JsonObject treeJson(FakeRepository repo, String sha, boolean recursive) {
    Map<String, FakeGitObjects.Entry> entries = recursive ? repo.objects.flatten(sha, true)
        : repo.objects.tree(sha).orElseThrow();
    JsonArray tree = new JsonArray();
    entries.forEach((path, entry) -> {
      JsonObject json = new JsonObject();
      json.addProperty("path", path);
      json.addProperty("mode", entry.mode());
      json.addProperty("type", entry.type());
      json.addProperty("sha", entry.sha());
      if ("blob".equals(entry.type())) {
        json.addProperty("size", repo.objects.blob(entry.sha()).orElseThrow().length);
      }
      json.addProperty("url", objectUrl(repo, "blob".equals(entry.type()) ? "blobs" : "trees",
          entry.sha()));
      tree.add(json);
    });
    JsonObject json = new JsonObject();
    json.addProperty("sha", sha);
    json.addProperty("url", objectUrl(repo, "trees", sha));
    json.add("tree", tree);
    json.addProperty("truncated", false);
    return json;
  }

  /**
   * git/create-commit: message and tree required; parents optional (a root commit without);
   * author and committer default to the authenticated user and now. 422 for unknown objects.
   */
  FakeGitHubReply createCommit(FakeRepository repo, Token token, JsonObject body) {
    String message = string(body, "message");
    String tree = string(body, "tree");
    if (message == null || tree == null) {
      return FakeGitHubReply.validation("Commit", message == null ? "message" : "tree", "missing_field",
          "message and tree are required");
    }
    if (!repo.objects.isTree(tree)) {
      return FakeGitHubReply.validation("Commit", "tree", "invalid", "Tree SHA does not exist");
    }
    List<String> parents = new ArrayList<>();
    if (body.has("parents")) {
      for (JsonElement parent : body.getAsJsonArray("parents")) {
        if (repo.objects.commit(parent.getAsString()).isEmpty()) {
          return FakeGitHubReply.validation("Commit", "parents", "invalid", "Parent SHA does not exist or is"
              + " not a commit object");
        }
        parents.add(parent.getAsString());
      }
    }
    JsonObject author = body.has("author") ? body.getAsJsonObject("author") : new JsonObject();
    String sha = repo.objects.putCommit(new FakeGitObjects.Commit(tree, parents, message,
        author.has("name") ? string(author, "name") : token.login(),
        author.has("email") ? string(author, "email") : token.login() + "@users.noreply.github.com",
        Instant.now()));
    return FakeGitHubReply.of(201, commitJson(repo, sha)).header("Location", objectUrl(repo, "commits",
        sha));
  }

  /** git/get-commit: 200 git-commit; 404. */
  FakeGitHubReply getCommit(FakeRepository repo, String sha) {
    return repo.objects.commit(sha).isEmpty() ? FakeGitHubReply.error(404, "Not Found")
        : FakeGitHubReply.of(200, commitJson(repo, sha));
  }

  private JsonObject commitJson(FakeRepository repo, String sha) {
    FakeGitObjects.Commit commit = repo.objects.commit(sha).orElseThrow();
    JsonObject json = new JsonObject();
    json.addProperty("sha", sha);
    json.addProperty("node_id", "COMMIT_" + sha);
    json.addProperty("url", objectUrl(repo, "commits", sha));
    json.addProperty("html_url", "https://github.com/" + repo.fullName() + "/commit/" + sha);
    JsonObject person = new JsonObject();
    person.addProperty("name", commit.authorName());
    person.addProperty("email", commit.authorEmail());
    person.addProperty("date", commit.date().toString());
    json.add("author", person);
    json.add("committer", person);
    json.addProperty("message", commit.message());
    JsonObject tree = new JsonObject();
    tree.addProperty("sha", commit.tree());
    tree.addProperty("url", objectUrl(repo, "trees", commit.tree()));
    json.add("tree", tree);
    JsonArray parents = new JsonArray();
    for (String parent : commit.parents()) {
      JsonObject p = new JsonObject();
      p.addProperty("sha", parent);
      p.addProperty("url", objectUrl(repo, "commits", parent));
      p.addProperty("html_url", "https://github.com/" + repo.fullName() + "/commit/" + parent);
      parents.add(p);
    }
    json.add("parents", parents);
    JsonObject verification = new JsonObject();
    verification.addProperty("verified", false);
    verification.addProperty("reason", "unsigned");
    verification.add("signature", JsonNull.INSTANCE);
    verification.add("payload", JsonNull.INSTANCE);
    verification.add("verified_at", JsonNull.INSTANCE);
    json.add("verification", verification);
    return json;
  }

  /**
   * repos/create-or-update-file-contents: PUT /repos/{owner}/{repo}/contents/{path} with
   * {@code message}, {@code content} (Base64), optional {@code branch} (default: the default
   * branch) and {@code sha} (required when the file exists); 201 when the file is new, 200 when
   * it changed, 409 when {@code sha} is not the file's, 422 when it is missing for an existing
   * file. It works on an empty repository, whose default branch it creates (as users report:
   * the Git database answers 409 there).
   */
  FakeGitHubReply putContents(FakeRepository repo, String path, Token token, JsonObject body) {
    String message = string(body, "message");
    String content = string(body, "content");
    if (message == null || content == null) {
      return FakeGitHubReply.validation("Contents", message == null ? "message" : "content",
          "missing_field", "message and content are required");
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(content);
    } catch (IllegalArgumentException e) {
      return FakeGitHubReply.validation("Contents", "content", "invalid",
          "content is not valid Base64");
    }
    String branch = body.has("branch") ? string(body, "branch") : repo.defaultBranch;
    String head = repo.branches.get(branch);
    if (head == null && !repo.branches.isEmpty()) {
      return FakeGitHubReply.error(404, "Branch " + branch + " not found");
    }
    Optional<FakeGitObjects.Entry> existing = head == null ? Optional.empty()
        : Optional.ofNullable(repo.objects.flatten(repo.objects.commit(head).orElseThrow().tree(),
            false).get(path));
    String sha = string(body, "sha");
    if (existing.isPresent() && sha == null) {
      return FakeGitHubReply.validation("Contents", "sha", "missing_field",
          "\"sha\" wasn't supplied.");
    }
    if (existing.isPresent() && !existing.get().sha().equals(sha)) {
      return FakeGitHubReply.error(409, path + " does not match " + sha);
    }
    String baseTree = head == null ? null : repo.objects.commit(head).orElseThrow().tree();
    String tree = repo.objects.withPaths(baseTree, Map.of(path,
        new FakeGitObjects.Entry("100644", "blob", repo.objects.putBlob(bytes))));
    String commit = repo.objects.putCommit(new FakeGitObjects.Commit(tree,
        head == null ? List.of() : List.of(head), message, token.login(),
        token.login() + "@users.noreply.github.com", Instant.now()));
    repo.branches.put(branch, commit);
    JsonObject json = new JsonObject();
    JsonObject file = new JsonObject();
    file.addProperty("path", path);
    file.addProperty("sha", repo.objects.flatten(tree, false).get(path).sha());
    json.add("content", file);
    json.add("commit", commitJson(repo, commit));
    return FakeGitHubReply.of(existing.isPresent() ? 200 : 201, json);
  }

  private String objectUrl(FakeRepository repo, String kind, String sha) {
    return apiUrl.get() + "/repos/" + repo.fullName() + "/git/" + kind + "/" + sha;
  }
}
