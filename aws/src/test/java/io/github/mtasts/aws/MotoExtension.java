package io.github.mtasts.aws;

import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.MotoServer;
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

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoExtension.class);

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
    return context.getStore(NAMESPACE).get(AwsFixture.class, AwsFixture.class);
  }
}
