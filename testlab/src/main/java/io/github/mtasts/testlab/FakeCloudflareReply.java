package io.github.mtasts.testlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import mockwebserver3.MockResponse;

/**
 * The answers of {@link FakeCloudflareApi}, in Cloudflare's v4 envelope.
 *
 * <p>Shapes from the published OpenAPI description (components {@code api-response-common},
 * {@code api-response-common-failure} and {@code api-response-collection} of the schemas'
 * {@code common.yaml}): every answer carries {@code success}, {@code errors} and {@code
 * messages}; a failure has at least one error of {@code code} (an integer of at least 1000) and
 * {@code message}, and {@code result: null}; a list adds {@code result_info} with {@code page},
 * {@code per_page}, {@code count}, {@code total_count} and {@code total_pages}.
 */
final class FakeCloudflareReply {

  private FakeCloudflareReply() {}

  /** A successful answer with the given result. */
  static MockResponse success(JsonElement result) {
    return json(200, envelope(true, new JsonArray(), result));
  }

  /** A successful page of a list, with {@code result_info}. */
  static MockResponse page(JsonArray items, int page, int perPage, int totalCount) {
    JsonObject body = envelope(true, new JsonArray(), items);
    JsonObject info = new JsonObject();
    info.addProperty("page", page);
    info.addProperty("per_page", perPage);
    info.addProperty("count", items.size());
    info.addProperty("total_count", totalCount);
    info.addProperty("total_pages", Math.max(1, (totalCount + perPage - 1) / perPage));
    body.add("result_info", info);
    return json(200, body);
  }

  /** A failure with one error. */
  static MockResponse failure(int status, int code, String message) {
    return json(status, envelope(false, errors(code, message), JsonNull.INSTANCE));
  }

  /** A failure whose error carries an {@code error_chain}, as the header checks answer. */
  static MockResponse failure(int status, int code, String message, int causeCode, String cause) {
    JsonArray errors = errors(code, message);
    errors.get(0).getAsJsonObject().add("error_chain", errors(causeCode, cause));
    return json(status, envelope(false, errors, JsonNull.INSTANCE));
  }

  static JsonObject envelope(boolean success, JsonArray errors, JsonElement result) {
    JsonObject body = new JsonObject();
    body.add("result", result);
    body.addProperty("success", success);
    body.add("errors", errors);
    body.add("messages", new JsonArray());
    return body;
  }

  private static JsonArray errors(int code, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    JsonArray errors = new JsonArray();
    errors.add(error);
    return errors;
  }

  private static MockResponse json(int status, JsonObject body) {
    return new MockResponse.Builder().code(status)
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }
}
