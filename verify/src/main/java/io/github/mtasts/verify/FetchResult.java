package io.github.mtasts.verify;

import java.security.cert.X509Certificate;
import java.util.List;
import okhttp3.Headers;

/**
 * What the HTTPS fetch of a policy saw: either a failure before a response (with its kind) or
 * the response's status, headers and at most {@link PolicyFetcher#MAX_BODY_BYTES} of its body.
 */
record FetchResult(
    String url,
    Failure failure,
    String failureMessage,
    int status,
    Headers headers,
    byte[] body,
    boolean bodyTooLarge,
    String tlsVersion,
    String cipherSuite,
    List<X509Certificate> chain,
    Throwable chainFailure) {

  /** Why no response was read. */
  enum Failure {
    /** The host name did not resolve. */
    RESOLVE,
    /** No TCP connection, or the fetch ran out of time. */
    CONNECT,
    /** The TLS handshake failed for a reason other than the certificate. */
    TLS,
    /** The certificate chain failed PKIX validation. */
    CERT_CHAIN,
    /** The certificate is not valid for the policy host. */
    CERT_NAME
  }

  FetchResult {
    chain = List.copyOf(chain);
  }

  boolean failed() {
    return failure != null;
  }
}
