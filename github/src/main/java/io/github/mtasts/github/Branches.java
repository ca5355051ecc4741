package io.github.mtasts.github;

import com.google.gson.JsonObject;
import io.github.mtasts.wait.Waiter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The head of a branch, read and moved through the Git database API's references.
 *
 * <p>A move is a compare-and-swap: "Update a reference" with {@code force: false} ("make sure the
 * update is a fast-forward update") is refused with 422 "Update is not a fast forward" when the
 * branch no longer leads to the new commit's parent.
 */
final class Branches {

  private final GitHubHttp http;

  Branches(GitHubHttp http) {
    this.http = http;
  }

  /**
   * Returns the commit a branch points at.
   *
   * @return the commit id; empty when the branch does not exist (404) or the repository has no
   *     commit yet (409 "Git Repository is empty.")
   */
  Optional<String> head(RepositoryName repository, String branch, Waiter waiter) {
    // git/get-ref: GET /repos/{owner}/{repo}/git/ref/{ref}, ref "heads/<branch>"; 200, 404, 409.
    ApiCall call = ApiCall.get("read branch " + branch + " of " + repository + " (git/get-ref)",
        refUrl(repository, "ref", branch));
    ApiResponse response = http.send(call, waiter);
    if (response.status() == 404 || response.status() == 409) {
      return Optional.empty();
    }
    if (!response.ok()) {
      throw ApiErrors.failure(call, response);
    }
    return Optional.of(Json.required(Json.object(response.object(), "object"), "sha",
        call.operation()));
  }

  /** Waits until the branch exists, e.g. just after a repository was created with a commit. */
  String awaitHead(RepositoryName repository, String branch, Waiter waiter) {
    return waiter.until("branch " + branch + " of " + repository + " to exist", () ->
        head(repository, branch, waiter).map(Waiter.Poll::done)
            .orElseGet(() -> Waiter.Poll.pending("no commit yet")));
  }

  /**
   * Moves a branch from {@code expected} to {@code commit}, a descendant of it.
   *
   * @throws ConcurrentPushException when the branch no longer points at {@code expected}
   */
  void move(RepositoryName repository, String branch, String expected, String commit,
      Waiter waiter) {
    JsonObject body = new JsonObject();
    body.addProperty("sha", commit);
    body.addProperty("force", false);
    // git/update-ref: PATCH /repos/{owner}/{repo}/git/refs/{ref}; 200, 409, 422.
    ApiCall call = ApiCall.write("move branch " + branch + " of " + repository + " to " + commit
        + " (git/update-ref)", "PATCH", refUrl(repository, "refs", branch), body, false);
    for (int attempt = 1; ; attempt++) {
      ApiResponse response;
      try {
        response = http.send(call, waiter);
      } catch (GitHubException e) {
        if (!e.outcomeUnknown()) {
          throw e;
        }
        // The answer was lost: the branch tells what happened.
        String now = head(repository, branch, waiter).orElse(null);
        if (commit.equals(now)) {
          waiter.progress().report("GitHub answered a server error, but branch " + branch
              + " of " + repository + " was moved to " + commit);
          return;
        }
        if (expected.equals(now) && attempt < 3) {
          continue;
        }
        if (expected.equals(now)) {
          throw e;
        }
        throw new ConcurrentPushException(repository, branch, expected, now, e.status(),
            e.requestId().orElse(null));
      }
      if (response.ok()) {
        return;
      }
      if (response.status() == 422
          && response.message().toLowerCase(Locale.ROOT).contains("fast forward")) {
        throw new ConcurrentPushException(repository, branch, expected,
            head(repository, branch, waiter).orElse(null), 422,
            response.header("x-github-request-id").orElse(null));
      }
      throw ApiErrors.failure(call, response);
    }
  }

  /** {@code .../git/<kind>/heads/<branch>}, each segment of the branch name encoded. */
  private HttpUrl refUrl(RepositoryName repository, String kind, String branch) {
    String[] prefix = {"repos", repository.owner(), repository.name(), "git", kind, "heads"};
    String[] segments = branch.split("/");
    String[] all = Arrays.copyOf(prefix, prefix.length + segments.length);
    System.arraycopy(segments, 0, all, prefix.length, segments.length);
    return http.url(all);
  }
}
