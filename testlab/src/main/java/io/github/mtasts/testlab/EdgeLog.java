package io.github.mtasts.testlab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * What a stand-in for a CDN's edge ({@link CloudFrontEdge}, {@link WorkersEdge}) answered, and
 * the refusals it gives when a request reaches no correctly deployed site.
 */
final class EdgeLog {

  private final List<EdgeAnswer> answers = new CopyOnWriteArrayList<>();
  private final List<String> refusals = new CopyOnWriteArrayList<>();

  List<EdgeAnswer> answers() {
    return List.copyOf(answers);
  }

  List<String> refusals() {
    return List.copyOf(refusals);
  }

  void served(String host, String path, int status, String body) {
    answers.add(new EdgeAnswer(host, path, status, body));
  }

  /**
   * Refuses a request whose SNI name differs from its Host: an edge picks the site by the name
   * the TLS handshake named (HTTP 421, Misdirected Request).
   */
  Optional<MockResponse> misdirected(RecordedRequest request) {
    String sni = request.getHandshakeServerNames().isEmpty() ? ""
        : request.getHandshakeServerNames().get(0).toLowerCase(Locale.ROOT);
    String host = host(request);
    if (host.equals(sni)) {
      return Optional.empty();
    }
    return Optional.of(refuse(host, request.getUrl().encodedPath(), 421,
        "SNI name '" + sni + "' differs from Host '" + host + "'"));
  }

  /** The requested host name: the Host header, or {@code :authority} over HTTP/2. */
  static String host(RecordedRequest request) {
    return request.getUrl().host().toLowerCase(Locale.ROOT);
  }

  MockResponse refuse(String host, String path, int status, String reason) {
    refusals.add(host + path + ": " + reason);
    served(host, path, status, "");
    return new MockResponse.Builder().code(status)
        .addHeader("Content-Type", "text/plain; charset=utf-8").body(reason).build();
  }
}
