package io.github.mtasts.github;

/**
 * Creating or updating a policy site stopped part way, after its repository existed;
 * {@link #partialState()} says what exists now.
 *
 * <p>What a caller must do: save the partial state (for Pulumi: report the create as partially
 * failed with it, so that the next {@code pulumi up} calls update with it, and {@code pulumi
 * destroy} deletes a repository that was created), show the message, and later call
 * {@link PolicySites#update} with the partial state and the same spec: every step reads what
 * exists and does only what is missing. {@link #getCause()} is the failure that stopped it.
 */
public final class PolicySiteIncompleteException extends GitHubException {

  private final transient PolicySiteState partialState;

  PolicySiteIncompleteException(PolicySiteState partialState, RuntimeException cause) {
    super("the policy site in " + partialState.repository() + " is incomplete: "
        + cause.getMessage() + "; run the operation again to finish it",
        cause instanceof GitHubException github ? github.status() : 0,
        cause instanceof GitHubException github ? github.requestId().orElse(null) : null,
        cause instanceof GitHubException github && github.outcomeUnknown(), cause);
    this.partialState = partialState;
  }

  /**
   * Returns what exists after the failure.
   *
   * @return the partial state
   */
  public PolicySiteState partialState() {
    return partialState;
  }
}
