package io.github.mtasts.provider.aws;

import io.github.mtasts.testlab.FakeEngine;
import io.github.mtasts.testlab.PluginProcess;
import io.github.mtasts.testlab.Wire;
import static io.github.mtasts.testlab.Wire.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Struct;
import io.github.mtasts.aws.AwsFixture;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

/**
 * The packaged plugin, started as the engine starts it, for the AWS resources: its AWS
 * credentials are moto's test credentials in the environment (the SDK's default chain reads
 * them), and each test configures it for its own moto fixture through the provider settings
 * awsEndpoint and awsRegion, as a stack's {@code mtasts:awsEndpoint} would.
 */
final class AwsPlugin implements AutoCloseable {

  final FakeEngine engine;
  final PluginProcess plugin;
  final ResourceProviderBlockingStub provider;

  private AwsPlugin(FakeEngine engine, PluginProcess plugin) {
    this.engine = engine;
    this.plugin = plugin;
    this.provider = plugin.client().withDeadlineAfter(5, TimeUnit.MINUTES);
  }

  static AwsPlugin start() throws IOException {
    FakeEngine engine = new FakeEngine();
    PluginProcess plugin = PluginProcess.start(engine.address(), Map.of(
        "AWS_ACCESS_KEY_ID", "AKIAMOTOTESTKEY",
        "AWS_SECRET_ACCESS_KEY", "moto-test-secret",
        // Never ask an instance metadata service for credentials or a region.
        "AWS_EC2_METADATA_DISABLED", "true"));
    return new AwsPlugin(engine, plugin);
  }

  /** Points the plugin at a test's moto, behind its fault proxy. */
  void configure(AwsFixture aws) {
    provider.configure(ConfigureRequest.newBuilder()
        .setAcceptSecrets(true)
        .setAcceptResources(true)
        .setArgs(struct("awsEndpoint", aws.proxy.endpoint(), "awsRegion", "us-east-1"))
        .build());
  }

  /** Inputs the plugin checked, with its defaults; fails the test on a check failure. */
  Struct checked(String urn, Struct news) {
    CheckResponse response = provider.check(CheckRequest.newBuilder().setUrn(urn).setNews(news).build());
    assertEquals(0, response.getFailuresCount(), response.toString());
    return response.getInputs();
  }

  /** The check failures of some inputs, by property. */
  Map<String, String> failures(String urn, Struct news) {
    CheckResponse response = provider.check(CheckRequest.newBuilder().setUrn(urn).setNews(news).build());
    return response.getFailuresList().stream().collect(Collectors.toMap(CheckFailure::getProperty, CheckFailure::getReason));
  }

  /** The messages the plugin sent the engine about one resource. */
  List<LogRequest> logs(String urn) {
    return engine.logs().stream().filter(log -> log.getUrn().equals(urn)).toList();
  }

  @Override
  public void close() throws InterruptedException {
    plugin.close();
    engine.close();
  }
}
