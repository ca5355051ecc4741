package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.mtasts.testlab.FakeGitHubApi;
import io.github.mtasts.testlab.FakePagesSite;
import io.github.mtasts.wait.WaitTimeoutException;
import io.github.mtasts.wait.Waiter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pages, its custom domain, certificate and enforced HTTPS against the fake GitHub API. */
class PagesTest {

  private static final String DOMAIN = "mta-sts.example.com";
  private static final RepositoryName NAME = GitHubLab.repository("mta-sts");

  private GitHubLab lab;
  /** Whether the domain's CNAME record points at octo.github.io, for GitHub's DNS check. */
  private final AtomicBoolean cnameRecord = new AtomicBoolean(true);

  @BeforeEach
  void start() throws Exception {
    lab = GitHubLab.start();
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
    lab.api.dns(name -> name.equals(DOMAIN) && cnameRecord.get()
        ? Optional.of("octo.github.io") : Optional.empty());
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private PagesSite enabledWithDomain() {
    PagesSite site = lab.github.pages().enable(NAME, "main", lab.waits());
    lab.github.pages().setCustomDomain(NAME, DOMAIN, lab.waits());
    return site;
  }

  @Test
  void pagesPublishesTheRootOfTheDefaultBranch() {
    // repos/create-pages-site with source branch and path "/".
    PagesSite site = lab.github.pages().enable(NAME, "main", lab.waits());
    assertTrue(site.publishesRootOf("main"));
    FakePagesSite fake = lab.api.pages(GitHubLab.USER, "mta-sts").orElseThrow();
    assertEquals("main", fake.branch());
    assertEquals("/", fake.path());
  }

  @Test
  void aSiteAlreadyPublishingTheSameRootIsAdoptedAndAnotherSourceIsRefused() {
    // 409 "GitHub Pages is already enabled."
    lab.api.enablePages(GitHubLab.USER, "mta-sts", "main", null);
    assertTrue(lab.github.pages().enable(NAME, "main", lab.waits()).publishesRootOf("main"));
    lab.api.push(GitHubLab.USER, "mta-sts", "gh-pages", Map.of("index.html", "x"));
    GitHubException e = assertThrows(GitHubException.class, () ->
        lab.github.pages().enable(NAME, "gh-pages", lab.waits()));
    assertTrue(e.getMessage().contains("already publishes main /"), e.getMessage());
  }

  @Test
  void pagesOnAPrivateRepositoryOfAFreePlanSaysToMakeItPublic() {
    // 422 "Your current plan does not support GitHub Pages for this repository."
    lab.api.createRepository(GitHubLab.USER, "private-site", true);
    GitHubException e = assertThrows(GitHubException.class, () -> lab.github.pages()
        .enable(GitHubLab.repository("private-site"), "main", lab.waits()));
    assertEquals(422, e.status());
    assertTrue(e.getMessage().contains("needs a paid plan"), e.getMessage());
    assertTrue(e.getMessage().contains("make octo/private-site public"), e.getMessage());
  }

  @Test
  void aCustomDomainTakenByAnotherRepositoryNamesTheWayOut() {
    lab.api.createRepository(GitHubLab.USER, "old-site", false);
    lab.api.enablePages(GitHubLab.USER, "old-site", "main", DOMAIN);
    lab.github.pages().enable(NAME, "main", lab.waits());
    GitHubException e = assertThrows(GitHubException.class, () ->
        lab.github.pages().setCustomDomain(NAME, DOMAIN, lab.waits()));
    assertTrue(e.getMessage().contains("is taken by another repository"), e.getMessage());
    assertTrue(e.getMessage().contains("Verifying your custom domain"), e.getMessage());
  }

  @Test
  void theCertificateWaitReportsEachStateGitHubNamesUntilApproved() {
    enabledWithDomain();
    lab.api.advanceCertificatesOnRead(true);
    PagesSite site = lab.github.pages().awaitCertificate(NAME, DOMAIN, lab.waits());
    assertTrue(site.certificate().orElseThrow().isApproved());
    for (String state : FakePagesSite.PATH.subList(1, FakePagesSite.PATH.size() - 1)) {
      assertTrue(lab.progress.stream().anyMatch(p -> p.contains(": " + state)),
          state + " not in " + lab.progress);
    }
    assertTrue(lab.progress.get(lab.progress.size() - 1).contains("done after"));
  }

  @Test
  void pollingAnUnchangedSiteIsAnsweredWith304sThatCostNoRateLimit() {
    // "Best practices for using the REST API": conditional requests.
    enabledWithDomain();
    assertThrows(WaitTimeoutException.class, () -> lab.github.pages().awaitCertificate(NAME,
        DOMAIN, lab.waits(Duration.ofMillis(300))));
    List<FakeGitHubApi.Call> polls = lab.api.calls().stream()
        .filter(c -> c.operationId().equals("repos/get-pages")).toList();
    assertTrue(polls.size() >= 3, polls.toString());
    assertTrue(polls.stream().skip(1).allMatch(c -> c.status() == 304), polls.toString());
    assertTrue(polls.get(1).headers().containsKey("if-none-match"), polls.get(1).toString());
  }

  @Test
  void aWaitThatRunsOutNamesTheLastStateAndWhatTheHealthCheckSees() {
    enabledWithDomain();
    cnameRecord.set(false);
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> lab.github.pages()
        .awaitCertificate(NAME, DOMAIN, lab.waits(Duration.ofMillis(300))));
    assertEquals("new (Certificate not yet requested)", e.lastStatus());
    assertTrue(e.getMessage().contains("does not resolve: create the CNAME record "
        + DOMAIN + " -> octo.github.io"), e.getMessage());
  }

  @Test
  void aFailedDnsCheckIsStartedAgainOnceTheRecordExists() {
    // The check runs when the domain is set; the record came later: bad_authz until re-set.
    enabledWithDomain();
    cnameRecord.set(false);
    lab.api.advanceCertificates();
    assertEquals("bad_authz", lab.api.pages(GitHubLab.USER, "mta-sts").orElseThrow()
        .certificateState());
    cnameRecord.set(true);
    lab.api.advanceCertificatesOnRead(true);
    PagesSite site = lab.github.pages().awaitCertificate(NAME, DOMAIN, lab.waits());
    assertTrue(site.certificate().orElseThrow().isApproved());
    assertTrue(lab.progress.stream().anyMatch(p -> p.contains("start a new DNS check")),
        lab.progress.toString());
  }

  @Test
  void aFailedDnsCheckWithTheRecordStillMissingStopsWithTheFix() {
    enabledWithDomain();
    cnameRecord.set(false);
    lab.api.advanceCertificates();
    GitHubException e = assertThrows(GitHubException.class, () ->
        lab.github.pages().awaitCertificate(NAME, DOMAIN, lab.waits()));
    assertTrue(e.getMessage().contains("bad_authz"), e.getMessage());
    assertTrue(e.getMessage().contains("create the CNAME record"), e.getMessage());
  }

  @Test
  void httpsIsEnforcedOnlyOnceTheCertificateIsApproved() {
    // PUT https_enforced before the certificate exists: 404 "The certificate does not exist yet".
    enabledWithDomain();
    assertThrows(WaitTimeoutException.class, () -> lab.github.pages().enforceHttps(NAME, DOMAIN,
        lab.waits(Duration.ofMillis(200))));
    assertFalse(lab.api.pages(GitHubLab.USER, "mta-sts").orElseThrow().httpsEnforced());
    lab.api.advanceCertificatesOnRead(true);
    PagesSite site = lab.github.pages().enforceHttps(NAME, DOMAIN, lab.waits());
    assertTrue(site.httpsEnforced());
    assertTrue(lab.api.pages(GitHubLab.USER, "mta-sts").orElseThrow().httpsEnforced());
  }

  @Test
  void theFakeRefusesEnforcedHttpsBeforeTheCertificateAsGitHubDoes() {
    // What the client never sends, sent directly: the fake's documented refusal.
    enabledWithDomain();
    JsonObject body = new JsonObject();
    body.addProperty("https_enforced", true);
    try (GitHubHttp http = new GitHubHttp(GitHubLab.settings(lab.api).token(GitHubLab.TOKEN)
        .build())) {
      ApiResponse response = http.send(ApiCall.write("enforce", "PUT",
          http.url("repos", "octo", "mta-sts", "pages"), body, true), Waiter.start(lab.waits()));
      assertEquals(404, response.status());
      assertEquals("The certificate does not exist yet", response.message());
    }
  }

  @Test
  void pagesIsTurnedOffAndTurningItOffAgainSucceeds() {
    lab.github.pages().enable(NAME, "main", lab.waits());
    lab.github.pages().delete(NAME, lab.waits());
    assertTrue(lab.api.pages(GitHubLab.USER, "mta-sts").isEmpty());
    lab.github.pages().delete(NAME, lab.waits());
    assertTrue(lab.progress.stream().anyMatch(p -> p.contains("already off")));
  }

  @Test
  void theHealthCheckAnswers202FirstThenItsFindings() {
    // repos/get-pages-health-check: "The first request to this endpoint returns a 202".
    enabledWithDomain();
    PagesHealth health = lab.github.pages().health(NAME, lab.waits()).orElseThrow();
    assertTrue(health.readyForCertificate(), health.toString());
    assertEquals(List.of(202, 200), lab.api.calls().stream()
        .filter(c -> c.operationId().equals("repos/get-pages-health-check"))
        .map(FakeGitHubApi.Call::status).toList());
  }
}
