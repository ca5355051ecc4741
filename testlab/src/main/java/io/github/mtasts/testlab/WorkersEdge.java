package io.github.mtasts.testlab;

import io.github.mtasts.testlab.FakeCloudflareApi.CustomDomain;
import io.github.mtasts.testlab.FakeCloudflareApi.Script;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An HTTPS server on loopback that serves, in place of Cloudflare's edge network, what the
 * Workers in a {@link FakeCloudflareApi} would serve: the request's SNI name must equal its Host;
 * the host must be a Workers custom domain in the fake; its script, exactly as uploaded to the
 * fake, runs in {@link Workerd} (started on first use and again whenever the script changes), and
 * the request is forwarded to it with the Host header, as Cloudflare's edge hands a request to a
 * Worker after terminating TLS.
 *
 * <p>The TLS certificate comes from a test CA, standing in for the certificate Cloudflare issues
 * for a custom domain: it names every host given at start.
 */
public final class WorkersEdge implements AutoCloseable {

  /** Headers that belong to one connection (RFC 9110 §7.6.1) or that the server sets itself. */
  private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "keep-alive",
      "transfer-encoding", "te", "upgrade", "content-length", "proxy-connection");

  private record Runtime(String etag, Workerd workerd) {}

  private final MockWebServer server = new MockWebServer();
  private final FakeCloudflareApi api;
  private final InetAddress runtimeAddress;
  private final Map<String, Runtime> runtimes = new HashMap<>();
  private final OkHttpClient http = new OkHttpClient.Builder()
      .followRedirects(false)
      .retryOnConnectionFailure(false)
      .build();
  private final EdgeLog log = new EdgeLog();
  private volatile BiConsumer<String, String> onServe = (host, body) -> { };

  private WorkersEdge(FakeCloudflareApi api, InetAddress runtimeAddress) {
    this.api = api;
    this.runtimeAddress = runtimeAddress;
  }

  /**
   * Starts the edge.
   *
   * @param bind the loopback address to listen on
   * @param port the port, shared by every host as 443 is on the internet
   * @param tls the server TLS context, its certificate naming every policy host
   * @param api the fake API whose custom domains and scripts decide what is served
   * @param runtimeAddress the loopback address the workerd processes listen on
   * @return the running edge
   * @throws IOException when the port cannot be bound
   */
  public static WorkersEdge start(InetAddress bind, int port, SSLContext tls, FakeCloudflareApi api,
      InetAddress runtimeAddress) throws IOException {
    WorkersEdge edge = new WorkersEdge(api, runtimeAddress);
    edge.server.useHttps(tls.getSocketFactory());
    edge.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return edge.serve(request);
      }
    });
    edge.server.start(bind, port);
    return edge;
  }

  /**
   * Sets what runs each time a Worker answers a request with a body, before the answer leaves:
   * the test records what DNS announced at that moment.
   *
   * @param observer receives the host and the body
   */
  public void onServe(BiConsumer<String, String> observer) {
    this.onServe = observer;
  }

  /**
   * Returns every answer so far.
   *
   * @return the answers in order
   */
  public List<EdgeAnswer> served() {
    return log.answers();
  }

  /**
   * Returns why requests were refused: an answer a correctly deployed Worker never gives.
   *
   * @return one sentence per refusal
   */
  public List<String> refusals() {
    return log.refusals();
  }

  private MockResponse serve(RecordedRequest request) {
    Optional<MockResponse> misdirected = log.misdirected(request);
    if (misdirected.isPresent()) {
      return misdirected.get();
    }
    String host = EdgeLog.host(request);
    String path = request.getUrl().encodedPath();
    Optional<CustomDomain> domain = api.customDomains().stream()
        .filter(d -> d.hostname().equals(host)).findFirst();
    if (domain.isEmpty()) {
      return log.refuse(host, path, 530, "no Workers custom domain is attached to " + host);
    }
    Optional<Script> script = api.script(domain.get().service());
    if (script.isEmpty()) {
      return log.refuse(host, path, 530, "the custom domain " + host + " names script "
          + domain.get().service() + ", which does not exist");
    }
    try {
      Workerd workerd = runtime(script.get());
      try (Response response = http.newCall(forward(request, host, workerd)).execute()) {
        byte[] body = response.body().bytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (response.code() == 200) {
          onServe.accept(host, text);
        }
        log.served(host, path, response.code(), text);
        MockResponse.Builder answer = new MockResponse.Builder().code(response.code());
        for (int i = 0; i < response.headers().size(); i++) {
          if (!HOP_BY_HOP.contains(response.headers().name(i).toLowerCase(Locale.ROOT))) {
            answer.addHeader(response.headers().name(i), response.headers().value(i));
          }
        }
        return request.getMethod().equals("HEAD") ? answer.build()
            : answer.body(new okio.Buffer().write(body)).build();
      }
    } catch (IOException e) {
      return log.refuse(host, path, 502, "the Worker " + script.get().name() + " did not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return log.refuse(host, path, 503, "interrupted while starting workerd");
    }
  }

  /** The workerd running exactly this script's uploaded content, started or restarted as needed. */
  private synchronized Workerd runtime(Script script) throws IOException, InterruptedException {
    Runtime current = runtimes.get(script.name());
    if (current != null && current.etag().equals(script.etag())) {
      return current.workerd();
    }
    if (current != null) {
      current.workerd().close();
    }
    Workerd started = Workerd.start(runtimeAddress, script.mainModule(), script.modules(),
        script.compatibilityDate());
    runtimes.put(script.name(), new Runtime(script.etag(), started));
    return started;
  }

  private static Request forward(RecordedRequest request, String host, Workerd workerd) {
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0; i < request.getHeaders().size(); i++) {
      String name = request.getHeaders().name(i).toLowerCase(Locale.ROOT);
      // HTTP/2 pseudo-headers (":authority" and the like) have no HTTP/1.1 form.
      if (!HOP_BY_HOP.contains(name) && !name.startsWith(":")) {
        headers.add(request.getHeaders().name(i), request.getHeaders().value(i));
      }
    }
    headers.set("Host", host);
    String target = request.getUrl().encodedPath()
        + (request.getUrl().encodedQuery() == null ? "" : "?" + request.getUrl().encodedQuery());
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    return new Request.Builder()
        .url(workerd.url().resolve(target).toString())
        .headers(headers.build())
        .method(request.getMethod(), request.getMethod().equals("GET")
            || request.getMethod().equals("HEAD") ? null : RequestBody.create(body))
        .build();
  }

  @Override
  public synchronized void close() throws IOException {
    server.close();
    for (Runtime runtime : runtimes.values()) {
      runtime.workerd().close();
    }
    runtimes.clear();
  }
}
