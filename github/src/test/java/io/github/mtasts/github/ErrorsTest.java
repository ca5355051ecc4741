package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.FakeGitHubApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors that say what to do, the headers GitHub asks for, and a token that never shows. */
class ErrorsTest {

  private static final RepositoryName NAME = GitHubLab.repository("mta-sts");

  private GitHubLab lab;

  @BeforeEach
  void start() throws Exception {
    lab = GitHubLab.start();
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void everyRequestCarriesTheHeadersGitHubAsksForAndTheTokenOnlyAsBearer() {
    lab.github.repositories().get(NAME, lab.waits());
    FakeGitHubApi.Call call = lab.api.calls().get(0);
    assertEquals("application/vnd.github+json", call.headers().get("accept"));
    assertEquals(FakeGitHubApi.API_VERSION, call.headers().get("x-github-api-version"));
    assertTrue(call.headers().get("user-agent").startsWith("mtasts/"), call.toString());
    // The fake records the scheme only, and answered 404, not 401: the token was accepted.
    assertEquals("Bearer", call.headers().get("authorization"));
    assertEquals(404, call.status());
  }

  @Test
  void aTokenGitHubRefusesSaysToCreateANewOne() {
    try (GitHub other = GitHub.connect(GitHubLab.settings(lab.api).token("ghp_revoked").build())) {
      GitHubException e = assertThrows(GitHubException.class, () ->
          other.repositories().get(NAME, lab.waits()));
      assertEquals(401, e.status());
      assertTrue(e.getMessage().contains("Bad credentials"), e.getMessage());
      assertTrue(e.getMessage().contains("create a new one"), e.getMessage());
    }
  }

  @Test
  void aMissingPermissionIsNamedAsTheTokenSettingsPageNamesIt() {
    // 403 "Resource not accessible by personal access token" + X-Accepted-GitHub-Permissions.
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
    lab.api.token(GitHubLab.USER, "github_pat_readonly", "contents=read", "metadata=read");
    try (GitHub readOnly = GitHub.connect(GitHubLab.settings(lab.api)
        .token("github_pat_readonly").build())) {
      GitHubException e = assertThrows(GitHubException.class, () -> readOnly.contents()
          .commit(NAME, "main", SiteFiles.builder().file("CNAME", "x").build(), "m",
              lab.waits()));
      assertEquals(403, e.status());
      assertTrue(e.getMessage().contains("the token lacks a permission: this call needs the"
          + " repository permission \"Contents: Read and write\""), e.getMessage());
      GitHubException pages = assertThrows(GitHubException.class, () -> readOnly.pages()
          .enable(NAME, "main", lab.waits()));
      assertTrue(pages.getMessage().contains("\"Pages: Read and write\" and \"Administration:"
          + " Read and write\""), pages.getMessage());
    }
  }

  @Test
  void aRepositoryTheTokenCannotSeeIsExplainedAsSuch() {
    lab.api.user("someone").createRepository("someone", "secret", true);
    // A private repository of another account reads as absent (404, never 403).
    assertEquals(Optional.empty(), lab.github.repositories()
        .get(RepositoryName.of("someone", "secret"), lab.waits()));
    GitHubException e = assertThrows(GitHubException.class, () -> lab.github.pages()
        .enable(RepositoryName.of("someone", "secret"), "main", lab.waits()));
    assertTrue(e.getMessage().contains("or the token cannot see it"), e.getMessage());
  }

  @Test
  void aServerErrorThatRetriesDoNotCureSaysSoWithTheRequestId() {
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
    try (GitHub once = GitHub.connect(GitHubLab.settings(lab.api).token(GitHubLab.TOKEN)
        .maxAttempts(1).build())) {
      lab.api.failBefore("repos/get", 503);
      GitHubException e = assertThrows(GitHubException.class, () ->
          once.repositories().get(NAME, lab.waits()));
      assertEquals(503, e.status());
      assertTrue(e.requestId().orElseThrow().startsWith("FAKE:"));
      assertFalse(e.outcomeUnknown(), "a read changes nothing");
      assertTrue(e.getMessage().contains("try again later"), e.getMessage());
    }
  }

  @Test
  void theTokenAppearsInNoMessageProgressOrValueWhateverHappens() {
    // Failures of every kind, with progress recorded; then every text is searched for the token
    // as given, trimmed and lower-cased.
    List<String> texts = new ArrayList<>(lab.progress);
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
    lab.api.secondaryRateLimit(1, 403, 0);
    texts.add(lab.github.repositories().get(NAME, lab.waits()).orElseThrow().toString());
    lab.api.failAfter("repos/create-pages-site");
    texts.add(lab.github.pages().enable(NAME, "main", lab.waits()).toString());
    texts.add(lab.github.toString());
    texts.add(lab.github.settings().toString());
    texts.add(assertThrows(GitHubException.class, () -> lab.github.pages()
        .awaitCertificate(NAME, "mta-sts.example.com", lab.waits(Duration.ofMillis(100))))
        .getMessage());
    texts.add(assertThrows(RepositoryExistsException.class, () -> lab.github.repositories()
        .create(NAME, "d", lab.waits())).getMessage());
    texts.add(assertThrows(InvalidSpecException.class, () -> GitHubSettings.builder()
        .token(GitHubLab.TOKEN + " x")).getMessage());
    texts.add(assertThrows(InvalidSpecException.class, () -> GitHubSettings.builder()
        .apiUrl("https://user:" + GitHubLab.TOKEN + "@github.example.com/api/v3")).getMessage());
    try (GitHub bad = GitHub.connect(GitHubLab.settings(lab.api).token(GitHubLab.TOKEN + "x")
        .build())) {
      texts.add(assertThrows(GitHubException.class, () -> bad.repositories().get(NAME,
          lab.waits())).getMessage());
    }
    texts.addAll(lab.progress);
    assertTrue(texts.size() >= 10, texts.toString());
    for (String text : texts) {
      for (String secret : List.of(GitHubLab.TOKEN, GitHubLab.TOKEN.strip(),
          GitHubLab.TOKEN.toLowerCase(Locale.ROOT))) {
        assertFalse(text.contains(secret), "the token is in: " + text);
      }
    }
  }
}
