package io.github.mtasts.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTPS certificate of a Pages site's custom domain, as "Get a GitHub Pages site" reports it
 * (schema {@code pages-https-certificate}).
 *
 * <p>{@code state} is one of {@code new}, {@code authorization_created},
 * {@code authorization_pending}, {@code authorized}, {@code authorization_revoked},
 * {@code issued}, {@code uploaded}, {@code approved}, {@code errored}, {@code bad_authz},
 * {@code destroy_pending}, {@code dns_changed}; GitHub's example of a working site reads
 * {@code approved}, "Certificate is approved".
 *
 * @param state the state, as GitHub names it
 * @param description GitHub's sentence for the state
 * @param domains the names the certificate covers
 * @param expiresAt the expiry date, if GitHub gives one
 */
public record PagesCertificate(String state, String description, List<String> domains,
    Optional<String> expiresAt) {

  /** The state of a certificate that Pages serves. */
  public static final String APPROVED = "approved";

  // States from which GitHub does not go on by itself: the DNS check or the ACME authorization
  // failed, or the certificate was revoked.
  private static final Set<String> FAILED = Set.of("errored", "bad_authz", "authorization_revoked");

  /** Copies the domains. */
  public PagesCertificate {
    domains = List.copyOf(domains);
  }

  /**
   * Returns whether Pages serves this certificate, so that HTTPS can be enforced.
   *
   * @return true in state {@value #APPROVED}
   */
  public boolean isApproved() {
    return APPROVED.equals(state);
  }

  /**
   * Returns whether issuance failed and will not go on without a change (of DNS, then of the
   * custom domain, which starts a new DNS check).
   *
   * @return true in states errored, bad_authz and authorization_revoked
   */
  public boolean isFailed() {
    return FAILED.contains(state);
  }

  static Optional<PagesCertificate> fromJson(JsonObject page) {
    JsonElement element = page.get("https_certificate");
    if (element == null || !element.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject json = element.getAsJsonObject();
    List<String> domains = new ArrayList<>();
    JsonElement array = json.get("domains");
    if (array != null && array.isJsonArray()) {
      array.getAsJsonArray().forEach(domain -> domains.add(domain.getAsString()));
    }
    return Optional.of(new PagesCertificate(Json.string(json, "state").orElse("unknown"),
        Json.string(json, "description").orElse(""), domains, Json.string(json, "expires_at")));
  }
}
