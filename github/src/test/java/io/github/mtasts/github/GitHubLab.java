package io.github.mtasts.github;

import io.github.mtasts.testlab.FakeGitHubApi;
import io.github.mtasts.wait.WaitOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake GitHub API on loopback with a user {@value #USER}, an organisation {@value #ORG} that the
 * user belongs to, a token with every permission, and a client of it with short waits.
 */
final class GitHubLab implements AutoCloseable {

  static final String USER = "octo";
  static final String ORG = "example-org";
  /** Mixed case, so that a lower-cased copy of it in a message would be told apart. */
  static final String TOKEN = "github_pat_11ABCDEFG0SecretTokenValue_XyZ";
  static final InetAddress ADDRESS = address("127.0.40.1");

  final FakeGitHubApi api;
  final GitHub github;
  final List<String> progress = new CopyOnWriteArrayList<>();

  private GitHubLab(FakeGitHubApi api, GitHub github) {
    this.api = api;
    this.github = github;
  }

  static GitHubLab start() throws IOException {
    FakeGitHubApi api = FakeGitHubApi.start(ADDRESS).user(USER).organization(ORG, USER)
        .token(USER, TOKEN);
    // The token as a person pastes it, with white space around it.
    return new GitHubLab(api, GitHub.connect(settings(api).token(" \t" + TOKEN + "\n").build()));
  }

  static GitHubSettings.Builder settings(FakeGitHubApi api) {
    return GitHubSettings.builder().owner(USER).apiUrl(api.url()).retryDelay(Duration.ofMillis(10));
  }

  /** Thirty seconds at most, polling every 10 to 50 ms, progress recorded. */
  WaitOptions waits() {
    return waits(Duration.ofSeconds(30));
  }

  WaitOptions waits(Duration timeout) {
    return WaitOptions.builder().timeout(timeout).pollInterval(Duration.ofMillis(10))
        .maxPollInterval(Duration.ofMillis(50)).progress(progress::add).build();
  }

  static RepositoryName repository(String name) {
    return RepositoryName.of(USER, name);
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    github.close();
    api.close();
  }
}
