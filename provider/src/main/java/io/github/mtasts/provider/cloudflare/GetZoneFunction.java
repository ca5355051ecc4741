package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.cloudflare.Zone;
import io.github.mtasts.cloudflare.Zones;
import io.github.mtasts.provider.host.FunctionHandler;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.provider.host.Schema;

/**
 * {@code mtasts:cloudflare:getZone}: the zone id of a zone given by name or id, among the zones
 * the API token may read (zones-get with the {@code name} filter, or zones-0-get). A program
 * calls it to turn {@code example.com} into the id the Cloudflare resources take; it reads only,
 * so it runs in previews too.
 */
public final class GetZoneFunction implements FunctionHandler {

  /** The function token. */
  public static final String TOKEN = "mtasts:cloudflare:getZone";

  static final String ZONE = "zone";
  static final String ID = "id";
  static final String NAME = "name";

  private static final InputSchema ARGS = Schema.model().function(TOKEN);

  private final CloudflareAccess cloudflare;

  /**
   * The function, reaching Cloudflare through the provider's settings.
   *
   * @param cloudflare the provider's access to Cloudflare
   */
  public GetZoneFunction(CloudflareAccess cloudflare) {
    this.cloudflare = cloudflare;
  }

  @Override
  public InputSchema schema() {
    return ARGS;
  }

  @Override
  public void validate(InputCheck check) {
    if (check.inputs().isUnknown(ZONE)) {
      check.fail(ZONE, ZONE + " is not known yet: call " + TOKEN + " with a known value (apply on the output first)");
    }
    check.text(ZONE).ifPresent(zone -> {
      if (zone.isBlank()) {
        check.fail(ZONE, ZONE + " is empty: give the zone's name, such as example.com, or its id");
      } else {
        check.rule(ZONE, () -> Zones.checkIdOrName(ZONE, zone));
      }
    });
  }

  @Override
  public PropertyMap invoke(ProviderConfig config, PropertyMap args) {
    String given = ZoneArgs.of(args).zone();
    Zone zone = cloudflare.read(config, (client, waiter) -> client.zones().find(given, waiter));
    return PropertyMap.builder().put(ID, zone.id()).put(NAME, zone.name()).build();
  }
}
