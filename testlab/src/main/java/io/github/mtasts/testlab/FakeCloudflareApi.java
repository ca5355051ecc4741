package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A stateful fake of the parts of Cloudflare's v4 API that mtasts uses, on loopback: zones, DNS
 * records, Workers scripts and Workers custom domains. It is written from Cloudflare's
 * published OpenAPI description (each handler names its operation id) and from Cloudflare's
 * documentation pages, not from mtasts' client, so that the client's tests check the client
 * against what Cloudflare documents.
 *
 * <p>Requests need {@code Authorization: Bearer TOKEN} with the token given at start (the
 * {@code api_token} security scheme of the description). A malformed header is answered as
 * Cloudflare answers it (HTTP 400, code 6003 with 6111 in its {@code error_chain}); another
 * token, or a permission taken away with {@link #deny(Permission)}, gets HTTP 403 with code 10000
 * "Authentication error".
 *
 * <p>The state is open for assertions ({@link #records(String)}, {@link #scripts()}, {@link
 * #customDomains()}, {@link #requests()}), and faults can be injected: rate limiting (HTTP 429
 * with {@code Retry-After}), server errors, an arbitrary error answer, and a connection dropped
 * after a DNS record was created, before the answer left.
 */
public final class FakeCloudflareApi implements AutoCloseable {

  /** The path under which the v4 API is served, as at Cloudflare. */
  public static final String BASE_PATH = "/client/v4";

  /**
   * A token of the shape Cloudflare issues (40 letters, digits, '-' and '_'); any other shape is
   * refused as a malformed header.
   */
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{40}");

  /** A zone. */
  public record Zone(String id, String name, String accountId) {}

  /**
   * A DNS record as the fake keeps it, the content exactly as it was sent.
   *
   * @param id the record id
   * @param zoneId the zone
   * @param name the fully qualified name, lower case
   * @param type the record type
   * @param content the content as sent (TXT content keeps its quotes)
   * @param ttl 1 (automatic) or seconds
   * @param proxied whether proxied
   * @param comment the comment, or null
   * @param tags the tags, {@code name:value}
   */
  public record DnsRecord(String id, String zoneId, String name, String type, String content,
      int ttl, boolean proxied, String comment, List<String> tags) {}

  /**
   * An uploaded Worker.
   *
   * @param name the script name
   * @param mainModule the part named by the metadata's {@code main_module}
   * @param compatibilityDate the metadata's {@code compatibility_date}, or null
   * @param modules every uploaded part but the metadata: part name to content
   * @param contentTypes part name to the part's Content-Type
   * @param etag the hash of the content
   */
  public record Script(String name, String mainModule, String compatibilityDate,
      Map<String, String> modules, Map<String, String> contentTypes, String etag) {
    /**
     * Returns the source of the main module.
     *
     * @return the source
     */
    public String mainSource() {
      return modules.get(mainModule);
    }
  }

  /** A Workers custom domain: a host name whose requests go to a script. */
  public record CustomDomain(String id, String hostname, String service, String environment,
      String zoneId, String zoneName) {}

  /** What an API token may be allowed to do, as far as the fake tells them apart. */
  public enum Permission {
    /** Zone / Zone / Read: the zones endpoints. */
    ZONE_READ,
    /** Zone / DNS / Edit: the DNS records endpoints. */
    DNS_EDIT,
    /** Account / Workers Scripts / Edit: scripts and custom domains. */
    WORKERS_SCRIPTS_EDIT
  }

  private final MockWebServer server = new MockWebServer();
  private final String token;
  private final String accountId;
  private final FakeCloudflareDns dns;
  private final FakeCloudflareWorkers workers;
  private final List<String> requests = new ArrayList<>();
  private final List<Permission> denied = new ArrayList<>();
  private final List<MockResponse> injected = new ArrayList<>();
  private boolean dropNextCreate;
  private int failNextCreate;

  private FakeCloudflareApi(String token, String accountId) {
    this.token = token;
    this.accountId = accountId;
    this.dns = new FakeCloudflareDns(accountId);
    this.workers = new FakeCloudflareWorkers(accountId, dns);
  }

  /**
   * Starts the fake on a free port.
   *
   * @param bind the loopback address to listen on
   * @param token the only API token it accepts: 40 letters, digits, '-' and '_'
   * @param accountId the one account, 32 hexadecimal digits
   * @return the running fake
   * @throws IOException when it cannot listen
   */
  public static FakeCloudflareApi start(InetAddress bind, String token, String accountId)
      throws IOException {
    if (!TOKEN_SHAPE.matcher(token).matches() || !accountId.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("use a 40-character token and a 32-hex account id");
    }
    FakeCloudflareApi api = new FakeCloudflareApi(token, accountId);
    api.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return api.answer(request);
      }
    });
    api.server.start(bind, 0);
    return api;
  }

  /**
   * Returns the base URL to give the client instead of Cloudflare's.
   *
   * @return e.g. {@code http://127.0.30.1:41234/client/v4}
   */
  public String baseUrl() {
    return server.url(BASE_PATH).toString();
  }

  /**
   * Returns the account id.
   *
   * @return 32 hexadecimal digits
   */
  public String accountId() {
    return accountId;
  }

  /**
   * Adds an active zone to the account.
   *
   * @param name the zone's domain, such as {@code example.com}
   * @return the zone's id
   */
  public synchronized String addZone(String name) {
    return dns.addZone(name).id();
  }

  /**
   * Returns the zones of the account.
   *
   * @return in the order they were added
   */
  public synchronized List<Zone> zones() {
    return dns.zones();
  }

  /**
   * Adds a DNS record as someone editing the zone outside the program would (no comment, no
   * tags), without the checks of the API.
   *
   * @param zoneId the zone
   * @param name the fully qualified name
   * @param type the type, such as TXT
   * @param content the content as Cloudflare would keep it
   * @return the record
   */
  public synchronized DnsRecord addRecord(String zoneId, String name, String type, String content) {
    return dns.put(zoneId, name, type, content);
  }

  /**
   * Returns the DNS records of a zone.
   *
   * @param zoneId the zone
   * @return the records in creation order
   */
  public synchronized List<DnsRecord> records(String zoneId) {
    return dns.records(zoneId);
  }

  /**
   * Returns the uploaded scripts.
   *
   * @return script name to script
   */
  public synchronized Map<String, Script> scripts() {
    return workers.scripts();
  }

  /**
   * Returns an uploaded script.
   *
   * @param name the script name
   * @return the script, if uploaded
   */
  public synchronized Optional<Script> script(String name) {
    return Optional.ofNullable(workers.scripts().get(name));
  }

  /**
   * Returns the custom domains of the account.
   *
   * @return in attach order
   */
  public synchronized List<CustomDomain> customDomains() {
    return workers.customDomains();
  }

  /**
   * Returns every request received, as {@code METHOD PATH?QUERY} without the base path.
   *
   * @return in order of arrival
   */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * Answers the next requests with HTTP 429 and {@code Retry-After}, as Cloudflare does when
   * the rate limit is exceeded (documentation "Rate limits": 1200 requests per five minutes per
   * user; {@code retry-after} is "the number of seconds, rounded up, until more capacity is
   * available").
   *
   * @param count how many requests
   * @param retryAfterSeconds the header's value
   */
  public synchronized void rateLimitNext(int count, int retryAfterSeconds) {
    for (int i = 0; i < count; i++) {
      injected.add(new MockResponse.Builder(
          FakeCloudflareReply.failure(429, 971, "Please wait and consider throttling your request speed"))
          .addHeader("Retry-After", retryAfterSeconds)
          .build());
    }
  }

  /**
   * Answers the next requests with a server error, without doing anything.
   *
   * @param count how many requests
   * @param status the status, 500 to 599
   */
  public synchronized void failNext(int count, int status) {
    for (int i = 0; i < count; i++) {
      injected.add(FakeCloudflareReply.failure(status, 10002, "Unexpected internal server error"));
    }
  }

  /**
   * Answers the next request with this error, without doing anything.
   *
   * @param status the HTTP status
   * @param code the error code
   * @param message the error message
   */
  public synchronized void failNext(int status, int code, String message) {
    injected.add(FakeCloudflareReply.failure(status, code, message));
  }

  /**
   * Makes the next DNS record create take effect and then drops the connection before the
   * answer is sent: the record exists, the client sees a broken connection.
   */
  public synchronized void dropResponseToNextCreate() {
    dropNextCreate = true;
  }

  /**
   * Answers the next DNS record create with a server error, without creating the record.
   *
   * @param status the status, 500 to 599
   */
  public synchronized void failNextCreate(int status) {
    failNextCreate = status;
  }

  /**
   * Takes a permission away from the token.
   *
   * @param permission the permission
   */
  public synchronized void deny(Permission permission) {
    denied.add(permission);
  }

  private synchronized MockResponse answer(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    String relative = path.startsWith(BASE_PATH) ? path.substring(BASE_PATH.length()) : path;
    requests.add(request.getMethod() + " " + relative
        + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery()));
    Optional<MockResponse> refusal = authenticate(request.getHeaders().get("Authorization"));
    if (refusal.isPresent()) {
      return refusal.get();
    }
    if (!injected.isEmpty()) {
      return injected.remove(0);
    }
    if (!path.startsWith(BASE_PATH + "/")) {
      return noRoute(path);
    }
    String[] segments = relative.substring(1).split("/", -1);
    Optional<Permission> needed = permission(segments);
    if (needed.isPresent() && denied.contains(needed.get())) {
      return FakeCloudflareReply.failure(403, 10000, "Authentication error");
    }
    boolean create = request.getMethod().equals("POST") && segments.length == 3
        && segments[2].equals("dns_records");
    if (create && failNextCreate != 0) {
      int status = failNextCreate;
      failNextCreate = 0;
      return FakeCloudflareReply.failure(status, 10002, "Unexpected internal server error");
    }
    FakeCloudflareRequest call = new FakeCloudflareRequest(request, segments);
    Optional<MockResponse> answer = segments[0].equals("zones") ? dns.answer(call)
        : workers.answer(call);
    if (answer.isEmpty()) {
      return noRoute(path);
    }
    if (dropNextCreate && create && answer.get().getCode() == 200) {
      dropNextCreate = false;
      return new MockResponse.Builder(answer.get())
          .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
          .build();
    }
    return answer.get();
  }

  /**
   * The {@code api_token} scheme: {@code Authorization: Bearer TOKEN}. Cloudflare answers a
   * header it cannot read with 400, 6003 "Invalid request headers" and 6111 "Invalid format for
   * Authorization header" in the error chain, and a token it does not accept with 403.
   */
  private Optional<MockResponse> authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")
        || !TOKEN_SHAPE.matcher(authorization.substring("Bearer ".length())).matches()) {
      return Optional.of(FakeCloudflareReply.failure(400, 6003, "Invalid request headers",
          6111, "Invalid format for Authorization header"));
    }
    if (!authorization.substring("Bearer ".length()).equals(token)) {
      return Optional.of(FakeCloudflareReply.failure(403, 10000, "Authentication error"));
    }
    return Optional.empty();
  }

  private static Optional<Permission> permission(String[] segments) {
    if (segments[0].equals("zones")) {
      return Optional.of(segments.length > 2 && segments[2].equals("dns_records")
          ? Permission.DNS_EDIT : Permission.ZONE_READ);
    }
    if (segments[0].equals("accounts") && segments.length > 2 && segments[2].equals("workers")) {
      return Optional.of(Permission.WORKERS_SCRIPTS_EDIT);
    }
    return Optional.empty();
  }

  /** Cloudflare's answer to a path it has no route for (the failure example of common.yaml). */
  private static MockResponse noRoute(String path) {
    return FakeCloudflareReply.failure(400, 7003,
        "Could not route to " + path + ", perhaps your object identifier is invalid?");
  }

  @Override
  public void close() {
    server.close();
  }
}
