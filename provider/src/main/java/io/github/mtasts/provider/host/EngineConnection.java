package io.github.mtasts.provider.host;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The provider's client connection back to the Pulumi engine, whose address arrives as a
 * command-line argument, in {@code Handshake}, or in {@code Attach} (a provider started by hand
 * for debugging). The channel is built on first use, keeping it off the start-up path.
 */
public final class EngineConnection implements AutoCloseable {

  private String address;
  private ManagedChannel channel;

  /**
   * Sets the engine's address. A new address replaces the old channel.
   *
   * @param engineAddress host:port of the engine's gRPC server
   */
  public synchronized void connect(String engineAddress) {
    if (engineAddress == null || engineAddress.isBlank() || engineAddress.equals(address)) {
      return;
    }
    close();
    address = engineAddress;
  }

  /**
   * The engine's address.
   *
   * @return host:port, or empty when no engine address is known
   */
  public synchronized Optional<String> address() {
    return Optional.ofNullable(address);
  }

  /**
   * The channel to the engine.
   *
   * @return the channel, or empty when no engine address is known
   */
  synchronized Optional<ManagedChannel> channel() {
    if (channel == null && address != null) {
      channel = NettyChannelBuilder.forTarget(address).usePlaintext().build();
    }
    return Optional.ofNullable(channel);
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      channel = null;
    }
  }
}
