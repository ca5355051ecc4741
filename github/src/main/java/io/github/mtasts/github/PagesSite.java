package io.github.mtasts.github;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * A repository's GitHub Pages site as "Get a GitHub Pages site" reports it (schema {@code page}).
 *
 * @param status the status of the latest build: {@code built}, {@code building},
 *     {@code errored}, or empty when there was none
 * @param cname the custom domain, if one is set
 * @param sourceBranch the branch published from
 * @param sourcePath the folder published, {@code /} or {@code /docs}
 * @param httpsEnforced whether HTTP requests are redirected to HTTPS
 * @param certificate the custom domain's certificate, once GitHub has started on one
 * @param protectedDomainState {@code pending}, {@code verified} or {@code unverified}: whether the
 *     custom domain is verified for the account, if GitHub says
 * @param htmlUrl the address the site is served at
 */
public record PagesSite(Optional<String> status, Optional<String> cname, String sourceBranch,
    String sourcePath, boolean httpsEnforced, Optional<PagesCertificate> certificate,
    Optional<String> protectedDomainState, String htmlUrl) {

  static PagesSite fromJson(JsonObject json) {
    JsonObject source = Json.object(json, "source");
    return new PagesSite(Json.string(json, "status"), Json.string(json, "cname"),
        Json.string(source, "branch").orElse(""), Json.string(source, "path").orElse("/"),
        Json.bool(json, "https_enforced"), PagesCertificate.fromJson(json),
        Json.string(json, "protected_domain_state"), Json.string(json, "html_url").orElse(""));
  }

  /**
   * Returns whether the site publishes the root of this branch.
   *
   * @param branch the branch, e.g. {@code main}
   * @return true when the source is that branch and {@code /}
   */
  public boolean publishesRootOf(String branch) {
    return sourceBranch.equals(branch) && "/".equals(sourcePath);
  }
}
