package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cloudflare's own Workers runtime, {@code workerd} (the npm package {@code workerd}, which
 * {@code scripts/test-prereqs.sh workerd} pins into {@code .tools/workerd/}), running one
 * ES-module Worker on a loopback address and a free port, from a generated text (Cap'n Proto)
 * configuration.
 *
 * <p>The Worker gets requests over plain HTTP with the Host header the client sent, as an edge
 * that terminated TLS forwards them ({@link WorkersEdge} is such an edge).
 */
public final class Workerd implements AutoCloseable {

  /** An environment variable that names the {@code workerd} binary instead of the pinned one. */
  public static final String ENV = "MTASTS_WORKERD";

  private final Process process;
  private final Path directory;
  private final URI url;

  private Workerd(Process process, Path directory, URI url) {
    this.process = process;
    this.directory = directory;
    this.url = url;
  }

  /**
   * Starts workerd serving one Worker and waits until it accepts connections.
   *
   * @param bind the loopback address to listen on
   * @param mainModule the name of the entry module, one of {@code modules}
   * @param modules module name to ES-module source
   * @param compatibilityDate the Worker's compatibility date, {@code YYYY-MM-DD}
   * @return the running runtime
   * @throws IOException when it cannot be started or does not listen within 20 s
   * @throws InterruptedException when interrupted while waiting
   */
  public static Workerd start(InetAddress bind, String mainModule, Map<String, String> modules,
      String compatibilityDate) throws IOException, InterruptedException {
    if (!modules.containsKey(mainModule)) {
      throw new IllegalArgumentException("main module " + mainModule + " is not among " + modules.keySet());
    }
    if (compatibilityDate == null || !compatibilityDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException("compatibility date '" + compatibilityDate + "': use YYYY-MM-DD");
    }
    Path binary = locate();
    Path dir = Files.createTempDirectory("workerd");
    int port = KnotServer.freePort(bind);
    StringBuilder moduleList = new StringBuilder();
    int index = 0;
    // workerd takes the first module of the list as the Worker's entry point.
    for (String name : Stream.concat(Stream.of(mainModule),
        modules.keySet().stream().filter(n -> !n.equals(mainModule))).toList()) {
      if (!name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("module name '" + name + "': use letters, digits, '.', '-' and '_'");
      }
      String file = "module-" + index++ + ".mjs";
      Files.writeString(dir.resolve(file), modules.get(name), StandardCharsets.UTF_8);
      moduleList.append(moduleList.length() == 0 ? "" : ", ")
          .append("(name = \"").append(name).append("\", esModule = embed \"").append(file).append("\")");
    }
    String config = "using Workerd = import \"/workerd/workerd.capnp\";\n"
        + "const config :Workerd.Config = (\n"
        + "  services = [ (name = \"main\", worker = .worker) ],\n"
        + "  sockets = [ (name = \"http\", address = \"" + bind.getHostAddress() + ":" + port
        + "\", http = (), service = \"main\") ],\n"
        + ");\n"
        + "const worker :Workerd.Worker = (\n"
        + "  modules = [ " + moduleList + " ],\n"
        + "  compatibilityDate = \"" + compatibilityDate + "\",\n"
        + ");\n";
    Path configFile = dir.resolve("config.capnp");
    Files.writeString(configFile, config, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(binary.toString(), "serve", configFile.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("workerd.log").toFile())
        .start();
    Workerd workerd = new Workerd(process, dir,
        URI.create("http://" + bind.getHostAddress() + ":" + port));
    try {
      workerd.awaitListening(new InetSocketAddress(bind, port));
    } catch (IOException | InterruptedException | RuntimeException e) {
      workerd.close();
      throw e;
    }
    return workerd;
  }

  /**
   * Returns where the Worker takes plain HTTP requests.
   *
   * @return e.g. {@code http://127.0.30.2:41234}
   */
  public URI url() {
    return url;
  }

  /**
   * Returns the path of the pinned workerd binary, or the one {@value #ENV} names.
   *
   * @return an executable file
   * @throws IllegalStateException naming the command that installs it, when it is missing
   */
  public static Path locate() {
    String configured = System.getenv(ENV);
    Path path = configured != null && !configured.isBlank() ? Path.of(configured)
        : Repository.resolve(".tools/workerd/node_modules/@cloudflare/workerd-" + platform()
            + "/bin/workerd");
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException("workerd not found at " + path + ": the Cloudflare tests run"
          + " the policy Worker in Cloudflare's runtime. Run scripts/test-prereqs.sh workerd (or set "
          + ENV + " to a workerd binary)");
    }
    return path;
  }

  /** The platform suffix of the npm package that carries the binary, e.g. {@code linux-64}. */
  private static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    return system + (arch.equals("aarch64") || arch.equals("arm64") ? "-arm64" : "-64");
  }

  private void awaitListening(InetSocketAddress address) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("workerd exited with " + process.exitValue() + ": " + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(address, 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IOException("workerd did not listen on " + address + " within 20 s: " + log());
  }

  private String log() {
    try {
      return Files.readString(directory.resolve("workerd.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
