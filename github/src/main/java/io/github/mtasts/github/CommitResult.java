package io.github.mtasts.github;

import java.util.List;

/**
 * What a commit of site files did.
 *
 * @param parent the branch's head before, on which the commit was made
 * @param head the branch's head after: a new commit, or {@code parent} when nothing changed
 * @param changedPaths the paths whose content the commit changed or added, in the order given;
 *     empty when the branch already held exactly these files and no commit was made
 */
public record CommitResult(String parent, String head, List<String> changedPaths) {

  /** Copies the paths. */
  public CommitResult {
    changedPaths = List.copyOf(changedPaths);
  }

  /**
   * Returns whether a commit was made.
   *
   * @return false when the branch already held these files
   */
  public boolean committed() {
    return !changedPaths.isEmpty();
  }
}
