package io.github.mtasts.reports;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS endpoint of an {@code https:} rua address (RFC 8460 §5.3.2): senders POST one report,
 * {@code application/tlsrpt+gzip} or {@code application/tlsrpt+json}, to any path.
 *
 * <p>Answers, in the words of RFC 8460 §5.3.2 ("a successful response, typically a 200 or 201"):
 * 201 when the report is stored, 200 when it was stored before (a sender retrying, RFC 8460
 * §5.4, or two rua addresses reaching the same store), 400 with the problems when the body is no
 * report, 405 for another method, 413 when the body or the decompressed report passes {@link
 * Limits}, 415 for another media type. The body is kept only up to the limit (what follows, up to
 * twice the limit, is read and dropped so that the client sees the answer).
 */
public final class ReportReceiver implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService workers;

  private ReportReceiver(HttpsServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /**
   * Starts a receiver.
   *
   * @param listen the address and port to listen on (port 0 for any free port)
   * @param tls the server's certificate and key
   * @param store where reports go
   * @param limits bounds on the body and the report
   * @param log receives one line per request
   * @return the running receiver
   * @throws IOException when the address cannot be bound
   */
  public static ReportReceiver start(InetSocketAddress listen, SSLContext tls, ReportStore store,
      Limits limits, Consumer<String> log) throws IOException {
    HttpsServer server = HttpsServer.create(listen, 64);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    ExecutorService workers = Executors.newFixedThreadPool(8);
    server.setExecutor(workers);
    server.createContext("/", exchange -> {
      try (exchange) {
        Answer answer = answer(exchange, store, limits);
        byte[] body = (answer.text() + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (answer.status() == 405) {
          exchange.getResponseHeaders().set("Allow", "POST");
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        log.accept(answer.status() + " " + exchange.getRequestMethod() + " "
            + exchange.getRequestURI().getRawPath() + " from "
            + exchange.getRemoteAddress().getAddress().getHostAddress() + ": " + answer.text());
      }
    });
    server.start();
    return new ReportReceiver(server, workers);
  }

  /** Where the receiver listens. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private record Answer(int status, String text) {}

  private static Answer answer(HttpExchange exchange, ReportStore store, Limits limits)
      throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      return new Answer(405, "send reports with POST (RFC 8460 §5.3.2)");
    }
    String type = mediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (!Payloads.isReportType(type)) {
      return new Answer(415, "the media type is '" + type + "': send application/tlsrpt+gzip "
          + "or application/tlsrpt+json (RFC 8460 §5.3)");
    }
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.matches("\\d{1,18}")
        && Long.parseLong(length) > limits.maxMessageBytes()) {
      drain(exchange, limits);
      return new Answer(413, "the body is " + length + " bytes, more than the "
          + limits.maxMessageBytes() + " accepted");
    }
    byte[] body;
    try {
      // Not closed here: the exchange's close ends the body, after a drain if need be.
      body = new BoundedInputStream(exchange.getRequestBody(), limits.maxMessageBytes(),
          "the body").readAllBytes();
    } catch (LimitExceededException e) {
      drain(exchange, limits);
      return new Answer(413, e.getMessage());
    }
    byte[] json;
    try (InputStream in = new BoundedInputStream(type.endsWith("gzip")
        ? new GZIPInputStream(new ByteArrayInputStream(body)) : new ByteArrayInputStream(body),
        limits.maxReportBytes(), "the decompressed report")) {
      json = in.readAllBytes();
    } catch (LimitExceededException e) {
      return new Answer(413, e.getMessage());
    } catch (ZipException | EOFException e) {
      return new Answer(400, "the body is not gzip data as application/tlsrpt+gzip says ("
          + e.getMessage() + ")");
    }
    ParseResult<TlsReport> parsed = ReportParser.parse(new ByteArrayInputStream(json), limits);
    if (!parsed.isValid()) {
      return new Answer(400, parsed.errors().stream().map(Problem::message)
          .collect(Collectors.joining(" ")));
    }
    TlsReport report = parsed.orElseThrow();
    boolean stored = store.store(report, json);
    String which = "report " + report.reportId() + " of " + report.organization();
    return stored ? new Answer(201, "stored " + which)
        : new Answer(200, "already stored " + which);
  }

  /**
   * Reads and drops up to twice the body limit, so that a client that is still sending a body
   * somewhat too large receives the 413 instead of a reset connection; a larger body is cut off
   * when the connection closes.
   */
  private static void drain(HttpExchange exchange, Limits limits) throws IOException {
    InputStream in = exchange.getRequestBody();
    byte[] buffer = new byte[8192];
    long left = 2 * limits.maxMessageBytes();
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }

  private static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon)).strip()
        .toLowerCase(Locale.ROOT);
  }
}
