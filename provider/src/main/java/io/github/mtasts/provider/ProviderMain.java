package io.github.mtasts.provider;

import io.github.mtasts.provider.cloudflare.CloudflareAccess;
import io.github.mtasts.provider.host.ConfigHandler;
import io.github.mtasts.provider.host.EngineConnection;
import io.github.mtasts.provider.host.EngineHealthWatch;
import io.github.mtasts.provider.host.PluginArguments;
import io.github.mtasts.provider.host.ProviderService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The {@code pulumi-resource-mtasts} plugin process: serves the provider on a loopback port
 * chosen by the kernel, writes that port and a newline to stdout (the only thing it ever
 * writes there: the engine reads it to connect), and serves until the engine shuts it down,
 * cancels it and goes away, or stops answering health checks.
 */
public final class ProviderMain {

  /** The engine sends whole schemas and states; gRPC's default 4 MiB is too small for some. */
  private static final int MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

  private ProviderMain() {}

  /**
   * Starts the plugin.
   *
   * @param args logging flags, then the engine's address
   * @throws IOException when the port cannot be bound
   * @throws InterruptedException when interrupted while serving
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    PluginArguments arguments = PluginArguments.parse(args);
    PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    // Anything a library prints must not corrupt the port line the engine reads.
    System.setOut(System.err);

    EngineConnection engine = new EngineConnection();
    arguments.engineAddress().ifPresent(engine::connect);
    ProviderService service = new ProviderService(Resources.registry(), new ConfigHandler(System.getenv(), CloudflareAccess.configRules()), engine);
    HealthStatusManager health = new HealthStatusManager();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(service)
        .addService(health.getHealthService())
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .build()
        .start();

    if (arguments.training()) {
      ProviderTraining.run(server);
      server.shutdownNow();
      System.exit(0);
    }

    stdout.println(server.getPort());
    stdout.flush();

    Runnable stop = () -> {
      health.enterTerminalState();
      server.shutdown();
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
    try (EngineHealthWatch watch = new EngineHealthWatch(engine, EngineHealthWatch.configuredInterval(), stop)) {
      server.awaitTermination();
    }
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
    engine.close();
    System.exit(0);
  }
}
