package io.github.mtasts.cloudflare;

import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests against a {@link FakeCloudflareApi} on loopback, fresh for each test, with the zone
 * {@code example.com} and a client pointed at it.
 */
abstract class FakeCloudflareTest {

  /** A token of Cloudflare's shape, in mixed case so that its lower-case form differs. */
  static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-Zz";
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  /** Away from the verifier tests' 127.0.9.x and 127.0.10.x. */
  static final String ADDRESS = "127.0.30.1";

  FakeCloudflareApi api;
  CloudflareClient client;
  String zone;

  @BeforeEach
  void startFake() throws Exception {
    api = startApi();
    zone = api.addZone("example.com");
    client = CloudflareClient.create(settings(api).build());
  }

  @AfterEach
  void stopFake() {
    client.close();
    api.close();
  }

  static FakeCloudflareApi startApi() throws java.io.IOException {
    return FakeCloudflareApi.start(InetAddress.getByName(ADDRESS), TOKEN, ACCOUNT);
  }

  /** Settings for a fake, with short backoffs so that retries take milliseconds. */
  static CloudflareSettings.Builder settings(FakeCloudflareApi api) {
    return CloudflareSettings.builder()
        .apiToken(TOKEN)
        .accountId(ACCOUNT)
        .baseUrl(api.baseUrl())
        .backoff(Duration.ofMillis(10), Duration.ofMillis(200));
  }

  CloudflareSettings.Builder settings() {
    return settings(api);
  }

  /** The clock of one operation, as the provider starts it for a resource operation. */
  static Waiter waiter() {
    return waiter(Duration.ofSeconds(30));
  }

  static Waiter waiter(Duration timeout) {
    return Waiter.start(WaitOptions.builder().timeout(timeout).build());
  }
}
