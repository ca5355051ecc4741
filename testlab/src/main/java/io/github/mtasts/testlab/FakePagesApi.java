package io.github.mtasts.testlab;

import static io.github.mtasts.testlab.FakeGitHubReply.string;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * GitHub Pages of {@link FakeGitHubApi}'s repositories: the site (repos/get-pages,
 * repos/create-pages-site, repos/update-information-about-pages-site, repos/delete-pages-site),
 * its DNS health check (repos/get-pages-health-check), and what GitHub does on its own: the DNS
 * check of a custom domain and the certificate that follows it ({@link FakePagesSite}). Guarded
 * by the fake's lock.
 */
final class FakePagesApi {

  private final Supplier<String> apiUrl;
  private final FakeGitHubAccounts accounts;
  private final Function<String, Optional<String>> serving;
  private Function<String, Optional<String>> dns = name -> Optional.empty();
  private int stepsPerRead;

  // serving: from a custom domain to the owner/name of the repository whose site has it.
  FakePagesApi(Supplier<String> apiUrl, FakeGitHubAccounts accounts,
      Function<String, Optional<String>> serving) {
    this.apiUrl = apiUrl;
    this.accounts = accounts;
    this.serving = serving;
  }

  /** Where GitHub's DNS check finds a custom domain's CNAME pointing. */
  void dns(Function<String, Optional<String>> cnameOf) {
    this.dns = cnameOf;
  }

  /** How many steps a certificate moves at each read of its site. */
  void advanceOnRead(int steps) {
    this.stepsPerRead = steps;
  }

  /** Moves the certificate of a repository's custom domain one step. */
  void advance(FakeRepository repo) {
    if (repo.pages != null) {
      repo.pages.advance(pointsAtOwner(repo));
    }
  }

  /** GitHub's DNS check: the custom domain is a CNAME to {@code OWNER.github.io}. */
  private boolean pointsAtOwner(FakeRepository repo) {
    String expected = repo.owner.toLowerCase(Locale.ROOT) + ".github.io";
    return repo.pages.cname() != null && dns.apply(repo.pages.cname())
        .map(t -> t.toLowerCase(Locale.ROOT).replaceAll("\\.$", "").equals(expected))
        .orElse(false);
  }

  /** repos/get-pages: 200 page; 404 when Pages is off. */
  FakeGitHubReply getPages(FakeRepository repo) {
    if (repo.pages == null) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    for (int step = 0; step < stepsPerRead; step++) {
      advance(repo);
    }
    return FakeGitHubReply.of(200, repo.pages.toJson(apiUrl.get(), repo.owner, repo.name,
        repo.branches.containsKey(repo.pages.branch())));
  }

  /**
   * repos/create-pages-site: source (branch, path "/" or "/docs") or build_type; 201 page; 409
   * when Pages is on ("GitHub Pages is already enabled.", as users report it); 422 for a private
   * repository on a free plan ("Your current plan does not support GitHub Pages for this
   * repository.", as users report it) or an unknown branch.
   */
  FakeGitHubReply createPages(FakeRepository repo, JsonObject body) {
    if (repo.pages != null) {
      return FakeGitHubReply.error(409, "GitHub Pages is already enabled.");
    }
    if (repo.isPrivate && !accounts.account(repo.owner).paidPlan) {
      return FakeGitHubReply.error(422, "Your current plan does not support GitHub Pages for this repository.");
    }
    JsonObject source = body.has("source") ? body.getAsJsonObject("source") : null;
    if (source == null && !body.has("build_type")) {
      return FakeGitHubReply.validation("Page", "source", "missing_field", "source or build_type is required");
    }
    String branch = source == null ? repo.defaultBranch : string(source, "branch");
    String path = source == null || !source.has("path") ? "/" : string(source, "path");
    if (branch == null || !repo.branches.containsKey(branch)) {
      return FakeGitHubReply.validation("Page", "source.branch", "invalid", "The branch " + branch
          + " does not exist");
    }
    if (!"/".equals(path) && !"/docs".equals(path)) {
      return FakeGitHubReply.validation("Page", "source.path", "invalid", "path must be / or /docs");
    }
    repo.pages = new FakePagesSite(branch, path);
    return FakeGitHubReply.of(201, repo.pages.toJson(apiUrl.get(), repo.owner, repo.name, true));
  }

  /**
   * repos/update-information-about-pages-site: cname (null removes it), https_enforced, source;
   * 204. A custom domain another site has: 400 "The CNAME ... is already taken" (message as
   * users report it). Enforcing HTTPS before the certificate exists: 404 "The certificate does
   * not exist yet" (as users report it).
   */
  FakeGitHubReply updatePages(FakeRepository repo, JsonObject body) {
    if (repo.pages == null) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    if (body.has("cname")) {
      String cname = body.get("cname").isJsonNull() ? null : string(body, "cname");
      if (cname != null) {
        Optional<String> holder = serving.apply(cname)
            .filter(full -> !full.equalsIgnoreCase(repo.owner + "/" + repo.name));
        if (holder.isPresent()) {
          return FakeGitHubReply.error(400, "The CNAME `" + cname + "` is already taken. Check out"
              + " https://docs.github.com/articles/troubleshooting-custom-domains#cname-errors"
              + " for more information.");
        }
      }
      if (cname == null || !cname.equalsIgnoreCase(repo.pages.cname())) {
        repo.pages.cname(cname);
      }
    }
    if (body.has("https_enforced")) {
      boolean enforce = body.get("https_enforced").getAsBoolean();
      if (enforce && repo.pages.cname() != null && !repo.pages.certificateIssued()) {
        return FakeGitHubReply.error(404, "The certificate does not exist yet");
      }
      repo.pages.httpsEnforced = enforce;
    }
    if (body.has("source") && body.get("source").isJsonObject()) {
      JsonObject source = body.getAsJsonObject("source");
      repo.pages.branch = string(source, "branch");
      repo.pages.path = string(source, "path");
    }
    return FakeGitHubReply.of(204, null);
  }

  /** repos/delete-pages-site: 204; 404 when Pages is off. */
  FakeGitHubReply deletePages(FakeRepository repo) {
    if (repo.pages == null) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    repo.pages = null;
    return FakeGitHubReply.of(204, null);
  }

  /**
   * repos/get-pages-health-check: the first request after the custom domain is set answers 202
   * and starts the check; later ones 200 pages-health-check. 422 "There isn't a CNAME for this
   * page" without a custom domain; 404 when Pages is off.
   */
  FakeGitHubReply healthCheck(FakeRepository repo) {
    if (repo.pages == null) {
      return FakeGitHubReply.error(404, "Not Found");
    }
    if (repo.pages.cname() == null) {
      return FakeGitHubReply.error(422, "There isn't a CNAME for this page");
    }
    if (!repo.pages.healthComputed) {
      repo.pages.healthComputed = true;
      return FakeGitHubReply.of(202, null);
    }
    String host = repo.pages.cname();
    Optional<String> target = dns.apply(host);
    boolean toOwner = pointsAtOwner(repo);
    JsonObject domain = new JsonObject();
    domain.addProperty("host", host);
    domain.addProperty("uri", "http://" + host + "/");
    domain.addProperty("nameservers", "default");
    domain.addProperty("dns_resolves", target.isPresent());
    domain.addProperty("is_proxied", false);
    domain.addProperty("is_cloudflare_ip", false);
    domain.addProperty("is_fastly_ip", false);
    domain.addProperty("is_old_ip_address", false);
    domain.addProperty("is_a_record", false);
    domain.addProperty("has_cname_record", target.isPresent());
    domain.addProperty("has_mx_records_present", false);
    domain.addProperty("is_valid_domain", true);
    domain.addProperty("is_apex_domain", false);
    domain.addProperty("should_be_a_record", false);
    domain.addProperty("is_cname_to_github_user_domain", toOwner);
    domain.addProperty("is_cname_to_pages_dot_github_dot_com", false);
    domain.addProperty("is_cname_to_fastly", false);
    domain.addProperty("is_pointed_to_github_pages_ip", toOwner);
    domain.addProperty("is_non_github_pages_ip_present", false);
    domain.addProperty("is_pages_domain", false);
    domain.addProperty("is_served_by_pages", toOwner);
    domain.addProperty("is_valid", toOwner);
    domain.add("reason", JsonNull.INSTANCE);
    domain.addProperty("responds_to_https", repo.pages.certificateIssued());
    domain.addProperty("enforces_https", repo.pages.httpsEnforced());
    domain.add("https_error", JsonNull.INSTANCE);
    domain.addProperty("is_https_eligible", toOwner);
    domain.add("caa_error", JsonNull.INSTANCE);
    JsonObject json = new JsonObject();
    json.add("domain", domain);
    json.add("alt_domain", JsonNull.INSTANCE);
    return FakeGitHubReply.of(200, json);
  }
}
