package io.github.mtasts.cli;

import io.github.mtasts.reports.Limits;
import io.github.mtasts.reports.ReportReceiver;
import io.github.mtasts.reports.ReportStore;
import io.github.mtasts.reports.TlsFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtasts reports serve}: the HTTPS receiver of an {@code https:} rua address. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Receives TLS-RPT reports POSTed to an https: rua address (RFC 8460 §5.3.2) and stores "
          + "each one once in --store, where 'mtasts reports DIR' reads them. Answers 201 "
          + "stored, 200 already stored, 400 not a report, 413 too large, 415 wrong media type. "
          + "Runs until stopped.",
    })
final class ReportsServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--listen", paramLabel = "ADDR", defaultValue = "0.0.0.0:8443",
      description = "HOST:PORT to listen on (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--tls-cert", paramLabel = "PEM", required = true,
      description = "The server's certificate chain, its own certificate first.")
  Path certificate;

  @Option(names = "--tls-key", paramLabel = "PEM", required = true,
      description = "The server's private key, PKCS #8 (BEGIN PRIVATE KEY).")
  Path key;

  @Option(names = "--store", paramLabel = "DIR", required = true,
      description = "The folder the reports are stored in, one JSON file each.")
  Path store;

  @Override
  public Integer call() throws IOException, InterruptedException {
    InetSocketAddress address = address();
    PrintWriter out = spec.commandLine().getOut();
    ReportReceiver receiver;
    try {
      receiver = ReportReceiver.start(address, TlsFiles.server(certificate, key),
          new ReportStore(store), Limits.DEFAULT, line -> {
            out.println(line);
            out.flush();
          });
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      receiver.close();
      stopped.countDown();
    }));
    out.println("listening on https://" + receiver.address().getHostString() + ":"
        + receiver.address().getPort() + "/, storing in " + store);
    out.flush();
    stopped.await();
    return 0;
  }

  private InetSocketAddress address() {
    int colon = listen.lastIndexOf(':');
    String host = colon < 0 ? "" : listen.substring(0, colon);
    String port = listen.substring(colon + 1);
    if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--listen '" + listen
          + "' needs HOST:PORT, for example 0.0.0.0:8443");
    }
    String bare = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    return bare.isEmpty() ? new InetSocketAddress(Integer.parseInt(port))
        : new InetSocketAddress(bare, Integer.parseInt(port));
  }
}
