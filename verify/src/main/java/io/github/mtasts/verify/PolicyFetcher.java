package io.github.mtasts.verify;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.X509ExtendedTrustManager;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.TlsVersion;
import okio.BufferedSource;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} the way RFC 8461 §3.3 asks of
 * a sender: TLS 1.2 or newer with SNI, PKIX validation and a host name check (OkHttp's
 * defaults, never relaxed), no redirects, no proxy, bounded size and time.
 */
final class PolicyFetcher {
  /** RFC 8461 §3.3 suggests senders read at most 64 KiB of a policy; more is not read. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  /** RFC 8461 §3.3: the policy's path on the policy host. */
  static final String WELL_KNOWN_PATH = "/.well-known/mta-sts.txt";

  private final OkHttpClient base;
  private final X509ExtendedTrustManager anchors;
  private final int port;

  PolicyFetcher(X509ExtendedTrustManager anchors, VerifyOptions options) {
    this.anchors = anchors;
    this.port = options.httpsPort();
    this.base = new OkHttpClient.Builder()
        // RFC 8461 §3.3: HTTP 3xx redirects must not be followed (and HTTP caching must not be
        // used: this client has no cache).
        .followRedirects(false)
        .followSslRedirects(false)
        // A sender connects to the policy host itself.
        .proxy(Proxy.NO_PROXY)
        // RFC 8461 §7.2 and RFC 8996: TLS 1.2 or newer only; no cleartext fallback.
        .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
            .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2)
            .build()))
        .retryOnConnectionFailure(false)
        // Each verification is self-contained: no connection outlives its fetch.
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
        .connectTimeout(options.connectTimeout())
        .readTimeout(options.readTimeout())
        .writeTimeout(options.readTimeout())
        .callTimeout(options.fetchTimeout())
        .socketFactory(NoDelaySockets.INSTANCE)
        .build();
  }

  /** The URL of the policy of {@code domain}. */
  HttpUrl url(String domain) {
    return new HttpUrl.Builder()
        .scheme("https")
        .host("mta-sts." + domain)
        .port(port)
        .encodedPath(WELL_KNOWN_PATH)
        .build();
  }

  /**
   * Fetches the policy of one domain.
   *
   * @param domain the normalised mail domain
   * @param dns the verification's resolver
   */
  FetchResult fetch(String domain, Dns dns) {
    HttpUrl url = url(domain);
    // A fresh TLS context per fetch: the chain is recorded for this connection only, and no
    // session is resumed from an earlier verification (which would skip validation).
    ObservingTrustManager trust = new ObservingTrustManager(anchors, true);
    OkHttpClient client = base.newBuilder()
        .dns(dns)
        .sslSocketFactory(trust.newContext().getSocketFactory(), trust)
        .build();
    Request request = new Request.Builder().url(url).header("User-Agent", "mtasts-verify").build();
    try (Response response = client.newCall(request).execute()) {
      Handshake handshake = response.handshake();
      ResponseBody body = response.body();
      BufferedSource source = body.source();
      // Ask for one byte more than the limit: if it arrives, the body is too large, and
      // nothing beyond it is read.
      boolean tooLarge = source.request(MAX_BODY_BYTES + 1L);
      long available = Math.min(source.getBuffer().size(), MAX_BODY_BYTES);
      byte[] bytes = source.getBuffer().readByteArray(available);
      return new FetchResult(url.toString(), null, null, response.code(), response.headers(), bytes, tooLarge,
          handshake == null ? null : handshake.tlsVersion().javaName(),
          handshake == null ? null : handshake.cipherSuite().javaName(),
          trust.chain(), null);
    } catch (IOException e) {
      return failure(url, e, trust);
    }
  }

  private static FetchResult failure(HttpUrl url, IOException e, ObservingTrustManager trust) {
    FetchResult.Failure kind;
    String message;
    if (trust.failure() != null) {
      kind = FetchResult.Failure.CERT_CHAIN;
      message = trust.failure().getMessage();
    } else if (e instanceof SSLPeerUnverifiedException) {
      kind = FetchResult.Failure.CERT_NAME;
      message = e.getMessage();
    } else if (e instanceof SSLException) {
      kind = FetchResult.Failure.TLS;
      message = "TLS handshake failed: " + e.getMessage();
    } else if (e instanceof UnknownHostException) {
      kind = FetchResult.Failure.RESOLVE;
      message = e.getMessage();
    } else if (e instanceof InterruptedIOException) {
      kind = FetchResult.Failure.CONNECT;
      message = "timed out (" + e.getMessage() + ")";
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      kind = FetchResult.Failure.CONNECT;
      message = "cannot connect: " + e.getMessage();
    } else {
      kind = FetchResult.Failure.CONNECT;
      message = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new FetchResult(url.toString(), kind, message, 0, null, null, false, null, null,
        trust.chain(), trust.failure());
  }
}
