package io.github.mtasts.testlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of {@link FakeGitHubApi}: a status, a JSON body and headers, and the error shapes of
 * GitHub's OpenAPI description: {@code basic-error} ({@code message}, {@code documentation_url},
 * {@code status}) and {@code validation-error} (422 "Validation Failed" with {@code errors} of
 * {@code resource}, {@code field}, {@code code} and {@code message}).
 */
final class FakeGitHubReply {

  private static final String DOCS = "https://docs.github.com/rest";

  private final int status;
  private final JsonElement body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private FakeGitHubReply(int status, JsonElement body) {
    this.status = status;
    this.body = body;
  }

  /** An answer with this status and body (null for none). */
  static FakeGitHubReply of(int status, JsonElement body) {
    return new FakeGitHubReply(status, body);
  }

  /** A {@code basic-error} answer. */
  static FakeGitHubReply error(int status, String message) {
    JsonObject json = errorBody(message);
    json.addProperty("status", Integer.toString(status));
    return of(status, json);
  }

  /** A {@code validation-error}: 422 "Validation Failed" with one error. */
  static FakeGitHubReply validation(String resource, String field, String code, String message) {
    return withErrors(errorBody("Validation Failed"), resource, field, code, message);
  }

  /** A 422 whose message is {@code message}, with one error of code "custom". */
  static FakeGitHubReply custom(String message, String resource, String field, String detail) {
    return withErrors(errorBody(message), resource, field, "custom", detail);
  }

  private static FakeGitHubReply withErrors(JsonObject json, String resource, String field,
      String code, String message) {
    JsonArray errors = new JsonArray();
    JsonObject error = new JsonObject();
    error.addProperty("resource", resource);
    error.addProperty("field", field);
    error.addProperty("code", code);
    error.addProperty("message", message);
    errors.add(error);
    json.add("errors", errors);
    return of(422, json);
  }

  private static JsonObject errorBody(String message) {
    JsonObject json = new JsonObject();
    json.addProperty("message", message);
    json.addProperty("documentation_url", DOCS);
    return json;
  }

  /** Adds a header; returns this answer. */
  FakeGitHubReply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  JsonElement body() {
    return body;
  }

  Map<String, String> headers() {
    return headers;
  }

  /** A member's string value, or null when it is absent or JSON null. */
  static String string(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  /** A member's boolean value; false when it is absent or JSON null. */
  static boolean bool(JsonObject json, String member) {
    JsonElement value = json.get(member);
    return value != null && !value.isJsonNull() && value.getAsBoolean();
  }
}
