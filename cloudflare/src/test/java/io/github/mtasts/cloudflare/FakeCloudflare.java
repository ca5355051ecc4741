package io.github.mtasts.cloudflare;

import io.github.mtasts.testlab.FakeCloudflareApi;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/** A {@link FakeCloudflareApi} on loopback and the settings of a client pointed at it. */
final class FakeCloudflare implements AutoCloseable {

  /** A token of Cloudflare's shape, in mixed case so that its lower-case form differs. */
  static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-Zz";
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  /** Away from the verifier tests' 127.0.9.x and 127.0.10.x. */
  static final String ADDRESS = "127.0.30.1";

  final FakeCloudflareApi api;

  private FakeCloudflare(FakeCloudflareApi api) {
    this.api = api;
  }

  static FakeCloudflare start() throws IOException {
    return new FakeCloudflare(FakeCloudflareApi.start(InetAddress.getByName(ADDRESS), TOKEN, ACCOUNT));
  }

  /** Settings for the fake, with short backoffs so that retries take milliseconds. */
  CloudflareSettings.Builder settings() {
    return CloudflareSettings.builder()
        .apiToken(TOKEN)
        .accountId(ACCOUNT)
        .baseUrl(api.baseUrl())
        .backoff(Duration.ofMillis(10), Duration.ofMillis(200));
  }

  CloudflareClient client() {
    return CloudflareClient.create(settings().build());
  }

  static TimeBudget budget() {
    return TimeBudget.of(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    api.close();
  }
}
