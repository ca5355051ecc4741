package io.github.mtasts.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mtasts.policy.Problem;
import java.util.List;
import java.util.Map;

/** The JSON shapes the commands print. */
final class Json {
  // HTML escaping would turn '=' in TXT values into \u003d.
  private static final Gson GSON =
      new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();

  private Json() {}

  static String print(JsonElement element) {
    return GSON.toJson(element);
  }

  /** {@code {"field","line","text","message"}}. */
  static JsonObject problem(Problem problem) {
    JsonObject out = new JsonObject();
    out.addProperty("field", problem.field());
    out.addProperty("line", problem.line());
    out.addProperty("text", problem.text());
    out.addProperty("message", problem.message());
    return out;
  }

  static JsonArray problems(List<Problem> problems) {
    JsonArray out = new JsonArray();
    problems.forEach(p -> out.add(problem(p)));
    return out;
  }

  static JsonArray strings(List<String> values) {
    JsonArray out = new JsonArray();
    values.forEach(out::add);
    return out;
  }

  static JsonObject object(Map<String, String> values) {
    JsonObject out = new JsonObject();
    values.forEach(out::addProperty);
    return out;
  }
}
