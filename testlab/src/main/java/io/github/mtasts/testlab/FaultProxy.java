package io.github.mtasts.testlab;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A small HTTP proxy between the AWS SDK and moto: it forwards every request, records it, and
 * can answer the first requests that match a rule with an error instead (throttling, 5xx), the
 * way AWS does under load.
 */
public final class FaultProxy implements Closeable {

  /** One request as the SDK sent it, and the status the SDK received. */
  public record Exchange(String method, String path, String target, Headers headers, String body,
      int status, long nanoTime) {

    /** Returns "METHOD /path" (without query), or "POST Service.Operation" for JSON APIs. */
    public String operation() {
      return target != null ? method + " " + target : method + " " + path;
    }
  }

  private record Fault(Predicate<RecordedRequest> match, int[] remaining, MockResponse response) {}

  private record Rewrite(Predicate<RecordedRequest> match, int[] remaining,
      UnaryOperator<String> body) {}

  private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length",
      "transfer-encoding", "connection", "expect", "accept-encoding", "keep-alive");

  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient client = new OkHttpClient.Builder()
      .retryOnConnectionFailure(false)
      .followRedirects(false)
      .build();
  private final HttpUrl upstream;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<Rewrite> rewrites = new CopyOnWriteArrayList<>();

  private FaultProxy(URI upstream) {
    this.upstream = HttpUrl.get(upstream.toString());
  }

  public static FaultProxy start(URI upstream) throws IOException {
    FaultProxy proxy = new FaultProxy(upstream);
    proxy.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return proxy.handle(request);
      }
    });
    proxy.server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    return proxy;
  }

  /** The proxy's address: what clients use as their AWS endpoint. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** Answers the first {@code times} requests matching {@code match} with {@code response}. */
  public void failFirst(Predicate<RecordedRequest> match, int times, MockResponse response) {
    faults.add(new Fault(match, new int[] {times}, response));
  }

  /**
   * Forwards the first {@code times} requests matching {@code match}, but changes the body of
   * moto's answer with {@code body} (e.g. to report a status moto skips).
   */
  public void rewriteFirst(Predicate<RecordedRequest> match, int times, UnaryOperator<String> body) {
    rewrites.add(new Rewrite(match, new int[] {times}, body));
  }

  /** Route 53 and CloudFront's (REST-XML) throttling answer: HTTP 400, code Throttling. */
  public static MockResponse xmlThrottling() {
    return new MockResponse.Builder().code(400)
        .addHeader("Content-Type", "text/xml")
        .body("<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
            + "<Message>Rate exceeded</Message></Error><RequestId>injected</RequestId>"
            + "</ErrorResponse>")
        .build();
  }

  /** S3's answer when overloaded: HTTP 503, code SlowDown, here with Retry-After. */
  public static MockResponse s3SlowDown(int retryAfterSeconds) {
    return new MockResponse.Builder().code(503)
        .addHeader("Content-Type", "application/xml")
        .addHeader("Retry-After", String.valueOf(retryAfterSeconds))
        .body("<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"
            + "<RequestId>injected</RequestId></Error>")
        .build();
  }

  /** A JSON-protocol service's (ACM's) throttling answer: HTTP 400, ThrottlingException. */
  public static MockResponse jsonThrottling() {
    return new MockResponse.Builder().code(400)
        .addHeader("Content-Type", "application/x-amz-json-1.1")
        .body("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")
        .build();
  }

  /**
   * CloudFront's (REST-XML) answer to credentials that lack a permission: HTTP 403, code
   * AccessDenied, which no retry fixes.
   *
   * @param action the IAM action refused, e.g. {@code cloudfront:CreateDistribution}
   * @return the response
   */
  public static MockResponse xmlAccessDenied(String action) {
    return new MockResponse.Builder().code(403)
        .addHeader("Content-Type", "text/xml")
        .body("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
            + "<Message>User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: "
            + action + "</Message></Error><RequestId>injected</RequestId></ErrorResponse>")
        .build();
  }

  /**
   * Route 53's refusal of a CREATE whose name and type exist already, whatever their values:
   * HTTP 400, InvalidChangeBatch. (moto refuses only a CREATE identical to an earlier one and
   * overwrites otherwise; the proxy answers for a test the way Route 53 does.)
   *
   * @param name the record name, with the trailing dot as Route 53 writes it
   * @param type the record type
   * @return the response
   */
  public static MockResponse route53AlreadyExists(String name, String type) {
    return new MockResponse.Builder().code(400)
        .addHeader("Content-Type", "text/xml")
        .body("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidChangeBatch</Code>"
            + "<Message>[Tried to create resource record set [name='" + name + "', type='" + type
            + "'] but it already exists]</Message></Error><RequestId>injected</RequestId></ErrorResponse>")
        .build();
  }

  /** A generic server error with an XML body: HTTP 500, InternalError. */
  public static MockResponse xmlServerError(int status) {
    return new MockResponse.Builder().code(status)
        .addHeader("Content-Type", "text/xml")
        .body("<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code>"
            + "<Message>injected</Message></Error><RequestId>injected</RequestId>"
            + "</ErrorResponse>")
        .build();
  }

  /** Matches requests by method and a regular expression over the path. */
  public static Predicate<RecordedRequest> request(String method, String pathRegex) {
    return r -> r.getMethod().equals(method) && r.getUrl().encodedPath().matches(pathRegex);
  }

  /** Matches JSON-protocol requests by their X-Amz-Target (e.g. CertificateManager.X). */
  public static Predicate<RecordedRequest> target(String target) {
    return r -> target.equals(r.getHeaders().get("X-Amz-Target"));
  }

  /** Every request so far, in order. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** Returns the operations seen, in order, whose {@link Exchange#operation()} matches. */
  public List<Exchange> matching(String method, String pathRegex) {
    List<Exchange> out = new ArrayList<>();
    for (Exchange e : exchanges) {
      if (e.method().equals(method) && e.path().matches(pathRegex)) {
        out.add(e);
      }
    }
    return out;
  }

  public void clear() {
    exchanges.clear();
    faults.clear();
    rewrites.clear();
  }

  private MockResponse handle(RecordedRequest request) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    for (Fault fault : faults) {
      synchronized (fault.remaining()) {
        if (fault.remaining()[0] > 0 && fault.match().test(request)) {
          fault.remaining()[0]--;
          record(request, body, fault.response().getCode());
          return fault.response();
        }
      }
    }
    UnaryOperator<String> rewrite = UnaryOperator.identity();
    for (Rewrite candidate : rewrites) {
      synchronized (candidate.remaining()) {
        if (candidate.remaining()[0] > 0 && candidate.match().test(request)) {
          candidate.remaining()[0]--;
          rewrite = candidate.body();
          break;
        }
      }
    }
    try {
      return forward(request, body, rewrite);
    } catch (IOException e) {
      record(request, body, 599);
      return new MockResponse.Builder().code(502).body("proxy: " + e).build();
    }
  }

  private MockResponse forward(RecordedRequest request, String body, UnaryOperator<String> rewrite)
      throws IOException {
    Headers.Builder headers = new Headers.Builder();
    for (int i = 0; i < request.getHeaders().size(); i++) {
      String name = request.getHeaders().name(i);
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        headers.addUnsafeNonAscii(name, request.getHeaders().value(i));
      }
    }
    String method = request.getMethod();
    RequestBody requestBody = null;
    if (!method.equals("GET") && !method.equals("HEAD")) {
      byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
      requestBody = RequestBody.create(bytes, null);
    }
    HttpUrl url = HttpUrl.get(upstream.toString().replaceAll("/$", "") + request.getTarget());
    try (Response response = client.newCall(new Request.Builder().url(url)
        .headers(headers.build()).method(method, requestBody).build()).execute()) {
      MockResponse.Builder out = new MockResponse.Builder().code(response.code());
      for (int i = 0; i < response.headers().size(); i++) {
        String name = response.headers().name(i);
        String lower = name.toLowerCase(Locale.ROOT);
        if (!HOP_BY_HOP.contains(lower) && !lower.equals("content-encoding")) {
          out.addHeaderLenient(name, response.headers().value(i));
        }
      }
      if (method.equals("HEAD")) {
        String length = response.header("Content-Length");
        if (length != null) {
          out.addHeader("Content-Length", length);
        }
      } else {
        out.body(rewrite.apply(response.body().string()));
      }
      record(request, body, response.code());
      return out.build();
    }
  }

  private void record(RecordedRequest request, String body, int status) {
    exchanges.add(new Exchange(request.getMethod(), request.getUrl().encodedPath(),
        request.getHeaders().get("X-Amz-Target"), request.getHeaders(), body, status,
        System.nanoTime()));
  }

  @Override
  public void close() throws IOException {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
