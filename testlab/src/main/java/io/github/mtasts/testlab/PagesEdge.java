package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;

/**
 * Serves the Pages sites of a {@link FakeGitHubApi} on loopback the way GitHub Pages serves a
 * site published from a branch, over HTTP and HTTPS:
 *
 * <ul>
 *   <li>a request for a host is served from the repository whose Pages site has that custom
 *       domain, and only when the published branch's {@code CNAME} file names it ("Managing a
 *       custom domain for your GitHub Pages site": the custom domain is kept in a {@code CNAME}
 *       file at the root of the publishing source); otherwise 404;
 *   <li>files come from the published branch's head and folder; without a {@code .nojekyll} file
 *       at its root, Jekyll builds the site and leaves out files and folders whose name starts
 *       with {@code .}, {@code _} or {@code #} or ends with {@code ~} ("About GitHub Pages and
 *       Jekyll"), so {@code .well-known/} is not served;
 *   <li>over HTTP, a site with enforced HTTPS answers 301 to the same URL over HTTPS ("Securing
 *       your GitHub Pages site with HTTPS": "transparently redirect all HTTP requests to HTTPS");
 *   <li>over HTTPS, the certificate for the custom domain (from the test CA) is presented only once
 *       the fake says it is approved; before that, the server presents a certificate for
 *       {@code *.github.io}, as GitHub Pages does for a name it has no certificate for;
 *   <li>{@code .txt} files are {@code text/plain; charset=utf-8}.
 * </ul>
 *
 * <p>The site is the branch's head at the time of each request: the build that GitHub runs
 * after a push, and its delay, are not modelled.
 */
public final class PagesEdge implements AutoCloseable {

  /** The name of the certificate GitHub Pages serves when it has none for the requested name. */
  public static final String DEFAULT_CERTIFICATE_NAME = "*.github.io";

  /**
   * One answer the edge gave.
   *
   * @param host the requested host
   * @param path the request path
   * @param https whether the request came over HTTPS
   * @param status the HTTP status
   */
  public record Served(String host, String path, boolean https, int status) {}

  private final FakeGitHubApi api;
  private final TestPki pki;
  private final MockWebServer https = new MockWebServer();
  private final MockWebServer http = new MockWebServer();
  private final Map<String, HeldCertificate> certificates = new ConcurrentHashMap<>();
  private final List<Served> served = new CopyOnWriteArrayList<>();
  private volatile BiConsumer<String, String> onServe = (host, body) -> { };

  private PagesEdge(FakeGitHubApi api, TestPki pki) {
    this.api = api;
    this.pki = pki;
  }

  /**
   * Starts the edge's HTTPS and HTTP servers.
   *
   * @param bind the loopback address both listen on
   * @param httpsPort the port standing for 443
   * @param httpPort the port standing for 80
   * @param api the fake whose repositories and Pages sites are served
   * @param pki the test CA that issues the custom domains' certificates
   * @return the running edge
   * @throws IOException when a port cannot be bound
   */
  public static PagesEdge start(InetAddress bind, int httpsPort, int httpPort, FakeGitHubApi api,
      TestPki pki) throws IOException {
    if (!bind.isLoopbackAddress()) {
      throw new IllegalArgumentException("the Pages edge listens on loopback only, not " + bind);
    }
    PagesEdge edge = new PagesEdge(api, pki);
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(new KeyManager[] {new SniKeyManager(edge::aliasFor, edge.certificates::get, pki.root.certificate())},
          null, null);
      edge.https.useHttps(tls.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up the edge's TLS: " + e, e);
    }
    edge.https.setDispatcher(edge.dispatcher(true));
    edge.http.setDispatcher(edge.dispatcher(false));
    edge.https.start(bind, httpsPort);
    edge.http.start(bind, httpPort);
    return edge;
  }

  /**
   * Returns every answer so far.
   *
   * @return the answers, oldest first
   */
  public List<Served> served() {
    return List.copyOf(served);
  }

  /**
   * Calls an observer each time a file is served with 200, with the host and the body as UTF-8
   * text, before the answer leaves: a test can record what DNS said at that moment.
   *
   * @param observer called with the host and the body
   */
  public void onServe(BiConsumer<String, String> observer) {
    this.onServe = observer;
  }

  private Dispatcher dispatcher(boolean overHttps) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String host = request.getUrl().host().toLowerCase(Locale.ROOT);
        String path = request.getUrl().encodedPath();
        MockResponse response = serve(host, path, overHttps, request);
        served.add(new Served(host, path, overHttps, response.getCode()));
        return response;
      }
    };
  }

  private MockResponse serve(String host, String path, boolean overHttps,
      RecordedRequest request) {
    Optional<String> repository = api.repositoryServing(host);
    if (repository.isEmpty()) {
      return notFound();
    }
    String owner = repository.get().substring(0, repository.get().indexOf('/'));
    String name = repository.get().substring(owner.length() + 1);
    FakePagesSite site = api.pages(owner, name).orElseThrow();
    Map<String, byte[]> files = api.files(owner, name, site.branch());
    String folder = "/".equals(site.path()) ? "" : site.path().substring(1) + "/";
    byte[] cnameFile = files.get(folder + "CNAME");
    if (cnameFile == null || !new String(cnameFile, StandardCharsets.UTF_8).strip()
        .equalsIgnoreCase(host)) {
      return notFound();
    }
    if (!overHttps && site.httpsEnforced()) {
      return new MockResponse.Builder().code(301)
          .addHeader("Location", "https://" + host + request.getUrl().encodedPath())
          .addHeader("Content-Type", "text/html").body("<html>301 Moved Permanently</html>")
          .build();
    }
    String file = URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
    if (file.isEmpty() || file.endsWith("/")) {
      file += "index.html";
    }
    boolean jekyll = !files.containsKey(folder + ".nojekyll");
    if (jekyll && Arrays.stream(file.split("/")).anyMatch(segment -> segment.startsWith(".")
        || segment.startsWith("_") || segment.startsWith("#") || segment.endsWith("~"))) {
      return notFound();
    }
    byte[] content = files.get(folder + file);
    if (content == null) {
      return notFound();
    }
    onServe.accept(host, new String(content, StandardCharsets.UTF_8));
    return new MockResponse.Builder().code(200)
        .addHeader("Content-Type", contentType(file))
        .addHeader("Cache-Control", "max-age=600")
        .body(new Buffer().write(content))
        .build();
  }

  private static String contentType(String file) {
    if (file.endsWith(".txt")) {
      return "text/plain; charset=utf-8";
    }
    if (file.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    return "application/octet-stream";
  }

  private static MockResponse notFound() {
    return new MockResponse.Builder().code(404).addHeader("Content-Type", "text/html")
        .body("<html>404 File not found</html>").build();
  }

  /**
   * The alias of the certificate for a requested name, made on first use: the custom domain's
   * once approved, else github.io's.
   */
  private String aliasFor(String sni) {
    String name = sni == null ? "" : sni.toLowerCase(Locale.ROOT);
    boolean issued = !name.isEmpty() && api.repositoryServing(name).flatMap(full ->
        api.pages(full.substring(0, full.indexOf('/')), full.substring(full.indexOf('/') + 1)))
        .map(FakePagesSite::certificateIssued).orElse(false);
    String alias = issued ? name : DEFAULT_CERTIFICATE_NAME;
    certificates.computeIfAbsent(alias, pki::certificate);
    return alias;
  }

  @Override
  public void close() {
    https.close();
    http.close();
  }
}
