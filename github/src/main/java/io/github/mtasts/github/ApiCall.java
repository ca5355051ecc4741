package io.github.mtasts.github;

import com.google.gson.JsonObject;
import okhttp3.HttpUrl;

/**
 * One request to the REST API.
 *
 * @param operation what the request does, for messages, e.g. {@code "read the Pages site of
 *     example-org/mta-sts (repos/get-pages)"}
 * @param method the HTTP method
 * @param url the absolute URL
 * @param body the JSON body, or null
 * @param idempotent whether sending it twice has the effect of sending it once, so that it may be
 *     retried after a server error or a lost connection
 * @param conditional whether to send {@code If-None-Match} with the ETag of the last answer to
 *     the same URL ("Best practices for using the REST API": a 304 does not count against the
 *     primary rate limit)
 */
record ApiCall(String operation, String method, HttpUrl url, JsonObject body, boolean idempotent,
    boolean conditional) {

  /** A GET, retried on server errors, not conditional. */
  static ApiCall get(String operation, HttpUrl url) {
    return new ApiCall(operation, "GET", url, null, true, false);
  }

  /** A write with a JSON body (or none). */
  static ApiCall write(String operation, String method, HttpUrl url, JsonObject body,
      boolean idempotent) {
    return new ApiCall(operation, method, url, body, idempotent, false);
  }

  /** This call, sent with the ETag of the previous answer to the same URL. */
  ApiCall conditionally() {
    return new ApiCall(operation, method, url, body, idempotent, true);
  }
}
