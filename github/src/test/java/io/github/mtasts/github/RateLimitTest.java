package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.FakeGitHubApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Rate limits for the REST API": primary and secondary limits, within one time budget. */
class RateLimitTest {

  private static final RepositoryName NAME = GitHubLab.repository("mta-sts");

  private GitHubLab lab;

  @BeforeEach
  void start() throws Exception {
    lab = GitHubLab.start();
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private List<Integer> statuses() {
    return lab.api.calls().stream().map(FakeGitHubApi.Call::status).toList();
  }

  @Test
  void aSecondaryLimitWithRetryAfterIsWaitedOutAndTheRequestSentAgain() {
    // 403 with retry-after: "do not retry before that many seconds have elapsed".
    lab.api.secondaryRateLimit(1, 403, 1);
    assertTrue(lab.github.repositories().get(NAME, lab.waits()).isPresent());
    assertEquals(List.of(403, 200), statuses());
    assertTrue(lab.progress.get(0).contains("secondary rate limit (retry-after 1 s)"),
        lab.progress.toString());
  }

  @Test
  void a429SecondaryLimitIsHonouredTheSameWay() {
    lab.api.secondaryRateLimit(2, 429, 0);
    assertTrue(lab.github.repositories().get(NAME, lab.waits()).isPresent());
    assertEquals(List.of(429, 429, 200), statuses());
  }

  @Test
  void aSecondaryLimitLongerThanTheBudgetFailsSayingWhenToRunAgain() {
    lab.api.secondaryRateLimit(1, 429, 3600);
    RateLimitedException e = assertThrows(RateLimitedException.class, () ->
        lab.github.repositories().get(NAME, lab.waits(Duration.ofSeconds(5))));
    assertTrue(e.retryAt().orElseThrow().isAfter(Instant.now().plusSeconds(3000)));
    assertTrue(e.getMessage().contains("run it again after"), e.getMessage());
    assertEquals(List.of(429), statuses());
  }

  @Test
  void anExhaustedPrimaryLimitIsWaitedOutUntilItsReset() {
    // 403 with x-ratelimit-remaining 0: "do not retry before x-ratelimit-reset".
    lab.api.primaryRateLimit(0, Instant.now().plusSeconds(1));
    assertTrue(lab.github.repositories().get(NAME, lab.waits()).isPresent());
    assertEquals(List.of(403, 200), statuses());
    assertTrue(lab.progress.get(0).contains("primary rate limit"), lab.progress.toString());
  }

  @Test
  void aPrimaryLimitUsedUpByTheLastAnswerIsWaitedOutBeforeSending() {
    // After an answer saying remaining 0, no request is sent before the reset.
    lab.api.primaryRateLimit(1, Instant.now().plusSeconds(2));
    lab.github.repositories().get(NAME, lab.waits());
    lab.github.repositories().get(NAME, lab.waits());
    assertEquals(List.of(200, 200), statuses());
    assertTrue(lab.progress.stream().anyMatch(p -> p.contains("used up until")),
        lab.progress.toString());
  }

  @Test
  void aPrimaryLimitResettingAfterTheBudgetFailsWithoutSending() {
    lab.api.primaryRateLimit(0, Instant.now().plusSeconds(3600));
    RateLimitedException e = assertThrows(RateLimitedException.class, () ->
        lab.github.repositories().get(NAME, lab.waits(Duration.ofSeconds(2))));
    assertTrue(e.getMessage().contains("primary rate limit"), e.getMessage());
    assertEquals(403, e.status());
    // Not sent again: the first refusal said when the window resets.
    assertThrows(RateLimitedException.class, () ->
        lab.github.repositories().get(NAME, lab.waits(Duration.ofSeconds(2))));
    assertEquals(List.of(403), statuses());
  }
}
