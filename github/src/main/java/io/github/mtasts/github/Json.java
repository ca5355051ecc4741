package io.github.mtasts.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** Reads optional members of GitHub's JSON objects, where absent and {@code null} mean the same. */
final class Json {

  private Json() {}

  static Optional<String> string(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value == null || !value.isJsonPrimitive() ? Optional.empty()
        : Optional.of(value.getAsString());
  }

  static boolean bool(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value != null && value.isJsonPrimitive() && value.getAsBoolean();
  }

  static Optional<Boolean> optionalBool(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value == null || !value.isJsonPrimitive() ? Optional.empty()
        : Optional.of(value.getAsBoolean());
  }

  static JsonObject object(JsonObject object, String member) {
    JsonElement value = object.get(member);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
  }

  /** A required string member; a missing one means GitHub answered something unexpected. */
  static String required(JsonObject object, String member, String operation) {
    return string(object, member).orElseThrow(() -> new GitHubException(operation
        + ": GitHub's answer has no '" + member + "'; is githubApiBaseUrl the REST API's base URL?"));
  }
}
