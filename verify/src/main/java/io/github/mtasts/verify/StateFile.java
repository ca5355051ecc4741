package io.github.mtasts.verify;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes what verifications saw, by domain, as JSON: {@code {"version": 1, "domains":
 * {"example.com": {"id": "...", "bodySha256": "..."}}}}. A later run given this file reports a
 * policy body that changed while the {@code _mta-sts} id did not.
 */
public final class StateFile {
  private static final int VERSION = 1;
  /** The largest state file read: an entry takes about 150 bytes, so some 100,000 domains. */
  static final long MAX_BYTES = 16 * InputFiles.MIB;

  private StateFile() {}

  /**
   * Reads a state file.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or is not a state file
   */
  public static Map<String, PolicyState> read(Path file) {
    String text = new String(InputFiles.read(file, MAX_BYTES, "state file"), StandardCharsets.UTF_8);
    try {
      JsonObject root = JsonParser.parseString(text).getAsJsonObject();
      if (!root.has("version") || root.get("version").getAsInt() != VERSION || !root.has("domains")) {
        throw new IllegalArgumentException("state file " + file + " is not a version " + VERSION
            + " state file: write it with --write-state (or the library's StateFile.write)");
      }
      Map<String, PolicyState> states = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> entry : root.getAsJsonObject("domains").entrySet()) {
        JsonObject state = entry.getValue().getAsJsonObject();
        states.put(DomainNames.normalize(entry.getKey()), new PolicyState(
            state.has("id") ? Optional.of(state.get("id").getAsString()) : Optional.empty(),
            state.get("bodySha256").getAsString()));
      }
      return states;
    } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
      throw new IllegalArgumentException("state file " + file + " is not valid JSON of a state file ("
          + e.getMessage() + "): write it with --write-state", e);
    }
  }

  /**
   * Writes states by domain (for example the {@link Report#observedState()} of each report).
   *
   * @param file the file to write
   * @param states the states, by domain
   */
  public static void write(Path file, Map<String, PolicyState> states) throws IOException {
    JsonObject domains = new JsonObject();
    states.forEach((domain, state) -> domains.add(domain, toJson(state)));
    JsonObject root = new JsonObject();
    root.addProperty("version", VERSION);
    root.add("domains", domains);
    Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n",
        StandardCharsets.UTF_8);
  }

  static JsonObject toJson(PolicyState state) {
    JsonObject json = new JsonObject();
    state.policyId().ifPresent(id -> json.addProperty("id", id));
    json.addProperty("bodySha256", state.bodySha256());
    return json;
  }
}
