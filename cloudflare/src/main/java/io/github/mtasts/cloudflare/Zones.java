package io.github.mtasts.cloudflare;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mtasts.cloudflare.CloudflareHttp.Operation;
import io.github.mtasts.cloudflare.CloudflareHttp.Resend;
import io.github.mtasts.policy.CloudflareZones;
import io.github.mtasts.wait.Waiter;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** Finds zones by id or by name. */
public final class Zones {

  static final String PERMISSION = "Zone / Zone / Read";
  /** Codes for an id the token cannot reach: 7003 (no route for it), 9109 (not authorized). */
  private static final List<Integer> UNREACHABLE = List.of(7003, 9109);

  private final CloudflareHttp http;

  Zones(CloudflareHttp http) {
    this.http = http;
  }

  /**
   * Checks a zone id: the {@code identifier} of the API description, which zone ids fill with 32
   * lower-case hexadecimal digits.
   *
   * @param field the input's name, for the message
   * @param id the id as given; upper case and white space around it are accepted
   * @return the id in lower case
   * @throws InvalidSpecException naming the field, the value and the fix
   */
  public static String checkId(String field, String id) {
    String given = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    if (!CloudflareZones.isId(given)) {
      throw new InvalidSpecException(field, id, "use the zone id, 32 hexadecimal digits (the"
          + " dashboard shows it in the zone's Overview, under API), such as"
          + " 023e105f4ecef8ad9ca31a8372d0c353");
    }
    return given;
  }

  /**
   * Checks a zone given as {@link #find} takes it: a zone id, or the name of a zone, which is a
   * domain name of at least two labels (a zone on Cloudflare is a registered domain or below one).
   *
   * @param field the input's name, for the message
   * @param zone the id or name as given; upper case and white space around it are accepted
   * @return the id in lower case, or the name in its ASCII form
   * @throws InvalidSpecException naming the field, the value and the fix
   */
  public static String checkIdOrName(String field, String zone) {
    CloudflareZones.problem(zone).ifPresent(fix -> {
      throw new InvalidSpecException(field, zone, fix);
    });
    return CloudflareZones.canonical(zone);
  }


  /**
   * Finds a zone given by id or by name: 32 hexadecimal digits are an id, anything else a name.
   *
   * @param zone an id or a domain such as {@code example.com}
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the zone
   * @throws ZoneNotFoundException when the token sees no such zone
   * @throws CloudflareException for other failures
   */
  public Zone find(String zone, Waiter waiter) {
    String given = zone == null ? "" : zone.strip().toLowerCase(Locale.ROOT);
    return CloudflareZones.isId(given) ? byId(given, waiter) : byName(given, waiter);
  }

  /**
   * Reads a zone by id (zones-0-get, {@code GET /zones/{zone_id}}).
   *
   * @param id 32 hexadecimal digits
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the zone
   * @throws ZoneNotFoundException when the token sees no such zone
   * @throws CloudflareException for other failures
   */
  public Zone byId(String id, Waiter waiter) {
    Operation operation = new Operation("the lookup of Cloudflare zone " + id, PERMISSION);
    try {
      Reply reply = http.send(operation, new Request.Builder().url(http.url("zones", id).build()),
          Resend.SAFE, waiter);
      return zone(reply.result().getAsJsonObject());
    } catch (CloudflareException e) {
      if (e.status() == 404 || UNREACHABLE.stream().anyMatch(e::hasCode)) {
        throw new ZoneNotFoundException(id, e.status(), e.errors());
      }
      throw e;
    }
  }

  /**
   * Finds a zone by name (zones-get, {@code GET /zones?name=...}, the name filter's default
   * operator being {@code equal}); within the settings' account when one is set.
   *
   * @param name the zone's domain, such as {@code example.com}
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the zone
   * @throws ZoneNotFoundException when the token sees no such zone
   * @throws InvalidSpecException when the name is not a domain name, or when the token sees
   *     several zones of that name (in several accounts) and no account is set
   * @throws CloudflareException for other failures
   */
  public Zone byName(String name, Waiter waiter) {
    String domain = DnsNames.check("zone", name);
    HttpUrl.Builder url = http.url("zones").addQueryParameter("name", domain)
        .addQueryParameter("per_page", "50");
    http.settings().accountId().ifPresent(account -> url.addQueryParameter("account.id", account));
    Operation operation = new Operation("the lookup of Cloudflare zone " + domain, PERMISSION);
    Reply reply = http.send(operation, new Request.Builder().url(url.build()), Resend.SAFE, waiter);
    JsonArray zones = reply.result().getAsJsonArray();
    if (zones.isEmpty()) {
      throw new ZoneNotFoundException(domain, reply.status(), List.of());
    }
    if (zones.size() > 1) {
      throw new InvalidSpecException("zone", domain, "the API token sees " + zones.size()
          + " zones of this name in different accounts: give the zone id, or set the account id");
    }
    return zone(zones.get(0).getAsJsonObject());
  }

  private static Zone zone(JsonObject json) {
    return new Zone(json.get("id").getAsString(), json.get("name").getAsString());
  }
}
