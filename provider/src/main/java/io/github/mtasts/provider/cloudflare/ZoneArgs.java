package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;

/**
 * The checked arguments of {@code mtasts:cloudflare:getZone}, decoded once.
 *
 * @param zone the zone's name or id, as given
 */
public record ZoneArgs(String zone) {

  /**
   * Decodes checked arguments.
   *
   * @param args arguments that passed the check
   * @return the typed arguments
   */
  static ZoneArgs of(PropertyMap args) {
    return InputRecord.decode(args, ZoneArgs.class);
  }
}
