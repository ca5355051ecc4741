package io.github.mtasts.github;

/**
 * The branch moved while a commit was being made on it (someone pushed): GitHub refused to move
 * the branch to the new commit because that would not be a fast-forward, so nothing was
 * overwritten and the branch holds what was pushed.
 *
 * <p>What a caller must do: read the branch again and decide on the new state; running the
 * operation again commits on top of the new head. Never force the update.
 */
public final class ConcurrentPushException extends GitHubException {

  private final String expectedHead;
  private final String actualHead;

  ConcurrentPushException(RepositoryName repository, String branch, String expectedHead,
      String actualHead, int status, String requestId) {
    super("branch " + branch + " of " + repository + " moved from " + abbreviate(expectedHead)
        + " to " + abbreviate(actualHead) + " while the site's files were being committed"
        + " (someone pushed): nothing was overwritten; look at what was pushed, then run the"
        + " operation again to commit on top of it", status, requestId, false, null);
    this.expectedHead = expectedHead;
    this.actualHead = actualHead;
  }

  private static String abbreviate(String sha) {
    return sha == null ? "(none)" : sha.substring(0, Math.min(7, sha.length()));
  }

  /**
   * Returns the head the new commit was made on.
   *
   * @return a commit id
   */
  public String expectedHead() {
    return expectedHead;
  }

  /**
   * Returns the head the branch had when the update was refused.
   *
   * @return a commit id, or null when the branch was deleted
   */
  public String actualHead() {
    return actualHead;
  }
}
