package io.github.mtasts.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import okhttp3.HttpUrl;

/**
 * Reads and writes the files of a site on a branch, writing several files as one commit through
 * the Git database API ("Getting started with the Git Database API"): blobs, a tree on the
 * current tree ({@code base_tree}), a commit whose parent is the current head, then the branch
 * moved with {@code force: false}.
 *
 * <p>The branch move is a compare-and-swap: a push between the read of the head and the move
 * makes the move a non-fast-forward, which GitHub refuses (422); it is reported as a
 * {@link ConcurrentPushException} and never overwritten. Blobs, trees and commits are objects
 * that nothing refers to until the branch moves, so creating one again after a lost answer
 * leaves at most an unused object. Files outside the given paths are kept as they are.
 */
public final class Contents {

  private final GitHubHttp http;
  private final Branches branches;

  Contents(GitHubHttp http) {
    this.http = http;
    this.branches = new Branches(http);
  }

  /**
   * Commits the files to the branch as one commit, unless the branch already holds exactly
   * these contents at these paths.
   *
   * @param repository owner and name
   * @param branch the branch, e.g. {@code main}
   * @param files the files to write
   * @param message the commit message
   * @param wait the operation's time budget (rate limits, retries)
   * @return the heads before and after, and the paths changed
   * @throws ConcurrentPushException when someone pushed to the branch meanwhile
   * @throws GitHubException when the branch does not exist, the repository has no commit, or a
   *     call fails
   */
  public CommitResult commit(RepositoryName repository, String branch, SiteFiles files,
      String message, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    String parent = requireHead(repository, branch, waiter);
    String baseTree = treeOf(repository, parent, waiter);
    Map<String, String> current = blobIds(repository, baseTree, waiter);
    List<String> changed = new ArrayList<>();
    for (String path : files.paths()) {
      if (!files.blobId(path).equals(current.get(path))) {
        changed.add(path);
      }
    }
    if (changed.isEmpty()) {
      return new CommitResult(parent, parent, List.of());
    }
    JsonArray entries = new JsonArray();
    for (String path : changed) {
      JsonObject entry = new JsonObject();
      entry.addProperty("path", path);
      entry.addProperty("mode", "100644");
      entry.addProperty("type", "blob");
      entry.addProperty("sha", createBlob(repository, files.get(path).orElseThrow(), waiter));
      entries.add(entry);
    }
    String tree = createTree(repository, baseTree, entries, waiter);
    String commit = createCommit(repository, message, tree, parent, waiter);
    branches.move(repository, branch, parent, commit, waiter);
    return new CommitResult(parent, commit, changed);
  }

  /**
   * Writes the first commit of a repository that has none, with one file, on its default branch:
   * the Git database API cannot, since it answers 409 for an empty repository, but the contents
   * API can ("Create or update file contents", repos/create-or-update-file-contents; that it
   * creates the default branch of an empty repository is observed).
   *
   * @param repository owner and name
   * @param path the file's path, e.g. {@code .nojekyll}
   * @param content the file's bytes
   * @param message the commit message
   * @param wait the operation's time budget (rate limits, retries)
   * @return the new head of the default branch
   * @throws GitHubException when the repository has a commit on its default branch already, or a
   *     call fails
   */
  public String initialize(RepositoryName repository, String path, byte[] content,
      String message, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    JsonObject body = new JsonObject();
    body.addProperty("message", message);
    body.addProperty("content", Base64.getEncoder().encodeToString(content));
    HttpUrl.Builder url = http.url("repos", repository.owner(), repository.name(), "contents")
        .newBuilder();
    for (String segment : path.split("/")) {
      url.addPathSegment(segment);
    }
    // PUT /repos/{owner}/{repo}/contents/{path}: 201 created, 200 updated, 409, 422 (a file that
    // exists needs its sha: this write is for an empty repository only, so it is never retried
    // as an update).
    ApiCall call = ApiCall.write("write the first commit of " + repository + " with " + path
        + " (repos/create-or-update-file-contents)", "PUT", url.build(), body, false);
    ApiResponse response = http.send(call, waiter);
    if (response.status() != 201) {
      throw ApiErrors.failure(call, response);
    }
    return Json.required(Json.object(response.object(), "commit"), "sha", call.operation());
  }

  /**
   * Reads the files at these paths on a branch.
   *
   * @param repository owner and name
   * @param branch the branch, e.g. {@code main}
   * @param paths the paths to read; those that do not exist are left out
   * @param wait the operation's time budget (rate limits, retries)
   * @return the head read and the files found
   * @throws GitHubException when the branch does not exist, the repository has no commit, or a
   *     call fails
   */
  public BranchFiles read(RepositoryName repository, String branch, List<String> paths,
      WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    String head = requireHead(repository, branch, waiter);
    Map<String, String> blobs = blobIds(repository, treeOf(repository, head, waiter), waiter);
    SiteFiles.Builder found = SiteFiles.builder();
    for (String path : paths) {
      String blob = blobs.get(path);
      if (blob != null) {
        found.file(path, readBlob(repository, blob, waiter));
      }
    }
    return new BranchFiles(head, found.build());
  }

  /**
   * Lists the paths of every file on a branch.
   *
   * @param repository owner and name
   * @param branch the branch, e.g. {@code main}
   * @param wait the operation's time budget (rate limits, retries)
   * @return the paths, sorted
   * @throws GitHubException when the branch does not exist, the repository has no commit, or a
   *     call fails
   */
  public SortedSet<String> paths(RepositoryName repository, String branch, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    String head = requireHead(repository, branch, waiter);
    return new TreeSet<>(blobIds(repository, treeOf(repository, head, waiter), waiter).keySet());
  }

  private String requireHead(RepositoryName repository, String branch, Waiter waiter) {
    return branches.head(repository, branch, waiter).orElseThrow(() -> new GitHubException(
        "branch " + branch + " of " + repository + " does not exist, or the repository has no"
            + " commit yet (GitHub answers 409 for an empty repository): push a first commit, or"
            + " name the repository's default branch"));
  }

  /** The tree of a commit (git/get-commit). */
  private String treeOf(RepositoryName repository, String commit, Waiter waiter) {
    ApiCall call = ApiCall.get("read commit " + commit + " of " + repository + " (git/get-commit)",
        http.url("repos", repository.owner(), repository.name(), "git", "commits", commit));
    ApiResponse response = http.send(call, waiter);
    if (!response.ok()) {
      throw ApiErrors.failure(call, response);
    }
    return Json.required(Json.object(response.object(), "tree"), "sha", call.operation());
  }

  /** Path to blob id of every file of a tree and its subtrees (git/get-tree, recursive). */
  private Map<String, String> blobIds(RepositoryName repository, String tree, Waiter waiter) {
    ApiCall call = ApiCall.get("list tree " + tree + " of " + repository + " (git/get-tree)",
        http.url("repos", repository.owner(), repository.name(), "git", "trees", tree)
            .newBuilder().addQueryParameter("recursive", "1").build());
    ApiResponse response = http.send(call, waiter);
    if (!response.ok()) {
      throw ApiErrors.failure(call, response);
    }
    if (Json.bool(response.object(), "truncated")) {
      // "If truncated is true, the number of items in the tree array exceeded our maximum limit."
      throw new GitHubException(call.operation() + ": GitHub truncated the listing: the"
          + " repository holds too many files to serve a policy site; use a repository of its"
          + " own for the site");
    }
    Map<String, String> blobs = new HashMap<>();
    JsonElement entries = response.object().get("tree");
    if (entries != null && entries.isJsonArray()) {
      for (JsonElement element : entries.getAsJsonArray()) {
        JsonObject entry = element.getAsJsonObject();
        if ("blob".equals(Json.string(entry, "type").orElse(""))) {
          blobs.put(Json.required(entry, "path", call.operation()),
              Json.required(entry, "sha", call.operation()));
        }
      }
    }
    return blobs;
  }

  private byte[] readBlob(RepositoryName repository, String blob, Waiter waiter) {
    // git/get-blob: GET /repos/{owner}/{repo}/git/blobs/{file_sha}; content base64-encoded.
    ApiCall call = ApiCall.get("read blob " + blob + " of " + repository + " (git/get-blob)",
        http.url("repos", repository.owner(), repository.name(), "git", "blobs", blob));
    ApiResponse response = http.send(call, waiter);
    if (!response.ok()) {
      throw ApiErrors.failure(call, response);
    }
    String content = Json.required(response.object(), "content", call.operation());
    return Base64.getMimeDecoder().decode(content);
  }

  private String createBlob(RepositoryName repository, byte[] content, Waiter waiter) {
    JsonObject body = new JsonObject();
    body.addProperty("content", Base64.getEncoder().encodeToString(content));
    body.addProperty("encoding", "base64");
    // git/create-blob: POST /repos/{owner}/{repo}/git/blobs; 201, 403, 404, 409, 422.
    return create(ApiCall.write("create a blob in " + repository + " (git/create-blob)", "POST",
        http.url("repos", repository.owner(), repository.name(), "git", "blobs"), body, true),
        waiter);
  }

  private String createTree(RepositoryName repository, String baseTree, JsonArray entries,
      Waiter waiter) {
    JsonObject body = new JsonObject();
    body.addProperty("base_tree", baseTree);
    body.add("tree", entries);
    // git/create-tree: POST /repos/{owner}/{repo}/git/trees; 201, 403, 404, 409, 422.
    return create(ApiCall.write("create a tree in " + repository + " (git/create-tree)", "POST",
        http.url("repos", repository.owner(), repository.name(), "git", "trees"), body, true),
        waiter);
  }

  private String createCommit(RepositoryName repository, String message, String tree,
      String parent, Waiter waiter) {
    JsonObject body = new JsonObject();
    body.addProperty("message", message);
    body.addProperty("tree", tree);
    JsonArray parents = new JsonArray();
    parents.add(parent);
    body.add("parents", parents);
    // git/create-commit: POST /repos/{owner}/{repo}/git/commits; 201, 404, 409, 422. The author
    // and committer default to the authenticated user and the current date.
    return create(ApiCall.write("create a commit in " + repository + " (git/create-commit)",
        "POST", http.url("repos", repository.owner(), repository.name(), "git", "commits"), body,
        true), waiter);
  }

  /** Sends a create of a content-addressed object and returns its id from the 201 answer. */
  private String create(ApiCall call, Waiter waiter) {
    ApiResponse response = http.send(call, waiter);
    if (response.status() != 201) {
      throw ApiErrors.failure(call, response);
    }
    return Json.required(response.object(), "sha", call.operation());
  }
}
