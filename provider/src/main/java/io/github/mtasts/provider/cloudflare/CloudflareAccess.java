package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.cloudflare.CloudflareClient;
import io.github.mtasts.cloudflare.CloudflareException;
import io.github.mtasts.cloudflare.CloudflareSettings;
import io.github.mtasts.cloudflare.InvalidSpecException;
import io.github.mtasts.provider.host.ConfigKey;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the Cloudflare resources reach Cloudflare: a client built from the provider's settings
 * ({@code cloudflareApiToken}, {@code cloudflareAccountId}, {@code cloudflareApiBaseUrl}) on first
 * use, and the one place that runs a Cloudflare operation for a resource or a function: with one
 * {@link Waiter} for all its calls (the engine's time budget, progress as the status line),
 * stopped by the engine's Cancel, and with Cloudflare's failures turned into
 * messages for the user (which never hold the token: the client keeps it out of every text it
 * makes, and the provider masks the secret settings in every message it sends).
 */
public final class CloudflareAccess {

  /** A read does not wait for anything. */
  static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

  /** Clients per distinct settings; a configuration rarely changes within a run. */
  private final Map<List<Optional<String>>, CloudflareClient> clients = new HashMap<>();

  /**
   * The rules of the Cloudflare settings beyond their kind, for CheckConfig: the shape of the
   * token and of the account id, as the client checks them, so that a bad value fails the
   * preview, not the first operation.
   *
   * @return per setting, what is wrong with a value (never the value)
   */
  public static Map<ConfigKey, Function<String, Optional<String>>> configRules() {
    return Map.of(
        ConfigKey.CLOUDFLARE_API_TOKEN, token -> problem(ConfigKey.CLOUDFLARE_API_TOKEN,
            settings -> settings.apiToken(token)),
        ConfigKey.CLOUDFLARE_ACCOUNT_ID, account -> problem(ConfigKey.CLOUDFLARE_ACCOUNT_ID,
            settings -> settings.accountId(account)));
  }

  private static Optional<String> problem(ConfigKey key, Consumer<CloudflareSettings.Builder> setting) {
    try {
      setting.accept(CloudflareSettings.builder());
      return Optional.empty();
    } catch (InvalidSpecException e) {
      return Optional.of(key.key() + " is not valid: " + e.getMessage());
    }
  }

  /**
   * The client for a configuration, built on first use.
   *
   * @param config the provider's configuration
   * @return the client
   * @throws OperationFailedException when no token is set, or a setting is not valid
   */
  synchronized CloudflareClient client(ProviderConfig config) {
    Optional<String> token = config.get(ConfigKey.CLOUDFLARE_API_TOKEN);
    Optional<String> account = config.get(ConfigKey.CLOUDFLARE_ACCOUNT_ID);
    Optional<String> baseUrl = config.get(ConfigKey.CLOUDFLARE_API_BASE_URL);
    if (token.isEmpty()) {
      throw new OperationFailedException("no Cloudflare API token is set: create one in the"
          + " Cloudflare dashboard (My Profile > API Tokens) with the permissions Zone / Zone / Read,"
          + " Zone / DNS / Edit and, for a PolicyWorker, Account / Workers Scripts / Edit, and give it"
          + " as " + config.source(ConfigKey.CLOUDFLARE_API_TOKEN)
          + " (pulumi config set --secret mtasts:cloudflareApiToken ...)");
    }
    return clients.computeIfAbsent(List.of(token, account, baseUrl), key -> {
      CloudflareSettings.Builder settings = CloudflareSettings.builder();
      ConfigKey setting = ConfigKey.CLOUDFLARE_API_TOKEN;
      try {
        settings.apiToken(token.get());
        setting = ConfigKey.CLOUDFLARE_ACCOUNT_ID;
        account.ifPresent(settings::accountId);
        setting = ConfigKey.CLOUDFLARE_API_BASE_URL;
        baseUrl.ifPresent(settings::baseUrl);
      } catch (InvalidSpecException e) {
        throw new OperationFailedException("the provider setting " + setting.key() + " ("
            + config.source(setting) + ") is not valid: " + e.getMessage());
      }
      return CloudflareClient.create(settings.build());
    });
  }

  /**
   * Runs one Cloudflare operation of a resource: its calls share one deadline and report their
   * retries as the resource's status line, and the engine's Cancel ends it; a {@link
   * CloudflareException}, an input Cloudflare would refuse, or a wait that was cancelled
   * becomes an {@link OperationFailedException} with its message (which names the
   * operation, Cloudflare's answer and what to do).
   *
   * @param context the resource operation
   * @param what the operation in words, for a cancellation message
   * @param timeout the time budget of all its calls, retries and waits together
   * @param operation the operation, given the client and the operation's waiter
   * @param <T> its result
   * @return its result
   */
  <T> T run(OperationContext context, String what, Duration timeout,
      BiFunction<CloudflareClient, Waiter, T> operation) {
    CloudflareClient client = client(context.config());
    WaitOptions wait = context.waitOptions(timeout).build();
    return context.cancellation().interruptibly(what, () -> call(client, wait, operation));
  }

  /**
   * Runs one Cloudflare read outside a resource operation, such as for a function.
   *
   * @param config the provider's configuration
   * @param operation the read, given the client and the read's waiter
   * @param <T> its result
   * @return its result
   */
  <T> T read(ProviderConfig config, BiFunction<CloudflareClient, Waiter, T> operation) {
    return call(client(config), WaitOptions.builder().timeout(READ_TIMEOUT).build(), operation);
  }

  private static <T> T call(CloudflareClient client, WaitOptions wait,
      BiFunction<CloudflareClient, Waiter, T> operation) {
    try {
      return operation.apply(client, Waiter.start(wait));
    } catch (CloudflareException | InvalidSpecException | WaitCancelledException e) {
      throw new OperationFailedException(e.getMessage());
    }
  }
}
