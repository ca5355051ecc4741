package io.github.mtasts.aws;

import io.github.mtasts.wait.WaitTimeoutException;

/**
 * Creating or updating a policy site stopped part way; {@link #partialState()} says which parts
 * exist now.
 *
 * <p>What a caller must do: save the partial state (for Pulumi: report the create as partially
 * failed with these outputs, so that the next {@code pulumi up} calls update with them), show
 * the message, and later call {@link PolicySites#update} with the partial state and the same
 * spec: it finds and reuses what exists and finishes the rest. Calling
 * {@link PolicySites#create} again with the same spec also finishes, because every step adopts
 * what an earlier attempt created. {@link #getCause()} is the failure that stopped it, e.g. a
 * {@link WaitTimeoutException} or a {@link ResourceConflictException}.
 */
public final class PolicySiteIncompleteException extends AwsOperationException {

  private final PolicySiteState partialState;

  PolicySiteIncompleteException(PolicySiteState partialState, RuntimeException cause) {
    super("policy site for bucket " + partialState.bucketName() + " is incomplete: "
        + cause.getMessage() + "; run the operation again to finish it",
        AwsErrors.code(cause), cause);
    this.partialState = partialState;
  }

  /**
   * Returns what exists after the failure.
   *
   * @return the partial state, with the ids of the parts created so far
   */
  public PolicySiteState partialState() {
    return partialState;
  }
}
