package io.github.mtasts.cloudflare;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mtasts.cloudflare.CloudflareHttp.Operation;
import io.github.mtasts.cloudflare.CloudflareHttp.Resend;
import io.github.mtasts.wait.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Attaches host names to Workers as custom domains, lists and detaches them. Attaching a host
 * name that is already this Worker's changes nothing; one held by another Worker, or with DNS
 * records of its own, is reported ({@link CustomDomainConflictException}), never taken over.
 */
public final class CustomDomains {

  static final String PERMISSION = "Account / Workers Scripts / Edit";
  /** "Hostname ... already in use by other custom domain" (HTTP 409). */
  private static final int HELD_BY_ANOTHER_WORKER = 100116;
  /** "Hostname ... already has externally managed DNS records (A, CNAME, etc)" (HTTP 409). */
  private static final int HAS_DNS_RECORDS = 100117;
  /**
   * worker-domain-attach-to-domain lists {@code environment} as required; every Worker has the
   * environment {@code production}.
   */
  private static final String ENVIRONMENT = "production";
  private static final MediaType JSON = MediaType.get("application/json");

  private final CloudflareHttp http;

  CustomDomains(CloudflareHttp http) {
    this.http = http;
  }

  /**
   * Attaches a host name to a Worker (worker-domain-attach-to-domain, {@code PUT
   * /accounts/{account_id}/workers/domains}); Cloudflare then makes the name's DNS record and
   * certificate.
   *
   * @param zoneId the zone of the host name
   * @param hostname the host name, such as {@code mta-sts.example.com}
   * @param service the Worker's script name
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the custom domain
   * @throws CustomDomainConflictException when the host name is taken
   * @throws CloudflareException for other failures
   */
  public CustomDomain attach(String zoneId, String hostname, String service, Waiter waiter) {
    String host = DnsNames.check("hostname", hostname);
    Operation operation = new Operation("the attachment of " + host + " to Worker " + service,
        PERMISSION);
    String account = http.accountId(operation);
    JsonObject body = new JsonObject();
    body.addProperty("zone_id", zoneId);
    body.addProperty("hostname", host);
    body.addProperty("service", service);
    body.addProperty("environment", ENVIRONMENT);
    try {
      Reply reply = http.send(operation, new Request.Builder()
          .url(http.url("accounts", account, "workers", "domains").build())
          .put(RequestBody.create(body.toString(), JSON)), Resend.SAFE, waiter);
      return domain(reply.result());
    } catch (CloudflareException e) {
      if (e.hasCode(HELD_BY_ANOTHER_WORKER)) {
        Optional<String> other = find(host, waiter).map(CustomDomain::service);
        throw new CustomDomainConflictException(host + " is already a custom domain of "
            + other.map(o -> "Worker '" + o + "'").orElse("another Worker") + " (" + e.errors()
            + "); it was not attached to Worker '" + service + "'. Detach it from that Worker or"
            + " choose another host name, then run again", host, other.orElse(null), e.status(),
            e.errors());
      }
      if (e.hasCode(HAS_DNS_RECORDS)) {
        throw new CustomDomainConflictException(host + " has DNS records of its own (A, AAAA or"
            + " CNAME) (" + e.errors() + "); it was not attached to Worker '" + service
            + "'. Delete those records (Cloudflare makes the custom domain's own) or choose"
            + " another host name, then run again", host, null, e.status(), e.errors());
      }
      throw e;
    }
  }

  /**
   * Lists the account's custom domains (worker-domain-list-domains), filtered by the exact
   * host name and Worker when given.
   *
   * @param hostname the host name, or empty for all
   * @param service the Worker's script name, or empty for all
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the custom domains
   * @throws CloudflareException when the call fails
   */
  public List<CustomDomain> list(Optional<String> hostname, Optional<String> service, Waiter waiter) {
    Operation operation = new Operation("the listing of Workers custom domains", PERMISSION);
    String account = http.accountId(operation);
    HttpUrl.Builder url = http.url("accounts", account, "workers", "domains");
    hostname.ifPresent(h -> url.addQueryParameter("hostname", DnsNames.check("hostname", h)));
    service.ifPresent(s -> url.addQueryParameter("service", s));
    Reply reply = http.send(operation, new Request.Builder().url(url.build()), Resend.SAFE, waiter);
    List<CustomDomain> domains = new ArrayList<>();
    reply.result().getAsJsonArray().forEach(d -> domains.add(domain(d)));
    return domains;
  }

  /**
   * Finds the custom domain of a host name.
   *
   * @param hostname the host name
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the custom domain, if the host name is attached to a Worker
   * @throws CloudflareException when the call fails
   */
  public Optional<CustomDomain> find(String hostname, Waiter waiter) {
    return list(Optional.of(hostname), Optional.empty(), waiter).stream().findFirst();
  }

  /**
   * Detaches a custom domain (worker-domain-detach-from-domain); one already detached is
   * detached.
   *
   * @param id the custom domain's id
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @throws CloudflareException for failures other than a domain already detached
   */
  public void detach(String id, Waiter waiter) {
    Operation operation = new Operation("the detachment of Workers custom domain " + id, PERMISSION);
    String account = http.accountId(operation);
    http.delete(operation, http.url("accounts", account, "workers", "domains", id).build(), waiter);
  }

  private static CustomDomain domain(JsonElement element) {
    JsonObject json = element.getAsJsonObject();
    return new CustomDomain(json.get("id").getAsString(), json.get("hostname").getAsString(),
        json.get("service").getAsString(), json.get("zone_id").getAsString(),
        json.has("zone_name") ? json.get("zone_name").getAsString() : "");
  }
}
