package io.github.mtasts.provider.aws;

import io.github.mtasts.aws.AwsClients;
import io.github.mtasts.aws.AwsOperationException;
import io.github.mtasts.aws.AwsSettings;
import io.github.mtasts.aws.InvalidSpecException;
import io.github.mtasts.provider.host.ConfigKey;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the AWS resources reach AWS: clients built from the provider's configuration ({@code
 * awsRegion}, {@code awsEndpoint}; credentials from the AWS SDK's default chain), on first use
 * only, so that starting the plugin and every Check stay free of the AWS SDK; and the one place
 * that runs an AWS operation for a resource: with the engine's time budget, progress in the
 * engine's log, stopped by the engine's Cancel, and failures turned into messages for the user.
 */
public final class AwsAccess {

  /** Clients per distinct region and endpoint; a configuration rarely changes within a run. */
  private final Map<List<Optional<String>>, AwsClients> clients = new HashMap<>();

  /**
   * The clients for a configuration, built on first use.
   *
   * @param config the provider's configuration
   * @return the clients
   * @throws IllegalArgumentException when awsRegion or awsEndpoint is not valid
   */
  synchronized AwsClients clients(ProviderConfig config) {
    Optional<String> region = config.get(ConfigKey.AWS_REGION);
    Optional<String> endpoint = config.get(ConfigKey.AWS_ENDPOINT);
    return clients.computeIfAbsent(List.of(region, endpoint), key -> {
      AwsSettings.Builder settings = AwsSettings.builder();
      try {
        region.ifPresent(settings::region);
        endpoint.ifPresent(settings::endpointOverride);
      } catch (InvalidSpecException e) {
        ConfigKey setting = e.field().equals("region") ? ConfigKey.AWS_REGION : ConfigKey.AWS_ENDPOINT;
        throw new IllegalArgumentException("the provider setting " + setting.key() + " (" + config.source(setting)
            + ") is not valid: " + e.getMessage(), e);
      }
      return AwsClients.create(settings.build());
    });
  }

  /**
   * Runs one AWS operation of a resource: the clients come from the configuration, waits report
   * progress as the resource's status line and end with the engine's Cancel, and an
   * {@link AwsOperationException} or a wait that ran out or was cancelled becomes an
   * {@link OperationFailedException} with its message (which names the operation, AWS's error or
   * the last status, and what to do).
   *
   * @param context the resource operation
   * @param what the operation in words, for a cancellation message
   * @param timeout the time budget of all its waits together
   * @param operation the operation, given the clients and the wait options
   * @param <T> its result
   * @return its result
   */
  <T> T run(OperationContext context, String what, Duration timeout, Operation<T> operation) {
    AwsClients aws = clients(context.config());
    WaitOptions wait = context.waitOptions(timeout).build();
    return context.cancellation().interruptibly(what, () -> {
      try {
        return operation.run(aws, wait);
      } catch (AwsOperationException | WaitTimeoutException | WaitCancelledException e) {
        throw new OperationFailedException(e.getMessage());
      }
    });
  }

  /**
   * Runs an AWS call that does not wait, such as a read.
   *
   * @param context the resource operation
   * @param what the operation in words
   * @param operation the call, given the clients
   * @param <T> its result
   * @return its result
   */
  <T> T read(OperationContext context, String what, Function<AwsClients, T> operation) {
    return run(context, what, Duration.ofMinutes(1), (aws, wait) -> operation.apply(aws));
  }

  /** An AWS operation of a resource. */
  @FunctionalInterface
  interface Operation<T> {
    /**
     * Runs it.
     *
     * @param aws the clients
     * @param wait the time budget and progress of its waits
     * @return its result
     */
    T run(AwsClients aws, WaitOptions wait);
  }
}
