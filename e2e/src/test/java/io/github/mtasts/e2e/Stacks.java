package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What the end-to-end tests read from the Pulumi CLI's JSON (a preview's steps, an exported
 * state's resources), and the repository's own Pulumi project made runnable from a scratch
 * directory.
 */
final class Stacks {

  private Stacks() {}

  /** "op type::name" of every step of a JSON preview that is not "same". */
  static Set<String> changedSteps(JsonObject preview) {
    Set<String> steps = new TreeSet<>();
    for (JsonElement step : preview.getAsJsonArray("steps")) {
      String op = step.getAsJsonObject().get("op").getAsString();
      if (!op.equals("same")) {
        String urn = step.getAsJsonObject().get("urn").getAsString();
        steps.add(op + " " + urn.substring(urn.lastIndexOf('$') + 1));
      }
    }
    return steps;
  }

  /** The properties whose change a preview reports for the resources of a type. */
  static List<String> diffReasons(JsonObject preview, String type) {
    return StreamSupport.stream(preview.getAsJsonArray("steps").spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(s -> s.get("urn").getAsString().contains("$" + type + "::"))
        .filter(s -> !s.get("op").getAsString().equals("same"))
        .flatMap(s -> strings(s.getAsJsonArray("diffReasons")).stream())
        .distinct().sorted().collect(Collectors.toList());
  }

  /** The stored resource of a type and name. */
  static JsonObject resource(JsonArray resources, String typeAndName) {
    return StreamSupport.stream(resources.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(r -> r.get("urn").getAsString().endsWith("$" + typeAndName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + typeAndName + " in " + resources));
  }

  /** Whether a stored resource depends on another. */
  static boolean dependsOn(JsonArray resources, String dependent, String dependency) {
    return strings(resource(resources, dependent).getAsJsonArray("dependencies"))
        .contains(resource(resources, dependency).get("urn").getAsString());
  }

  static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(value -> values.add(value.getAsString()));
    }
    return values;
  }

  /** The root Pulumi.yaml with its relative paths made absolute, so it runs from a scratch directory. */
  static String rootProjectFile() throws IOException {
    Path repository = Repository.root();
    String root = Files.readString(repository.resolve("Pulumi.yaml"));
    String binary = "binary: program/target/mtasts-program.jar";
    String plugin = "path: bin\n";
    assertTrue(root.contains(binary) && root.contains(plugin), root);
    return root.replace(binary, "binary: " + repository.resolve("program/target/mtasts-program.jar"))
        .replace(plugin, "path: " + repository.resolve("bin") + "\n");
  }

}
