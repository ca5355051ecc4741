package io.github.mtasts.provider.host;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.ProjectVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Pulumi package schema of {@code mtasts}: every resource, property, type and configuration
 * key with its description. The single source is the resource {@value #RESOURCE} of the plugin's
 * jar; only the version is filled in here, from the jar's manifest.
 */
public final class Schema {

  /** The package name: the {@code mtasts} of type tokens and configuration keys. */
  public static final String PACKAGE = "mtasts";

  private static final String RESOURCE = "/io/github/mtasts/provider/schema.json";

  private Schema() {}

  /** Read on first use: starting the plugin does not parse the schema, the first Check does. */
  private static final class Model {
    static final PackageSchema INSTANCE = PackageSchema.parse(resourceText());
  }

  /**
   * The inputs the schema declares, read once.
   *
   * @return the model of the package's inputs
   */
  public static PackageSchema model() {
    return Model.INSTANCE;
  }

  /**
   * The schema as JSON, with the running version.
   *
   * @return the schema text
   */
  public static String json() {
    return json(ProjectVersion.get());
  }

  /**
   * The schema as JSON, with a given version.
   *
   * @param version the package version to record
   * @return the schema text
   */
  public static String json(String version) {
    JsonObject schema = JsonParser.parseString(resourceText()).getAsJsonObject();
    JsonObject versioned = new JsonObject();
    // "name" first, then "version", as pulumi's own schemas read.
    versioned.add("name", schema.remove("name"));
    versioned.addProperty("version", version);
    schema.entrySet().forEach(entry -> versioned.add(entry.getKey(), entry.getValue()));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(versioned);
  }

  private static String resourceText() {
    try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
