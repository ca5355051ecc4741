package io.github.mtasts.cloudflare;

import java.util.List;
import java.util.Optional;

/**
 * Cloudflare refused to attach a host name to the Worker because the name is taken: another
 * Worker's custom domain holds it (error 100116), or the name has DNS records of its own (error
 * 100117). Nothing was changed.
 *
 * <p>What a caller must do: stop and show the message; the user detaches the host name from the
 * other Worker, or deletes the DNS records at the name, or chooses another host name. Never
 * override the other Worker's domain: it serves someone else's traffic.
 */
public final class CustomDomainConflictException extends CloudflareException {

  private final String hostname;
  private final String otherScript;

  CustomDomainConflictException(String message, String hostname, String otherScript, int status,
      List<CloudflareError> errors) {
    super(message, status, errors, null);
    this.hostname = hostname;
    this.otherScript = otherScript;
  }

  /**
   * Returns the host name that could not be attached.
   *
   * @return e.g. {@code mta-sts.example.com}
   */
  public String hostname() {
    return hostname;
  }

  /**
   * Returns the Worker that holds the host name, when another Worker does.
   *
   * @return the other script's name
   */
  public Optional<String> otherScript() {
    return Optional.ofNullable(otherScript);
  }
}
