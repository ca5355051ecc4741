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
 * with {@code Retry-After}), server errors (to the next requests, the next DNS record create or
 * the next call to the custom domains), an arbitrary error answer, and a connection dropped
 * after a DNS record was created, before the answer left.
 *
 * <p>Where this fake may differ from Cloudflare:
 *
 * <ul>
 *   <li>There is one account and one token, which reaches every zone of the fake; a token limited
 *       to some zones or accounts is not modelled, and the permissions are the three of {@link
 *       Permission}, each covering a whole group of endpoints. A token of another shape than 40
 *       letters, digits, '-' and '_', and a request without {@code Authorization}, are answered as
 *       a malformed header (400, 6003 with 6111, as quoted in issue threads); which tokens
 *       Cloudflare deems malformed, and what it answers a request without the header, are not
 *       taken from a source.
 *   <li>Rate limiting happens only when the test injects it, for the next requests whatever they
 *       are; the fake counts nothing, while Cloudflare allows 1200 requests per five minutes per
 *       user (docs "Rate limits"). The 429's body, code 971 "Please wait and consider throttling
 *       your request speed", is Cloudflare's as quoted in issue threads (users also quote "More
 *       than 1200 requests per 300 seconds reached"), not from the description.
 *   <li>Injected server errors carry the v4 envelope with code 10002 "Unexpected internal server
 *       error"; what Cloudflare's 5xx answers hold is not taken from a source. A dropped
 *       connection is modelled only after a successful DNS record create; the injected faults
 *       come after the token check and answer any path, but for those aimed at DNS record
 *       creates or custom domain calls.
 *   <li>Paging: zones take {@code per_page} 5 to 50 (20 unless given) and DNS records 1 to
 *       5,000,000 (100 unless given), and other values are refused with code 1001, a code and
 *       message of the fake's own. The custom domains list is one page without {@code
 *       result_info}. Query parameters the fake does not know (such as {@code match=any} or
 *       another {@code order}) are ignored, neither honoured nor refused; records are ordered by
 *       type, then in creation order, and how Cloudflare orders records of one type is
 *       unknown.
 *   <li>Zones are all {@code active} from the moment they are added (no pending zone, no
 *       name-server check), their answer holds only {@code id}, {@code name}, {@code status} and
 *       {@code account}, and the {@code name} filter knows only equality.
 *   <li>Only A, AAAA, CNAME and TXT records can be written (Cloudflare has other types, such as
 *       MX); A and AAAA content is not checked to be an address, and a name only to be at most
 *       255 characters and in the zone (no label rules, no Punycode conversion). A refusal is
 *       1004 "DNS Validation Error" with an {@code error_chain}, the shape Cloudflare's
 *       documentation shows; the codes in the chain (9000, 9004, 9005, 9021, 9102, 9103) and
 *       their messages name no source, and Cloudflare's may differ.
 *   <li>Duplicates and conflicts: an identical record is refused with 81057 only (Cloudflare is
 *       also quoted answering 81058 "An identical record already exists."), a CNAME and an A,
 *       AAAA or CNAME record of one name with 81053, both as quoted in issue threads; a CNAME
 *       beside TXT or other records of the same name is accepted, and whether Cloudflare accepts
 *       it is unknown. An unknown record id answers 404 with 81044 "Record does not exist.",
 *       which names no source.
 *   <li>TTL is 1 (automatic) or 60 to 86400 seconds; the 30-second minimum of Enterprise zones is
 *       not modelled. {@link CloudflareDnsFront} serves an automatic TTL as 300 seconds, the value
 *       users report; the description says only "1 means automatic".
 *   <li>TXT content is kept and returned exactly as sent: not checked to be quoted
 *       character-strings, not split at 255 bytes, no quotes added or removed. Cloudflare's
 *       description says the content must consist of quoted character-strings of up to 255 bytes
 *       each and that longer strings are split automatically; whether Cloudflare returns the
 *       content quoted as it was sent is not taken from a source (the client reads both forms).
 *   <li>Comments are refused over 100 characters on every zone (the Free plan's limit; paid
 *       plans allow 500, docs "Plans"), and tags are accepted on every zone, though docs "Plans"
 *       gives tags to paid plans only; what a Free zone answers a record with tags is unknown. A
 *       {@code null} comment in a PATCH keeps the comment; what Cloudflare does with it is not
 *       taken from a source. The {@code comment} filter is an exact, case-insensitive match and
 *       the {@code tag} filter takes {@code name} or {@code name:value}; no other comment or tag
 *       filter is modelled.
 *   <li>Every change is visible at once: {@link CloudflareDnsFront} answers from the fake's state
 *       at the moment of the query, and {@link WorkersEdge} runs a script from the first request
 *       after its upload, as if Cloudflare's API answered only once a change is live everywhere.
 *       How soon every one of Cloudflare's DNS servers and edge locations serves a change, and
 *       how soon a script download returns the last upload, the description does not say.
 *   <li>A script upload checks only the multipart form, the metadata's JSON and that {@code
 *       main_module} names an uploaded part: the JavaScript is not parsed, no size limit, binding
 *       or {@code compatibility_date} is checked ({@link Workerd} checks the date's form when the
 *       edge first runs the script), and no script versions or deployments are modelled: an
 *       upload is the deployment. The answer holds only {@code id}, {@code etag} (a SHA-256 of
 *       the fake's own, not Cloudflare's) and {@code usage_model}. The messages of the 10021
 *       refusals are the fake's own, but for a missing metadata part, where the fake gives
 *       Cloudflare's wording.
 *   <li>A script download is always a multipart form of the uploaded parts with their content
 *       types; Cloudflare may also answer the module itself. Deleting a script removes its custom
 *       domains; the description says nothing of what becomes of them, nor whether Cloudflare
 *       refuses to delete a script that has some.
 *   <li>A custom domain is attached and served at once, with no DNS record added to the zone's
 *       records: {@link CloudflareDnsFront} answers its host name with the edge's address
 *       instead, and the edge's certificate, from a test CA, names every host from the start.
 *       Cloudflare creates the DNS record and issues the certificate (docs "Custom Domains"), the
 *       certificate possibly minutes later. The refusals 100116 and 100117 are Cloudflare's as
 *       quoted in issue threads, 100117 only for A, AAAA or CNAME records at the very host name;
 *       no source is named for 100103 "Zone not found" nor for 100101, a host name outside the
 *       zone. The option {@code override_existing_origin}, which the 100116 message names, is
 *       ignored. Attaching a host name again to the same script answers the existing domain,
 *       which no source documents.
 *   <li>{@link WorkersEdge} reaches a Worker through its custom domains only, answers 530 when a
 *       host has no custom domain or its script is missing (what Cloudflare answers then is not
 *       taken from a source), forwards the request's headers adding none of its own but {@code
 *       Host}, and listens on one high port instead of 443. {@link CloudflareDnsFront} answers a
 *       custom domain or proxied name with one IPv4 address and no AAAA record, where Cloudflare
 *       answers with its anycast addresses.
 * </ul>
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
  private int failNextCustomDomainCall;

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
   * Answers the next call to the Workers custom domains (list, attach or detach) with a server
   * error, without doing anything.
   *
   * @param status the status, 500 to 599
   */
  public synchronized void failNextCustomDomainCall(int status) {
    failNextCustomDomainCall = status;
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
    if (failNextCustomDomainCall != 0 && segments.length >= 4 && segments[0].equals("accounts")
        && segments[2].equals("workers") && segments[3].equals("domains")) {
      int status = failNextCustomDomainCall;
      failNextCustomDomainCall = 0;
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
