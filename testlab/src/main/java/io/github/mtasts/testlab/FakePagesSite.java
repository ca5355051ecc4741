package io.github.mtasts.testlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The GitHub Pages site of one repository of {@link FakeGitHubApi}: its source, custom domain,
 * enforced HTTPS, and the custom domain's certificate, whose state moves one step each time the
 * test (or a read, when the fake is told so) advances it.
 *
 * <p>States are those of schema {@code pages-https-certificate} ({@code new},
 * {@code authorization_created}, {@code authorization_pending}, {@code authorized},
 * {@code issued}, {@code uploaded}, {@code approved}, and the failed {@code bad_authz}). The
 * order of the path and the rule that the DNS check happens at the first step come from
 * "Securing your GitHub Pages site with HTTPS" (a DNS check when the custom domain is set, then
 * a certificate request to Let's Encrypt, then an upload to the servers), not from a published
 * state machine.
 */
public final class FakePagesSite {

  /** The path of a certificate that works out, in order. */
  public static final List<String> PATH = List.of("new", "authorization_created",
      "authorization_pending", "authorized", "issued", "uploaded", "approved");

  private static final Set<String> FAILED = Set.of("bad_authz", "errored", "authorization_revoked");

  String branch;
  String path;
  String cname;
  boolean httpsEnforced;
  String certificateState;
  /** Whether the health check has run since the custom domain was set: its first call is 202. */
  boolean healthComputed;

  FakePagesSite(String branch, String path) {
    this.branch = branch;
    this.path = path;
  }

  /** Sets or removes the custom domain; a new domain starts a new certificate. */
  void cname(String domain) {
    this.cname = domain;
    this.certificateState = domain == null ? null : "new";
    this.healthComputed = false;
  }

  /**
   * Moves the certificate one step. At {@code new}, GitHub's DNS check: the custom domain must
   * be a CNAME to the owner's {@code OWNER.github.io}, else the state becomes {@code bad_authz}
   * and stays there until the custom domain is set again.
   */
  void advance(boolean dnsPointsAtOwner) {
    if (certificateState == null || FAILED.contains(certificateState)
        || "approved".equals(certificateState)) {
      return;
    }
    if ("new".equals(certificateState) && !dnsPointsAtOwner) {
      certificateState = "bad_authz";
      return;
    }
    certificateState = PATH.get(PATH.indexOf(certificateState) + 1);
  }

  /**
   * Returns the branch published.
   *
   * @return e.g. {@code main}
   */
  public String branch() {
    return branch;
  }

  /**
   * Returns the folder published.
   *
   * @return {@code /} or {@code /docs}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the custom domain.
   *
   * @return the domain, or null
   */
  public String cname() {
    return cname;
  }

  /**
   * Returns whether HTTP is redirected to HTTPS.
   *
   * @return the setting
   */
  public boolean httpsEnforced() {
    return httpsEnforced;
  }

  /**
   * Returns the certificate's state.
   *
   * @return the state, or null when there is no custom domain
   */
  public String certificateState() {
    return certificateState;
  }

  /**
   * Returns whether Pages serves the custom domain's certificate.
   *
   * @return true in state {@code approved}
   */
  public boolean certificateIssued() {
    return "approved".equals(certificateState);
  }

  /** The page object of "Get a GitHub Pages site" (schema {@code page}). */
  JsonObject toJson(String apiUrl, String owner, String repository, boolean built) {
    JsonObject json = new JsonObject();
    json.addProperty("url", apiUrl + "/repos/" + owner + "/" + repository + "/pages");
    json.addProperty("status", built ? "built" : null);
    json.addProperty("cname", cname);
    json.addProperty("custom_404", false);
    json.addProperty("html_url", cname != null
        ? (httpsEnforced ? "https://" : "http://") + cname + "/"
        : "https://" + owner.toLowerCase(Locale.ROOT) + ".github.io/" + repository + "/");
    json.addProperty("build_type", "legacy");
    JsonObject source = new JsonObject();
    source.addProperty("branch", branch);
    source.addProperty("path", path);
    json.add("source", source);
    json.addProperty("public", true);
    json.add("protected_domain_state", JsonNull.INSTANCE);
    json.add("pending_domain_unverified_at", JsonNull.INSTANCE);
    if (certificateState != null) {
      JsonObject certificate = new JsonObject();
      certificate.addProperty("state", certificateState);
      certificate.addProperty("description", describe(certificateState));
      JsonArray domains = new JsonArray();
      domains.add(cname);
      certificate.add("domains", domains);
      if (certificateIssued()) {
        certificate.addProperty("expires_at",
            LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
      }
      json.add("https_certificate", certificate);
    }
    json.addProperty("https_enforced", httpsEnforced);
    return json;
  }

  /** GitHub's example gives "Certificate is approved"; the other sentences are this fake's. */
  private static String describe(String state) {
    return switch (state) {
      case "approved" -> "Certificate is approved";
      case "bad_authz" -> "The DNS check of the custom domain failed";
      case "new" -> "Certificate not yet requested";
      default -> "Certificate is being issued (" + state.replace('_', ' ') + ")";
    };
  }
}
