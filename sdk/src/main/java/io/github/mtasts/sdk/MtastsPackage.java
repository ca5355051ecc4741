package io.github.mtasts.sdk;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.CustomResourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.annotation.Nullable;

/**
 * The Pulumi package the SDK classes belong to: its name and version, which tell the engine
 * which provider plugin ({@code pulumi-resource-mtasts} at that version) serves them.
 *
 * <p>Both come from the plugin descriptor {@value #DESCRIPTOR} on the class path. The Java
 * language host runs {@code com.pulumi.bootstrap.internal.Main packages} over the program's
 * class path and reads every {@code com/<namespace>/<name>/plugin.json} it finds to learn the
 * plugins a program needs; it looks under {@code com/} only, hence the descriptor's place
 * ({@code io.github.mtasts} reversed to its host name is {@code github.com/mtasts}).
 */
public final class MtastsPackage {

  /** The package name: the first part of every resource type token, and the plugin name. */
  public static final String NAME = "mtasts";

  /** Class-path resource of the plugin descriptor. */
  static final String DESCRIPTOR = "com/github/mtasts/plugin.json";

  private static final String VERSION = readVersion();

  private MtastsPackage() {}

  /**
   * Returns the package version; every resource this SDK registers asks the engine for the
   * provider plugin of exactly this version.
   *
   * @return the version, for example {@code 0.1.0}
   */
  public static String version() {
    return VERSION;
  }

  /**
   * Merges the options a program passed with the package defaults (the plugin version),
   * the way every resource constructor of the SDK needs them.
   *
   * @param options the program's options, or {@code null}
   * @param id the id of a resource looked up with {@code get}, or {@code null} to declare one
   * @return the options to register the resource with
   */
  public static CustomResourceOptions resourceOptions(
      @Nullable CustomResourceOptions options, @Nullable Output<String> id) {
    var defaults = CustomResourceOptions.builder().version(VERSION).build();
    return CustomResourceOptions.merge(defaults, options, id);
  }

  /**
   * The options of a function call with the package's plugin version, as
   * {@link #resourceOptions} does for resources.
   */
  static InvokeOptions invokeOptions(InvokeOptions options) {
    return new InvokeOptions(options.getParent().orElse(null), options.getProvider().orElse(null),
        VERSION, options.getPluginDownloadURL().orElse(null));
  }

  /** The options of a function call with the package's plugin version and the dependencies. */
  static InvokeOutputOptions invokeOptions(InvokeOutputOptions options) {
    return new InvokeOutputOptions(options.getParent().orElse(null),
        options.getProvider().orElse(null), VERSION, options.getPluginDownloadURL().orElse(null),
        options.getDependsOn());
  }

  private static String readVersion() {
    try (InputStream in = MtastsPackage.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
      if (in == null) {
        throw new IllegalStateException(
            "plugin descriptor " + DESCRIPTOR + " is not on the class path: the SDK classes were"
                + " separated from their resources; use the mtasts jar as built");
      }
      JsonObject descriptor =
          JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
              .getAsJsonObject();
      return descriptor.get("version").getAsString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DESCRIPTOR, e);
    }
  }
}
