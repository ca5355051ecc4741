package io.github.mtasts.cloudflare;

/**
 * One entry of the {@code errors} array of Cloudflare's answer envelope (schema {@code messages}
 * of the API description: an integer {@code code} of at least 1000 and a {@code message}).
 *
 * @param code the error code, such as 81057
 * @param message Cloudflare's message, with any API token removed
 */
public record CloudflareError(int code, String message) {
  @Override
  public String toString() {
    return code + " " + message;
  }
}
