package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.testlab.Wire;
import java.net.InetAddress;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the Cloudflare plugin tests share, as a JUnit extension of a test instance: the fake API on
 * loopback, fresh for each test with the zone {@code example.com}, and the plugin configured for
 * it as a stack would configure it (the token as a secret, pasted with white space around it).
 * Register it after the plugin's extension.
 */
final class FakeCloudflarePlugin implements BeforeEachCallback, AfterEachCallback {

  /** A token of Cloudflare's shape, in mixed case so that its lower-case form differs. */
  static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-Zz";
  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  /** In the range of the Cloudflare end-to-end laboratories, away from every other test's. */
  private static final String ADDRESS = "127.0.31.101";

  private final RunningPlugin plugin;
  private FakeCloudflareApi api;
  private String zone;

  /**
   * The extension for a plugin.
   *
   * @param plugin the running plugin, registered before this extension
   */
  FakeCloudflarePlugin(RunningPlugin plugin) {
    this.plugin = plugin;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    api = FakeCloudflareApi.start(InetAddress.getByName(ADDRESS), TOKEN, ACCOUNT);
    zone = api.addZone("example.com");
    plugin.configure("cloudflareApiToken", Wire.secret("  " + TOKEN + "\n"),
        "cloudflareAccountId", ACCOUNT,
        "cloudflareApiBaseUrl", api.baseUrl());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    api.close();
  }

  /**
   * Returns the fake of this test.
   *
   * @return the fake
   */
  FakeCloudflareApi api() {
    return api;
  }

  /**
   * Returns the id of the zone {@code example.com}.
   *
   * @return the zone id
   */
  String zone() {
    return zone;
  }

  /**
   * Whether a text holds the token in any form: as given, stripped, in lower or upper case.
   *
   * @param text a message, a log, an answer
   * @return true when the token shows in it
   */
  static boolean showsToken(String text) {
    return text.toLowerCase(Locale.ROOT).contains(TOKEN.toLowerCase(Locale.ROOT));
  }
}
