package io.github.mtasts.aws;

import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.MotoServer;
import io.github.mtasts.wait.WaitOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What one test works with: moto, the proxy in front of it, clients and a progress log. The
 * provider's tests point the plugin at {@link FaultProxy#endpoint()} and read what it made
 * through {@link #clients}.
 */
public final class AwsFixture implements AutoCloseable {

  /** The emulator. */
  public final MotoServer moto;
  /** The proxy in front of it, which records requests and injects faults. */
  public final FaultProxy proxy;
  /** Clients pointed at the proxy. */
  public final AwsClients clients;
  final List<String> progress = new CopyOnWriteArrayList<>();

  private AwsFixture(MotoServer moto, FaultProxy proxy, AwsClients clients) {
    this.moto = moto;
    this.proxy = proxy;
    this.clients = clients;
  }

  static AwsFixture open(MotoServer moto) throws IOException {
    FaultProxy proxy = FaultProxy.start(moto.endpoint());
    AwsClients clients = AwsClients.create(settings(proxy.endpoint()).build());
    return new AwsFixture(moto, proxy, clients);
  }

  /** Settings for the proxy: moto's fixed test credentials, bucket region us-east-1. */
  static AwsSettings.Builder settings(String endpoint) {
    return AwsSettings.builder()
        .endpointOverride(endpoint)
        .region("us-east-1")
        .credentials(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAMOTOTESTKEY", "moto-test-secret")));
  }

  /**
   * Creates a public hosted zone, as a domain's owner has one before anything of mtasts exists.
   *
   * @param domain the zone's domain, e.g. {@code example.com}
   * @return the zone id without the {@code /hostedzone/} prefix
   */
  public String createHostedZone(String domain) {
    return clients.route53().createHostedZone(r -> r.name(domain + ".").callerReference("zone-" + domain))
        .hostedZone().id().replace("/hostedzone/", "");
  }

  /**
   * The provider settings that point the plugin at this fixture's moto, behind its proxy, as a
   * stack's {@code mtasts:awsEndpoint} and {@code mtasts:awsRegion} would.
   *
   * @return keys and values, for {@link io.github.mtasts.testlab.RunningPlugin#configure}
   */
  public Object[] pluginSettings() {
    return new Object[] {"awsEndpoint", proxy.endpoint(), "awsRegion", "us-east-1"};
  }

  /** Short polls, so that waits on moto take milliseconds; progress goes to {@link #progress}. */
  WaitOptions fastWait() {
    return WaitOptions.builder()
        .pollInterval(Duration.ofMillis(20))
        .maxPollInterval(Duration.ofMillis(200))
        .timeout(Duration.ofSeconds(30))
        .progress(progress::add)
        .build();
  }

  @Override
  public void close() throws IOException {
    clients.close();
    proxy.close();
  }
}
