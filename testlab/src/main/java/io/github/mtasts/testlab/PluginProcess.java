package io.github.mtasts.testlab;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The plugin started the way the Pulumi engine starts it: the launcher
 * {@code bin/pulumi-resource-mtasts} with logging flags and the engine's address, its port read
 * from the first line of stdout, then a gRPC client on that port.
 */
public final class PluginProcess implements AutoCloseable {

  public static final Path LAUNCHER = Repository.resolve("bin/pulumi-resource-mtasts");

  private final Process process;
  private final int port;
  private final String portLine;
  private final CompletableFuture<String> restOfStdout;
  private final CompletableFuture<String> stderr;
  private final ManagedChannel channel;

  /**
   * Starts the plugin as the engine does, through a given launcher path ({@link #LAUNCHER}, or a
   * symbolic link to it); {@link RunningPlugin} is how tests start it.
   *
   * @param launcher the executable to run
   * @param engineAddress the engine's address
   * @param environment extra environment variables
   */
  public static PluginProcess start(Path launcher, String engineAddress, Map<String, String> environment) throws IOException {
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(launcher + " is not executable");
    }
    List<String> command = new ArrayList<>(List.of(launcher.toString(), "--logtostderr", "-v=9", "--tracing", "127.0.0.1:1"));
    command.add(engineAddress);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine(); // the engine reads exactly this: the port and a newline
    if (line == null) {
      String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      throw new IOException("the plugin wrote no port; stderr: " + error);
    }
    return new PluginProcess(process, line, out);
  }

  private PluginProcess(Process process, String portLine, BufferedReader out) {
    this.process = process;
    this.portLine = portLine;
    this.port = Integer.parseInt(portLine.trim());
    this.restOfStdout = CompletableFuture.supplyAsync(() -> readAll(out));
    this.stderr = CompletableFuture.supplyAsync(() -> readAll(
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))));
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
  }

  /**
   * The channel to the plugin's port, for a client of its provider service.
   *
   * @return the channel
   */
  public ManagedChannel channel() {
    return channel;
  }

  /** The first line of stdout exactly as written. */
  public String portLine() {
    return portLine;
  }

  public Process process() {
    return process;
  }

  /** Waits for the process to end on its own. */
  public boolean awaitExit(Duration patience) throws InterruptedException {
    return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Everything the plugin wrote to stdout after the port line, once it has exited. */
  public String restOfStdout() {
    return restOfStdout.join();
  }

  /** Everything the plugin wrote to stderr, once it has exited. */
  public String stderr() {
    return stderr.join();
  }

  private static String readAll(BufferedReader reader) {
    StringBuilder text = new StringBuilder();
    try {
      char[] buffer = new char[4096];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        text.append(buffer, 0, n);
      }
    } catch (IOException e) {
      // The process ended.
    }
    return text.toString();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
