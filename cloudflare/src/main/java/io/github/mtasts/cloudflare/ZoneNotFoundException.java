package io.github.mtasts.cloudflare;

import java.util.List;

/**
 * No zone with this name or id is visible to the API token.
 *
 * <p>What a caller must do: stop and show the message; the user checks the zone name or id, and
 * that the token's Zone Resources include the zone (a token scoped to other zones cannot see it).
 */
public final class ZoneNotFoundException extends CloudflareException {

  private final String zone;

  ZoneNotFoundException(String zone, int status, List<CloudflareError> errors) {
    super("Cloudflare zone '" + zone + "' was not found or is not visible to the API token: check"
        + " the zone name or id, and that the token's Zone Resources include this zone (with the"
        + " permission Zone / Zone / Read)", status, errors, null);
    this.zone = zone;
  }

  /**
   * Returns the zone name or id that was looked up.
   *
   * @return the name or id as given
   */
  public String zone() {
    return zone;
  }
}
