package io.github.mtasts.cloudflare;

import java.util.List;
import java.util.Optional;

/**
 * The Worker script cannot take this domain's policy without overwriting what someone else put
 * there: it already serves another body for the domain, or it is a Worker that mtasts did not
 * write. Nothing was changed.
 *
 * <p>What a caller must do: stop and tell the user, who imports the domain's existing policy
 * host so that it is managed from then on ({@link #importId()}, when the script is an mtasts
 * policy Worker), or removes it, or chooses another script name. Never overwrite it: another
 * stack may serve that domain from the script.
 */
public final class PolicyHostTakenException extends CloudflareException {

  private final String importId;

  PolicyHostTakenException(String message, String importId) {
    super(message, 0, List.of(), null);
    this.importId = importId;
  }

  /**
   * Returns the id that imports the domain's existing policy host.
   *
   * @return {@code SCRIPT/DOMAIN}, when the script is an mtasts policy Worker
   */
  public Optional<String> importId() {
    return Optional.ofNullable(importId);
  }
}
