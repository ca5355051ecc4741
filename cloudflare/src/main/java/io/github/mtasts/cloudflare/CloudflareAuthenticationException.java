package io.github.mtasts.cloudflare;

import java.util.List;

/**
 * Cloudflare refused the API token for this call: the token is malformed, unknown, expired,
 * restricted to other addresses, or lacks the permission the call needs.
 *
 * <p>What a caller must do: stop, never retry, and show the message: it names the permission the
 * call needs (for example "Zone / DNS / Edit") so the user can fix the token. Nothing was
 * changed by the refused call.
 */
public final class CloudflareAuthenticationException extends CloudflareException {

  private final String permission;

  CloudflareAuthenticationException(String message, String permission, int status,
      List<CloudflareError> errors) {
    super(message, status, errors, null);
    this.permission = permission;
  }

  /**
   * Returns the token permission the refused call needs, as the dashboard names it.
   *
   * @return e.g. {@code Zone / DNS / Edit}
   */
  public String permission() {
    return permission;
  }
}
