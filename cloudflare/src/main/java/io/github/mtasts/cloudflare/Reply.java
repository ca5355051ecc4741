package io.github.mtasts.cloudflare;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One answer of the API: its status, Content-Type and body, read as Cloudflare's envelope (the
 * {@code api-response-common} schema: {@code success}, {@code errors}, {@code messages}, {@code
 * result}, and {@code result_info} for lists) when the body is JSON.
 */
final class Reply {
  private final int status;
  private final String contentType;
  private final byte[] body;
  private final String retryAfter;
  private final JsonObject envelope;

  Reply(int status, String contentType, byte[] body, String retryAfter) {
    this.status = status;
    this.contentType = contentType == null ? "" : contentType;
    this.body = body;
    this.retryAfter = retryAfter;
    this.envelope = parse(body);
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }

  /**
   * The {@code Retry-After} of the answer in seconds: documentation "Rate limits" says Cloudflare
   * sends "the number of seconds, rounded up, until more capacity is available" with a 429.
   */
  Optional<java.time.Duration> retryAfter() {
    if (retryAfter == null || !retryAfter.strip().matches("\\d{1,6}")) {
      return Optional.empty();
    }
    return Optional.of(java.time.Duration.ofSeconds(Long.parseLong(retryAfter.strip())));
  }

  /** The envelope's {@code result}, or JSON null when the body has none. */
  JsonElement result() {
    return envelope != null && envelope.has("result") ? envelope.get("result")
        : com.google.gson.JsonNull.INSTANCE;
  }

  /** The {@code result_info.total_pages} of a list, when Cloudflare gave it. */
  Optional<Integer> totalPages() {
    if (envelope == null || !envelope.has("result_info") || !envelope.get("result_info").isJsonObject()) {
      return Optional.empty();
    }
    JsonObject info = envelope.getAsJsonObject("result_info");
    return info.has("total_pages") ? Optional.of(info.get("total_pages").getAsInt()) : Optional.empty();
  }

  /** Whether the answer is a success: a 2xx whose envelope, if any, does not say otherwise. */
  boolean succeeded() {
    return status / 100 == 2 && (envelope == null || !envelope.has("success")
        || envelope.get("success").getAsBoolean());
  }

  /** The envelope's {@code errors}, each message passed through {@code redact}. */
  List<CloudflareError> errors(ApiToken token) {
    List<CloudflareError> errors = new ArrayList<>();
    if (envelope != null && envelope.has("errors") && envelope.get("errors").isJsonArray()) {
      JsonArray array = envelope.getAsJsonArray("errors");
      for (JsonElement element : array) {
        if (element.isJsonObject()) {
          JsonObject error = element.getAsJsonObject();
          int code = error.has("code") ? error.get("code").getAsInt() : 0;
          String message = error.has("message") ? error.get("message").getAsString() : "";
          // The header checks (6003) name the real problem in their error chain (6111).
          if (error.has("error_chain") && error.get("error_chain").isJsonArray()) {
            for (JsonElement cause : error.getAsJsonArray("error_chain")) {
              if (cause.isJsonObject() && cause.getAsJsonObject().has("message")) {
                message += " (" + cause.getAsJsonObject().get("code").getAsInt() + " "
                    + cause.getAsJsonObject().get("message").getAsString() + ")";
              }
            }
          }
          errors.add(new CloudflareError(code, token.redact(message)));
        }
      }
    }
    return errors;
  }

  private static JsonObject parse(byte[] body) {
    try {
      JsonElement element = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      return null;
    }
  }
}
