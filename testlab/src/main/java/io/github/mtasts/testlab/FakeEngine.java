package io.github.mtasts.testlab;

import com.google.protobuf.Empty;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;

/**
 * The part of the Pulumi engine a provider calls back: the {@code Engine.Log} service, which
 * records every message so tests can assert what the user would see (and what they must not).
 * It serves no health service, like an engine that leaves it unimplemented: a provider must
 * take UNIMPLEMENTED as "alive".
 */
public final class FakeEngine extends EngineGrpc.EngineImplBase implements AutoCloseable {

  private final List<LogRequest> logs = new ArrayList<>();
  private final Server server;

  public FakeEngine() throws IOException {
    server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(this)
        .build()
        .start();
  }

  /** The address a plugin is started with. */
  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void log(LogRequest request, StreamObserver<Empty> response) {
    synchronized (logs) {
      logs.add(request);
    }
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  /** Every message received so far. */
  public List<LogRequest> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /** Every message so far, as text, for asserting that a secret never appears. */
  public String allLogText() {
    StringBuilder text = new StringBuilder();
    logs().forEach(log -> text.append(log.getMessage()).append('\n'));
    return text.toString();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
