package io.github.mtasts.testlab;

import com.google.protobuf.Struct;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.ResourceProviderGrpc;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

/**
 * The plugin started as the engine starts it ({@link PluginProcess}), with the {@link FakeEngine}
 * it reports to and a client of its provider service: the one way tests start the plugin.
 *
 * <p>Either started at once ({@link #start(Map)}, closed by the test), or as a JUnit extension
 * ({@link #extension(Map)} in a static {@code @RegisterExtension} field) that starts it before
 * a class's tests and stops it after them, and may configure it before each test.
 */
public final class RunningPlugin implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AutoCloseable {

  /** Long enough for the slowest operation a test drives: a verification that retries. */
  private static final Duration CALL_DEADLINE = Duration.ofMinutes(5);

  private final Path launcher;
  private final Map<String, String> environment;
  private final BiConsumer<RunningPlugin, ExtensionContext> beforeEach;
  private FakeEngine engine;
  private PluginProcess process;
  private ResourceProviderBlockingStub provider;

  private RunningPlugin(Path launcher, Map<String, String> environment, BiConsumer<RunningPlugin, ExtensionContext> beforeEach) {
    this.launcher = launcher;
    this.environment = Map.copyOf(environment);
    this.beforeEach = beforeEach;
  }

  /**
   * Starts the plugin now, with a fake engine of its own.
   *
   * @param environment extra environment variables of the plugin process
   * @return the running plugin; close it
   * @throws IOException when the plugin does not start
   */
  public static RunningPlugin start(Map<String, String> environment) throws IOException {
    return start(PluginProcess.LAUNCHER, environment);
  }

  /**
   * Starts the plugin now through a given launcher path, such as a symbolic link to it.
   *
   * @param launcher the executable to run
   * @param environment extra environment variables of the plugin process
   * @return the running plugin; close it
   * @throws IOException when the plugin does not start
   */
  public static RunningPlugin start(Path launcher, Map<String, String> environment) throws IOException {
    RunningPlugin plugin = new RunningPlugin(launcher, environment, (started, context) -> { });
    plugin.open();
    return plugin;
  }

  /**
   * The plugin as a JUnit extension: started before a class's tests, stopped after them.
   *
   * @param environment extra environment variables of the plugin process
   * @return the extension, for a static {@code @RegisterExtension} field
   */
  public static RunningPlugin extension(Map<String, String> environment) {
    return new RunningPlugin(PluginProcess.LAUNCHER, environment, (started, context) -> { });
  }

  /**
   * This extension, doing something with the plugin before each test, after the extensions the
   * class declares with {@code @ExtendWith} (such as configuring it for a test's emulator).
   *
   * @param action what to do, given the plugin and the test's context
   * @return a new extension
   */
  public RunningPlugin beforeEach(BiConsumer<RunningPlugin, ExtensionContext> action) {
    return new RunningPlugin(launcher, environment, action);
  }

  private void open() throws IOException {
    engine = new FakeEngine();
    process = PluginProcess.start(launcher, engine.address(), environment);
    // A deadline for each call, not one for the stub: a class's tests may run longer than one call may.
    provider = ResourceProviderGrpc.newBlockingStub(process.channel()).withInterceptors(new ClientInterceptor() {
      @Override
      public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
      }
    });
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    open();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    beforeEach.accept(this, context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    close();
  }

  /**
   * The engine the plugin reports to.
   *
   * @return the fake engine
   */
  public FakeEngine engine() {
    return Objects.requireNonNull(engine, "the plugin is not started");
  }

  /**
   * The plugin process.
   *
   * @return the process
   */
  public PluginProcess process() {
    return Objects.requireNonNull(process, "the plugin is not started");
  }

  /**
   * A client of the provider service; each call may take a few minutes.
   *
   * @return the client
   */
  public ResourceProviderBlockingStub provider() {
    return Objects.requireNonNull(provider, "the plugin is not started");
  }

  /**
   * Configures the provider as the engine does, with secrets and resource references accepted.
   *
   * @param keysAndValues the settings, as for {@link Wire#struct}
   * @return the provider's answer
   */
  public ConfigureResponse configure(Object... keysAndValues) {
    return provider().configure(ConfigureRequest.newBuilder()
        .setAcceptSecrets(true)
        .setAcceptResources(true)
        .setArgs(Wire.struct(keysAndValues))
        .build());
  }

  /**
   * The inputs the plugin checked, with its defaults.
   *
   * @param urn the resource
   * @param news the inputs
   * @return the checked inputs
   * @throws AssertionError when the check fails
   */
  public Struct checked(String urn, Struct news) {
    CheckResponse response = provider().check(CheckRequest.newBuilder().setUrn(urn).setNews(news).build());
    if (response.getFailuresCount() > 0) {
      throw new AssertionError("the plugin refused the inputs of " + urn + ": " + response);
    }
    return response.getInputs();
  }

  /**
   * The check failures of some inputs, by property, in the plugin's order.
   *
   * @param urn the resource
   * @param news the inputs
   * @return property to reason
   * @throws AssertionError when a property has two failures
   */
  public Map<String, String> failures(String urn, Struct news) {
    CheckResponse response = provider().check(CheckRequest.newBuilder().setUrn(urn).setNews(news).build());
    Map<String, String> failures = new LinkedHashMap<>();
    for (CheckFailure failure : response.getFailuresList()) {
      if (failures.put(failure.getProperty(), failure.getReason()) != null) {
        throw new AssertionError("two failures for " + failure.getProperty() + ": " + response);
      }
    }
    return failures;
  }

  /**
   * The messages the plugin sent the engine about one resource.
   *
   * @param urn the resource
   * @return the messages, in order
   */
  public List<LogRequest> logs(String urn) {
    return engine().logs().stream().filter(log -> log.getUrn().equals(urn)).toList();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.close();
    }
    if (engine != null) {
      engine.close();
    }
  }
}
