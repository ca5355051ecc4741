package io.github.mtasts.github;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import io.github.mtasts.wait.Waiter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Configures GitHub Pages for a repository: the site published from a branch's root, its custom
 * domain, the wait for the domain's certificate, and enforced HTTPS once it is issued.
 *
 * <p>GitHub obtains the certificate from Let's Encrypt after a DNS check of the custom domain,
 * which starts when the domain is set; it may take up to 24 hours ("Securing your GitHub Pages
 * site with HTTPS"). A check that failed (the CNAME record was not there yet) does not start
 * again by itself: when the health check then finds the DNS set-up right, the custom domain is
 * removed and set again, once, which starts a new check. HTTPS cannot be enforced before the certificate
 * exists: GitHub refuses with 404 "The certificate does not exist yet".
 */
public final class Pages {

  /** How long the health check may take to explain a wait that ran out. */
  private static final Duration HEALTH_GRACE = Duration.ofSeconds(30);

  private final GitHubHttp http;

  Pages(GitHubHttp http) {
    this.http = http;
  }

  /**
   * Reads a repository's Pages site.
   *
   * @param repository owner and name
   * @param wait the operation's time budget (rate limits, retries)
   * @return the site, or empty when Pages is not enabled
   * @throws GitHubException when the call fails
   */
  public Optional<PagesSite> get(RepositoryName repository, WaitOptions wait) {
    return get(repository, Waiter.start(wait), false);
  }

  private Optional<PagesSite> get(RepositoryName repository, Waiter waiter, boolean polling) {
    // repos/get-pages: GET /repos/{owner}/{repo}/pages; 200, 404. While polling, conditionally:
    // a 304 does not count against the primary rate limit.
    ApiCall call = ApiCall.get("read the Pages site of " + repository + " (repos/get-pages)",
        pagesUrl(repository));
    ApiResponse response = http.send(polling ? call.conditionally() : call, waiter);
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.ok()) {
      throw ApiErrors.failure(call, response);
    }
    return Optional.of(PagesSite.fromJson(response.object()));
  }

  /**
   * Publishes the root of a branch with GitHub Pages; a site that already publishes exactly that
   * is adopted as it is.
   *
   * @param repository owner and name
   * @param branch the branch, normally the default branch
   * @param wait the operation's time budget (rate limits, retries)
   * @return the site
   * @throws GitHubException when Pages already publishes something else, the repository is
   *     private on a plan without Pages for private repositories, or a call fails
   */
  public PagesSite enable(RepositoryName repository, String branch, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    JsonObject source = new JsonObject();
    source.addProperty("branch", branch);
    source.addProperty("path", "/");
    JsonObject body = new JsonObject();
    body.addProperty("build_type", "legacy");
    body.add("source", source);
    // repos/create-pages-site: POST /repos/{owner}/{repo}/pages; 201, 409, 422.
    ApiCall call = ApiCall.write("enable GitHub Pages for " + repository + " from " + branch
        + " / (repos/create-pages-site)", "POST", pagesUrl(repository), body, false);
    ApiResponse response;
    try {
      response = http.send(call, waiter);
    } catch (GitHubException e) {
      if (!e.outcomeUnknown()) {
        throw e;
      }
      return get(repository, waiter, false).map(site -> adopt(repository, branch, site))
          .orElseThrow(() -> e);
    }
    if (response.status() == 201) {
      return PagesSite.fromJson(response.object());
    }
    if (response.status() == 409) {
      // "GitHub Pages is already enabled."
      Optional<PagesSite> existing = get(repository, waiter, false);
      if (existing.isPresent()) {
        return adopt(repository, branch, existing.get());
      }
    }
    String text = response.text().toLowerCase(Locale.ROOT);
    if (response.status() == 422 && text.contains("plan")) {
      throw ApiErrors.failure(call, response, "GitHub Pages on a private repository needs a paid"
          + " plan (GitHub Pro, Team or Enterprise): make " + repository + " public (the policy"
          + " is public anyway), or upgrade the plan");
    }
    throw ApiErrors.failure(call, response);
  }

  private static PagesSite adopt(RepositoryName repository, String branch, PagesSite site) {
    if (!site.publishesRootOf(branch)) {
      throw new GitHubException("GitHub Pages of " + repository + " already publishes "
          + site.sourceBranch() + " " + site.sourcePath() + ", not " + branch + " /: change the"
          + " source in the repository's Pages settings to " + branch + " and / (root), or use"
          + " another repository");
    }
    return site;
  }

  /**
   * Sets the custom domain of the site. GitHub then starts a DNS check of the name and, when it
   * passes, the issuance of a certificate.
   *
   * @param repository owner and name
   * @param domain the custom domain, e.g. {@code mta-sts.example.com}
   * @param wait the operation's time budget (rate limits, retries)
   * @throws GitHubException when the domain is taken by another repository, or a call fails
   */
  public void setCustomDomain(RepositoryName repository, String domain, WaitOptions wait) {
    setCustomDomain(repository, domain, Waiter.start(wait));
  }

  /**
   * Removes the custom domain and sets it again: what starts a new DNS check after one failed
   * (the custom domain field cleared and saved again, in the repository's Pages settings).
   */
  private void restartDnsCheck(RepositoryName repository, String domain, Waiter waiter) {
    JsonObject body = new JsonObject();
    // "Sending a null value will remove the custom domain."
    body.add("cname", JsonNull.INSTANCE);
    ApiCall call = update(repository, "remove the custom domain of the Pages site of "
        + repository, body);
    ApiResponse response = http.send(call, waiter);
    if (response.status() != 204) {
      throw ApiErrors.failure(call, response);
    }
    setCustomDomain(repository, domain, waiter);
  }

  private void setCustomDomain(RepositoryName repository, String domain, Waiter waiter) {
    JsonObject body = new JsonObject();
    body.addProperty("cname", domain);
    ApiCall call = update(repository, "set the custom domain of the Pages site of " + repository
        + " to " + domain, body);
    ApiResponse response = http.send(call, waiter);
    if (response.status() == 204) {
      return;
    }
    if (response.text().toLowerCase(Locale.ROOT).contains("already taken")) {
      throw ApiErrors.failure(call, response, "the custom domain " + domain + " is taken by"
          + " another repository's Pages site: remove it there (its Pages settings, and its"
          + " CNAME file), or verify the domain for " + repository.owner() + " so that GitHub releases it"
          + " (\"Verifying your custom domain for GitHub Pages\")");
    }
    throw ApiErrors.failure(call, response);
  }

  /**
   * Waits until the custom domain's certificate is approved, reporting each state GitHub names.
   * A failed DNS check is started again once when the health check finds the DNS set-up right.
   *
   * @param repository owner and name
   * @param domain the custom domain the site must have
   * @param wait the operation's time budget and progress
   * @return the site with its approved certificate
   * @throws WaitTimeoutException when the budget runs out first (with the health check's hint)
   * @throws GitHubException when Pages is off, has another custom domain, or issuance failed
   *     for a reason the health check names
   */
  public PagesSite awaitCertificate(RepositoryName repository, String domain, WaitOptions wait) {
    return awaitCertificate(repository, domain, Waiter.start(wait));
  }

  private PagesSite awaitCertificate(RepositoryName repository, String domain, Waiter waiter) {
    boolean[] restarted = {false};
    try {
      return waiter.until("the HTTPS certificate of " + domain + " (GitHub Pages of "
          + repository + ")", () -> {
            PagesSite site = requireSite(repository, domain, waiter);
            Optional<PagesCertificate> certificate = site.certificate();
            if (certificate.isPresent() && certificate.get().isApproved()) {
              return Waiter.Poll.done(site);
            }
            if (certificate.isPresent() && certificate.get().isFailed()) {
              Optional<PagesHealth> health = health(repository, waiter);
              if (!restarted[0] && health.isPresent() && health.get().readyForCertificate()) {
                waiter.progress().report("certificate of " + domain + " is "
                    + certificate.get().state() + " but the DNS set-up is now right: removing and"
                    + " setting the custom domain again to start a new DNS check");
                restartDnsCheck(repository, domain, waiter);
                restarted[0] = true;
                return Waiter.Poll.pending(certificate.get().state());
              }
              throw new GitHubException("GitHub could not issue the HTTPS certificate of " + domain
                  + ": " + certificate.get().state() + " (" + certificate.get().description()
                  + "); " + health.map(h -> h.explain(repository.owner())).orElse("the health check gave no"
                      + " answer") + "; after fixing it, run the operation again");
            }
            return Waiter.Poll.pending(certificate.map(c -> c.state()
                + (c.description().isEmpty() ? "" : " (" + c.description() + ")"))
                .orElse("no certificate yet"));
          });
    } catch (WaitTimeoutException e) {
      throw e.withHint(healthHint(repository, waiter));
    }
  }

  /**
   * Enforces HTTPS on the site once the custom domain's certificate is approved: waits for it
   * first, then asks GitHub, asking again while GitHub answers that the certificate does not
   * exist yet.
   *
   * @param repository owner and name
   * @param domain the custom domain the site must have
   * @param wait the operation's time budget and progress, covering the certificate wait
   * @return the site with HTTPS enforced
   * @throws WaitTimeoutException when the budget runs out first
   * @throws GitHubException as {@link #awaitCertificate} does, or when a call fails
   */
  public PagesSite enforceHttps(RepositoryName repository, String domain, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    PagesSite site = awaitCertificate(repository, domain, waiter);
    if (site.httpsEnforced()) {
      return site;
    }
    JsonObject body = new JsonObject();
    body.addProperty("https_enforced", true);
    ApiCall call = update(repository, "enforce HTTPS on the Pages site of " + repository, body);
    waiter.until("GitHub to accept enforcing HTTPS on " + domain, () -> {
      ApiResponse response = http.send(call, waiter);
      if (response.status() == 204) {
        return Waiter.Poll.done(Boolean.TRUE);
      }
      if (response.status() == 404
          && response.message().toLowerCase(Locale.ROOT).contains("certificate")) {
        return Waiter.Poll.pending(response.message());
      }
      throw ApiErrors.failure(call, response);
    });
    return requireSite(repository, domain, waiter);
  }

  /**
   * Turns GitHub Pages off for a repository; the repository and its files stay. Deleting a site
   * that does not exist succeeds.
   *
   * @param repository owner and name
   * @param wait the operation's time budget (rate limits, retries)
   * @throws GitHubException when a call fails
   */
  public void delete(RepositoryName repository, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    // repos/delete-pages-site: DELETE /repos/{owner}/{repo}/pages; 204, 404, 409, 422.
    ApiCall call = ApiCall.write("turn off GitHub Pages for " + repository
        + " (repos/delete-pages-site)", "DELETE", pagesUrl(repository), null, true);
    ApiResponse response = http.send(call, waiter);
    if (response.status() == 404) {
      waiter.progress().report("GitHub Pages of " + repository + " is already off");
      return;
    }
    if (response.status() != 204) {
      throw ApiErrors.failure(call, response);
    }
  }

  /**
   * Runs GitHub's DNS health check of the site's custom domain.
   *
   * @param repository owner and name
   * @param wait the operation's time budget (rate limits, retries, the check's first run)
   * @return the result, or empty while GitHub still computes it, or when the site has no custom
   *     domain
   * @throws GitHubException when a call fails
   */
  public Optional<PagesHealth> health(RepositoryName repository, WaitOptions wait) {
    return health(repository, Waiter.start(wait));
  }

  private Optional<PagesHealth> health(RepositoryName repository, Waiter waiter) {
    // repos/get-pages-health-check: GET /repos/{owner}/{repo}/pages/health; "The first request
    // to this endpoint returns a 202 Accepted status and starts an asynchronous background task";
    // then 200. 400: custom domains not available; 404; 422: no CNAME for this page.
    ApiCall call = ApiCall.get("run the DNS health check of the Pages site of " + repository
        + " (repos/get-pages-health-check)", pagesUrl(repository).newBuilder()
        .addPathSegment("health").build());
    for (int attempt = 0; attempt < 3; attempt++) {
      ApiResponse response = http.send(call, waiter);
      if (response.status() == 200) {
        return Optional.of(PagesHealth.fromJson(response.object()));
      }
      if (response.status() == 400 || response.status() == 404 || response.status() == 422) {
        return Optional.empty();
      }
      if (response.status() != 202) {
        throw ApiErrors.failure(call, response);
      }
      if (!waiter.pause(waiter.pollInterval())) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * The health check's explanation for a message, or "" when it cannot be had; asked within a
   * grace of its own, since the operation's budget has run out.
   */
  private String healthHint(RepositoryName repository, Waiter waiter) {
    try {
      return health(repository, waiter.grace(HEALTH_GRACE))
          .map(h -> h.explain(repository.owner())).orElse("");
    } catch (GitHubException e) {
      return "";
    }
  }

  private PagesSite requireSite(RepositoryName repository, String domain, Waiter waiter) {
    PagesSite site = get(repository, waiter, true).orElseThrow(() -> new GitHubException(
        "GitHub Pages is not enabled for " + repository + ": enable it before waiting for its"
            + " certificate"));
    if (!domain.equalsIgnoreCase(site.cname().orElse(""))) {
      throw new GitHubException("the custom domain of the Pages site of " + repository + " is "
          + site.cname().orElse("not set") + ", not " + domain + ": set it first (someone may"
          + " have changed it in the repository's settings)");
    }
    return site;
  }

  private ApiCall update(RepositoryName repository, String what, JsonObject body) {
    // repos/update-information-about-pages-site: PUT /repos/{owner}/{repo}/pages; 204, 400,
    // 409, 422. A PUT of the same values has the same effect: it may be retried.
    return ApiCall.write(what + " (repos/update-information-about-pages-site)", "PUT",
        pagesUrl(repository), body, true);
  }

  private HttpUrl pagesUrl(RepositoryName repository) {
    return http.url("repos", repository.owner(), repository.name(), "pages");
  }
}
