package io.github.mtasts.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Optional;
import okhttp3.Headers;

/**
 * One answer of the REST API.
 *
 * @param status the HTTP status (200 for a 304 answered from the ETag cache)
 * @param headers the response headers
 * @param body the JSON body, {@link JsonNull} when empty or not JSON
 * @param text the body as text, for errors that are not JSON
 */
record ApiResponse(int status, Headers headers, JsonElement body, String text) {

  boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The body as an object; an empty object when it is something else. */
  JsonObject object() {
    return body.isJsonObject() ? body.getAsJsonObject() : new JsonObject();
  }

  /** GitHub's error message (the {@code message} of basic-error and validation-error), or "". */
  String message() {
    return Json.string(object(), "message").orElse(text.length() > 200 ? text.substring(0, 200)
        : text);
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }
}
