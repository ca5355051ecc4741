package io.github.mtasts.aws;

import io.github.mtasts.testlab.AwsLab;
import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.MotoServer;
import io.github.mtasts.testlab.RunningPlugin;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test an {@link AwsFixture}: moto (started once per JVM, reset before each test)
 * behind a fresh {@link FaultProxy}, and {@link AwsClients} pointed at the proxy.
 */
public final class MotoExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /**
   * The environment of a process that calls moto, such as the plugin: moto's test credentials,
   * which the AWS SDK's default chain reads, and no instance metadata service to ask.
   */
  public static final Map<String, String> PROCESS_ENVIRONMENT = Map.of(
      "AWS_ACCESS_KEY_ID", AwsLab.ACCESS_KEY,
      "AWS_SECRET_ACCESS_KEY", AwsLab.SECRET_KEY,
      "AWS_EC2_METADATA_DISABLED", "true");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoExtension.class);

  /**
   * The plugin started as the engine starts it, with moto's test credentials, and configured
   * before each test for that test's moto ({@link AwsFixture#pluginSettings()}). For a static
   * {@code @RegisterExtension} field of a class that extends with this extension.
   *
   * @return the extension
   */
  public static RunningPlugin plugin() {
    return RunningPlugin.extension(PROCESS_ENVIRONMENT)
        .beforeEach((plugin, context) -> plugin.configure(fixture(context).pluginSettings()));
  }

  /**
   * The fixture of the running test, for another extension that runs after this one.
   *
   * @param context the test's context
   * @return the fixture
   */
  public static AwsFixture fixture(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(AwsFixture.class, AwsFixture.class);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    MotoServer moto = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
        MotoServer.class, key -> {
          try {
            return MotoServer.start();
          } catch (Exception e) {
            throw new IllegalStateException("could not start moto_server: " + e.getMessage(), e);
          }
        }, MotoServer.class);
    moto.reset();
    context.getStore(NAMESPACE).put(AwsFixture.class, AwsFixture.open(moto));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    AwsFixture fixture = context.getStore(NAMESPACE).remove(AwsFixture.class, AwsFixture.class);
    if (fixture != null) {
      fixture.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsFixture.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fixture(context);
  }
}
