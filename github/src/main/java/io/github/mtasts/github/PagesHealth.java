package io.github.mtasts.github;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What GitHub's DNS health check says of a Pages site's custom domain ("Get a DNS health check
 * for GitHub Pages", schema {@code pages-health-check}, object {@code domain}): used to explain
 * why a certificate is not issued.
 *
 * @param host the custom domain checked
 * @param dnsResolves whether the name resolves
 * @param cnameToUserDomain whether it is a CNAME to the owner's {@code OWNER.github.io}
 * @param proxied whether it points at a proxy (e.g. a CDN) instead of GitHub
 * @param httpsEligible whether GitHub can obtain a certificate for it
 * @param caaError a CAA record that keeps Let's Encrypt from issuing, if any
 * @param reason GitHub's reason when the domain is not valid for Pages, if any
 */
public record PagesHealth(String host, boolean dnsResolves, Optional<Boolean> cnameToUserDomain,
    Optional<Boolean> proxied, Optional<Boolean> httpsEligible, Optional<String> caaError,
    Optional<String> reason) {

  static PagesHealth fromJson(JsonObject json) {
    JsonObject domain = Json.object(json, "domain");
    return new PagesHealth(Json.string(domain, "host").orElse(""),
        Json.bool(domain, "dns_resolves"),
        Json.optionalBool(domain, "is_cname_to_github_user_domain"),
        Json.optionalBool(domain, "is_proxied"),
        Json.optionalBool(domain, "is_https_eligible"),
        Json.string(domain, "caa_error"), Json.string(domain, "reason"));
  }

  /**
   * Returns whether the DNS set-up lets GitHub obtain a certificate.
   *
   * @return true when the name resolves as a CNAME to the owner's domain, not through a proxy,
   *     and GitHub calls it eligible for HTTPS
   */
  public boolean readyForCertificate() {
    return dnsResolves && cnameToUserDomain.orElse(false) && !proxied.orElse(false)
        && httpsEligible.orElse(true) && caaError.isEmpty();
  }

  /**
   * Says what is wrong, with the fix, for a person.
   *
   * @param owner the Pages owner, whose {@code OWNER.github.io} the name must point at
   * @return one clause per problem, or a sentence saying the DNS set-up looks right
   */
  public String explain(String owner) {
    List<String> problems = new ArrayList<>();
    String target = owner.toLowerCase(Locale.ROOT) + ".github.io";
    if (!dnsResolves) {
      problems.add(host + " does not resolve: create the CNAME record " + host + " -> " + target);
    } else if (!cnameToUserDomain.orElse(true)) {
      problems.add(host + " is not a CNAME to " + target + ": make it one");
    }
    if (proxied.orElse(false)) {
      problems.add(host + " points at a proxy: GitHub cannot obtain a certificate through it;"
          + " turn the proxy off for this name");
    }
    caaError.ifPresent(caa -> problems.add("a CAA record forbids the certificate authority ("
        + caa + "): allow letsencrypt.org"));
    reason.ifPresent(why -> problems.add("GitHub says: " + why));
    if (problems.isEmpty() && !httpsEligible.orElse(true)) {
      problems.add("GitHub does not consider " + host + " eligible for HTTPS yet");
    }
    return problems.isEmpty()
        ? "GitHub's DNS health check finds " + host + " set up right"
        : "GitHub's DNS health check: " + String.join("; ", problems);
  }
}
