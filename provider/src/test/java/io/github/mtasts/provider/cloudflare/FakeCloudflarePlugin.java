package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.testlab.Wire;
import java.io.IOException;
import java.net.InetAddress;

/**
 * What the Cloudflare plugin tests share: the fake API on loopback, fresh for each test with the
 * zone {@code example.com}, and the plugin configured for it as a stack would configure it (the
 * token as a secret).
 */
final class FakeCloudflarePlugin {

  /** A token of Cloudflare's shape, in mixed case so that its lower-case form differs. */
  static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-Zz";
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  /** In the range of the Cloudflare end-to-end laboratories, away from every other test's. */
  static final String ADDRESS = "127.0.31.101";

  private FakeCloudflarePlugin() {}

  /**
   * Starts the fake API.
   *
   * @return the fake
   * @throws IOException when it cannot listen
   */
  static FakeCloudflareApi start() throws IOException {
    return FakeCloudflareApi.start(InetAddress.getByName(ADDRESS), TOKEN, ACCOUNT);
  }

  /**
   * Configures the plugin for a fake, with the token given as a secret and padded as a paste
   * leaves it.
   *
   * @param plugin the running plugin
   * @param api the fake
   */
  static void configure(RunningPlugin plugin, FakeCloudflareApi api) {
    plugin.configure("cloudflareApiToken", Wire.secret("  " + TOKEN + "\n"),
        "cloudflareAccountId", ACCOUNT,
        "cloudflareApiBaseUrl", api.baseUrl());
  }

  /**
   * Whether a text holds the token in any form: as given, stripped, in lower or upper case.
   *
   * @param text a message, a log, an answer
   * @return true when the token shows in it
   */
  static boolean showsToken(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return lower.contains(TOKEN.toLowerCase(java.util.Locale.ROOT));
  }
}
