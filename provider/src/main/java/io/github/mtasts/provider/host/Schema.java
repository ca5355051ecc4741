package io.github.mtasts.provider.host;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.ProjectVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The Pulumi package schema of {@code mtasts}: every resource, property, type and configuration
 * key with its description. The single source is the resource {@value #RESOURCE} of the
 * plugin's jar; only what the build decides is filled in here: the version, from the jar's manifest, and
 * the plugin's download URL, from {@code build.properties} (the build's
 * {@code mtasts.pluginDownloadURL}), left out when the build sets none.
 */
public final class Schema {

  /** The package name: the {@code mtasts} of type tokens and configuration keys. */
  public static final String PACKAGE = "mtasts";

  private static final String RESOURCE = "/io/github/mtasts/provider/schema.json";
  private static final String BUILD = "/io/github/mtasts/provider/build.properties";

  private Schema() {}

  /** Read on first use: starting the plugin does not parse the schema, the first Check does. */
  private static final class Model {
    static final PackageSchema INSTANCE = PackageSchema.parse(resourceText(RESOURCE));
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
   * The schema as JSON, with a given version and the build's download URL.
   *
   * @param version the package version to record
   * @return the schema text
   */
  public static String json(String version) {
    JsonObject schema = JsonParser.parseString(resourceText(RESOURCE)).getAsJsonObject();
    JsonObject versioned = new JsonObject();
    // "name" first, then "version", as pulumi's own schemas read.
    versioned.add("name", schema.remove("name"));
    versioned.addProperty("version", version);
    String downloadUrl = pluginDownloadUrl();
    if (!downloadUrl.isEmpty()) {
      versioned.addProperty("pluginDownloadURL", downloadUrl);
    }
    schema.entrySet().forEach(entry -> versioned.add(entry.getKey(), entry.getValue()));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(versioned);
  }

  /**
   * Where the engine may download this plugin, as the build set it.
   *
   * @return a URL, or the empty string when the build set none
   */
  public static String pluginDownloadUrl() {
    Properties build = new Properties();
    try {
      build.load(new StringReader(resourceText(BUILD)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build.getProperty("pluginDownloadURL", "").strip();
  }

  private static String resourceText(String name) {
    try (InputStream in = Schema.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
