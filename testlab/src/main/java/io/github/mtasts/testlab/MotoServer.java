package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * moto in server mode ({@code moto_server}), one per test JVM, on a free loopback port: the
 * emulator of Route 53, ACM, S3 and CloudFront the aws tests run against, and the sandbox's.
 *
 * <p>Found through the environment variable {@value #ENV} or at {@code .venv/bin/moto_server}
 * of the project, where {@code .ci/run} installs it.
 */
public final class MotoServer implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  public static final String ENV = "MTASTS_MOTO_SERVER";

  /**
   * Seconds after which moto turns a requested certificate from PENDING_VALIDATION to ISSUED
   * (its default is 60). Real ACM issues once the validation CNAME resolves publicly.
   */
  public static final int ACM_VALIDATION_WAIT_SECONDS = 2;

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /**
   * Starts moto on a free port of 127.0.0.1, its output in a temporary file.
   *
   * @return the running server, answering
   * @throws IOException when it cannot be started
   * @throws InterruptedException when interrupted while waiting for it to answer
   */
  public static MotoServer start() throws IOException, InterruptedException {
    return start(InetAddress.getByName("127.0.0.1"), Files.createTempFile("moto-server", ".log"));
  }

  /**
   * Starts moto on a free port of the given address.
   *
   * @param host the (loopback) address to listen on
   * @param log the file that receives moto's output
   * @return the running server, answering
   * @throws IOException when it cannot be started
   * @throws InterruptedException when interrupted while waiting for it to answer
   */
  public static MotoServer start(InetAddress host, Path log)
      throws IOException, InterruptedException {
    Path executable = locate();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, host)) {
      port = socket.getLocalPort();
    }
    String address = host.getHostAddress();
    ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", address, "-p",
        String.valueOf(port))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("MOTO_ACM_VALIDATION_WAIT",
        String.valueOf(ACM_VALIDATION_WAIT_SECONDS));
    Process process = builder.start();
    MotoServer server = new MotoServer(process, URI.create("http://" + address + ":" + port), log);
    server.awaitReady();
    return server;
  }

  private static Path locate() {
    String configured = System.getenv(ENV);
    Path path = configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Repository.resolve(".venv/bin/moto_server");
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException("moto_server not found at " + path + ": the aws tests need"
          + " moto in server mode. Run scripts/test-prereqs.sh moto, or: python3 -m venv .venv && .venv/bin/pip"
          + " install 'moto[server]==5.2.5' (or set " + ENV + " to a moto_server executable)");
    }
    return path;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with " + process.exitValue() + ":\n"
            + Files.readString(log));
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.resolve(
            "/moto-api/data.json")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("moto_server did not answer within 60 s:\n"
        + Files.readString(log));
  }

  /**
   * Returns the process id of {@code moto_server}, so that whoever started it can find it again.
   *
   * @return the id
   */
  public long pid() {
    return process.pid();
  }

  /** The address moto listens on. */
  public URI endpoint() {
    return endpoint;
  }

  /** Empties every emulated service and drops configured state transitions. */
  public void reset() throws IOException, InterruptedException {
    post("/moto-api/reset", "");
    post("/moto-api/state-manager/unset-transition",
        "{\"model_name\": \"cloudfront::distribution\"}");
  }

  /**
   * Makes a new CloudFront distribution report InProgress for the first {@code reads} reads of
   * its status, then Deployed (moto's manual progression; its default is one read).
   */
  public void distributionDeploysAfterReads(int reads) throws IOException, InterruptedException {
    post("/moto-api/state-manager/set-transition", "{\"model_name\": \"cloudfront::distribution\","
        + " \"transition\": {\"progression\": \"manual\", \"times\": " + reads + "}}");
  }

  private void post(String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve(path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("moto " + path + " answered " + response.statusCode() + ": "
          + response.body());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
