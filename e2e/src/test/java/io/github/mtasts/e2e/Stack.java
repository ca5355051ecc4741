package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.testlab.AwsLab;
import io.github.mtasts.testlab.PulumiCli;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One stack of a project, driven with the real Pulumi CLI: each command's exit code asserted and
 * its output kept (to search it for what must never show, such as a token), and the stack's
 * outputs, state and previews read as JSON.
 */
final class Stack {

  private final PulumiCli pulumi;
  private final Duration timeout;
  private final List<CommandResult> transcript = new CopyOnWriteArrayList<>();

  Stack(PulumiCli pulumi, Duration timeout) {
    this.pulumi = pulumi;
    this.timeout = timeout;
  }

  /**
   * Returns the Pulumi binaries, after checking that the packaged program exists.
   *
   * @param repository the repository
   * @return the folder of pulumi and its Java language host
   */
  static Path install(Path repository) {
    assertTrue(Files.isRegularFile(repository.resolve("program/target/mtasts-program.jar")),
        "run after package: program/target/mtasts-program.jar");
    return PulumiCli.install(repository);
  }

  /**
   * Creates a project in {@code work/project} and initialises its stack {@code e2e}, for the
   * AWS resources with moto's credentials.
   *
   * @param pulumiBin the Pulumi binaries
   * @param repository the repository, whose bin/ holds the plugin
   * @param work the test's scratch folder
   * @param projectFile the project's Pulumi.yaml
   * @param timeout how long each command may take
   * @return the stack
   */
  static Stack create(Path pulumiBin, Path repository, Path work, String projectFile,
      Duration timeout) throws IOException {
    return create(pulumiBin, repository, work, projectFile, timeout, Map.of());
  }

  /**
   * Creates a project as {@link #create(Path, Path, Path, String, Duration)} does, with more
   * environment variables for every command (another cloud's settings).
   *
   * @param pulumiBin the Pulumi binaries
   * @param repository the repository, whose bin/ holds the plugin
   * @param work the test's scratch folder
   * @param projectFile the project's Pulumi.yaml
   * @param timeout how long each command may take
   * @param environment the variables added to moto's credentials
   * @return the stack
   */
  static Stack create(Path pulumiBin, Path repository, Path work, String projectFile,
      Duration timeout, Map<String, String> environment) throws IOException {
    Stack stack = new Stack(
        cli(pulumiBin, List.of(repository.resolve("bin")), work, projectFile, environment), timeout);
    stack.ok("stack", "init", "e2e");
    return stack;
  }

  /**
   * Creates a project as a user outside the repository has it: nothing of the repository on
   * {@code PATH}, ambient plugins ignored, and the plugin installed with {@code pulumi plugin
   * install} from this build's archive into the stack's own Pulumi home, so that only the
   * installed plugin can serve the project.
   *
   * @param pulumiBin the Pulumi binaries
   * @param work the test's scratch folder
   * @param projectFile the project's Pulumi.yaml, with no {@code plugins:} block
   * @param timeout how long each command may take
   * @return the stack
   */
  static Stack createWithInstalledPlugin(Path pulumiBin, Path work, String projectFile,
      Duration timeout) throws IOException {
    Stack stack = new Stack(cli(pulumiBin, List.of(), work, projectFile,
        Map.of("PULUMI_IGNORE_AMBIENT_PLUGINS", "true")), timeout);
    stack.ok("plugin", "install", "resource", "mtasts", PluginArchive.VERSION,
        "--file", PluginArchive.forThisMachine().toString());
    stack.ok("stack", "init", "e2e");
    return stack;
  }

  private static PulumiCli cli(Path pulumiBin, List<Path> pluginDirs, Path work, String projectFile,
      Map<String, String> environment) throws IOException {
    Path project = Files.createDirectories(work.resolve("project"));
    Files.writeString(project.resolve("Pulumi.yaml"), projectFile);
    Map<String, String> variables = new HashMap<>(AwsLab.awsEnvironment(work));
    variables.putAll(environment);
    return PulumiCli.forProject(pulumiBin, pluginDirs, project, work, "e2e-passphrase")
        .withEnvironment(variables);
  }

  /**
   * The repository's Pulumi.yaml with its two relative paths made absolute: a test runs the
   * project from a scratch directory so that its stack files stay out of the repository.
   */
  static String rootProjectFile(Path repository) throws IOException {
    String root = Files.readString(repository.resolve("Pulumi.yaml"));
    String binary = "binary: program/target/mtasts-program.jar";
    String plugin = "path: bin\n";
    assertTrue(root.contains(binary) && root.contains(plugin), root);
    return root.replace(binary, "binary: " + repository.resolve("program/target/mtasts-program.jar"))
        .replace(plugin, "path: " + repository.resolve("bin") + "\n");
  }

  /**
   * A project file of the test resources with its plugin folder made absolute, as
   * {@link #rootProjectFile} does for the repository's.
   *
   * @param repository the repository, whose bin/ holds the plugin
   * @param resource the project file's resource name, e.g. {@code /yaml-program/Pulumi.yaml}
   * @return the project file's text
   */
  static String resourceProjectFile(Path repository, String resource) throws IOException {
    String yaml = resourceFile(resource);
    String plugin = "path: bin\n";
    assertTrue(yaml.contains(plugin), yaml);
    return yaml.replace(plugin, "path: " + repository.resolve("bin") + "\n");
  }

  /**
   * A project file of the test resources as it is.
   *
   * @param resource the project file's resource name, e.g. {@code /yaml-program/Pulumi.yaml}
   * @return the project file's text
   */
  static String resourceFile(String resource) throws IOException {
    try (var in = Stack.class.getResourceAsStream(resource)) {
      assertTrue(in != null, "no test resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code pulumi ARGS}, which must succeed. */
  CommandResult ok(String... args) {
    CommandResult result = run(args);
    assertEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }

  /** Runs {@code pulumi ARGS}, which must fail. */
  CommandResult fails(String... args) {
    CommandResult result = run(args);
    assertNotEquals(0, result.exitCode(),
        () -> "pulumi " + String.join(" ", args) + " should have failed:\n" + result.output());
    return result;
  }

  private CommandResult run(String... args) {
    CommandResult result = pulumi.run(timeout, args);
    transcript.add(result);
    return result;
  }

  /** Every command run so far, with what it printed. */
  List<CommandResult> transcript() {
    return List.copyOf(transcript);
  }

  /**
   * Asserts that a secret shows nowhere in clear, as given or in any letter case (a message may
   * quote it lower-cased): in no command's output so far, not in the state the backend stores,
   * and in no file under a folder (the project, the backend, the Pulumi home) but the plugins'.
   *
   * @param secret the secret, as the service takes it
   * @param folder the test's scratch folder
   * @throws IOException when a file cannot be read
   */
  void assertSecretNowhere(String secret, Path folder) throws IOException {
    for (CommandResult result : transcript()) {
      assertFalse(shows(result.output(), secret), "a command showed the secret:\n" + result.output());
    }
    assertFalse(shows(exported(), secret), "the state holds the secret in clear");
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile)
          .filter(f -> !f.toString().contains("plugins")).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(shows(text, secret), file + " holds the secret in clear");
      }
    }
  }

  private static boolean shows(String text, String secret) {
    return text.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT));
  }

  /** {@code pulumi stack output --json}. */
  JsonObject outputs() {
    return JsonParser.parseString(ok("stack", "output", "--json").stdout()).getAsJsonObject();
  }

  /** {@code pulumi stack export}: the state as the backend stores it. */
  String exported() {
    return ok("stack", "export").stdout();
  }

  /** The resources of the state; empty when there are none. */
  JsonArray resources() {
    JsonArray resources = JsonParser.parseString(exported()).getAsJsonObject()
        .getAsJsonObject("deployment").getAsJsonArray("resources");
    return resources == null ? new JsonArray() : resources;
  }

  /** The resource whose URN ends with {@code $TYPE::NAME} or {@code ::TYPE::NAME}. */
  static Optional<JsonObject> resource(JsonArray resources, String typeAndName) {
    return StreamSupport.stream(resources.spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(r -> r.get("urn").getAsString().endsWith("$" + typeAndName)
            || r.get("urn").getAsString().endsWith("::" + typeAndName))
        .findFirst();
  }

  /** Whether a stored resource depends on another, both given as {@code TYPE::NAME}. */
  static boolean dependsOn(JsonArray resources, String dependent, String dependency) {
    JsonObject from = resource(resources, dependent)
        .orElseThrow(() -> new AssertionError("no " + dependent + " in " + resources));
    JsonObject to = resource(resources, dependency)
        .orElseThrow(() -> new AssertionError("no " + dependency + " in " + resources));
    return strings(from.getAsJsonArray("dependencies")).contains(to.get("urn").getAsString());
  }

  /**
   * The steps a change from testing to enforce plans for the component {@code name}, as
   * {@link #changedSteps} lists them: the policy, the resource that serves it, both
   * verifications and the {@code _mta-sts} record (its id); nothing else.
   *
   * @param name the component's name
   * @param hosting the serving resource's "type::name"
   * @param stsRecord the {@code _mta-sts} record's "type::name"
   */
  static Set<String> enforceSteps(String name, String hosting, String stsRecord) {
    return Set.of(
        "update mtasts:index:Policy::" + name + "-policy",
        "update " + hosting,
        "update mtasts:index:Verification::" + name + "-verify-policy-host",
        "update " + stsRecord,
        "update mtasts:index:Verification::" + name + "-verify-all");
  }

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

  /** The properties whose change makes each changed step of a type. */
  static List<String> diffReasons(JsonObject preview, String type) {
    return StreamSupport.stream(preview.getAsJsonArray("steps").spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .filter(s -> s.get("urn").getAsString().contains("$" + type + "::"))
        .filter(s -> !s.get("op").getAsString().equals("same"))
        .flatMap(s -> strings(s.getAsJsonArray("diffReasons")).stream())
        .distinct().sorted().toList();
  }

  /**
   * Configures the root program for a mail domain in testing mode, max_age a week (the recipe's
   * sample), whose policy GitHub Pages serves from {@code OWNER/REPOSITORY}, verified against
   * the laboratory's ports; the DNS side is the caller's.
   *
   * @param domain the mail domain
   * @param mx its MX host
   * @param rua the TLS-RPT address
   * @param repository {@code OWNER/REPOSITORY}
   * @param httpsPort the port standing for 443
   * @param smtpPort the port standing for 25
   */
  void configurePages(String domain, String mx, String rua, String repository, int httpsPort,
      int smtpPort) {
    ok("config", "set", "domain", domain);
    ok("config", "set", "mode", "testing");
    ok("config", "set", "mx", mx);
    ok("config", "set", "maxAge", "604800");
    ok("config", "set", "rua", rua);
    ok("config", "set", "hosting", "github-pages");
    ok("config", "set", "githubRepository", repository);
    ok("config", "set", "verifyTimeout", "60");
    ok("config", "set", "verifyHttpsPort", String.valueOf(httpsPort));
    ok("config", "set", "verifySmtpPort", String.valueOf(smtpPort));
  }

  /**
   * Adopts existing resources as the import advice says: {@code pulumi preview --import-file}
   * lists what the program would create, with its parents; the ids are filled in, the entries
   * without one dropped (but for the components, created with them), and {@code pulumi import
   * --file} imports them, unprotected and without generating code.
   *
   * @param importFile where the import file goes
   * @param ids the import id of each resource to adopt, by name
   * @throws IOException when the file cannot be read or written
   */
  void adopt(Path importFile, Map<String, String> ids) throws IOException {
    ok("preview", "--import-file", importFile.toString());
    Files.writeString(importFile, withIds(Files.readString(importFile), ids));
    ok("import", "--file", importFile.toString(), "--yes", "--protect=false",
        "--generate-code=false");
  }

  /** The import file's text with the ids given and the resources without one left out. */
  private static String withIds(String importFile, Map<String, String> ids) {
    JsonObject file = JsonParser.parseString(importFile).getAsJsonObject();
    JsonArray kept = new JsonArray();
    int named = 0;
    for (JsonElement element : file.getAsJsonArray("resources")) {
      JsonObject resource = element.getAsJsonObject();
      String name = resource.get("name").getAsString();
      if (ids.containsKey(name)) {
        resource.addProperty("id", ids.get(name));
        kept.add(resource);
        named++;
      } else if (resource.has("component") && resource.get("component").getAsBoolean()) {
        kept.add(resource); // a parent to create with them
      }
    }
    assertEquals(ids.size(), named, "every resource to import is in the preview's file: "
        + importFile);
    file.add("resources", kept);
    return file.toString();
  }

  /** The strings of a JSON array; none for a missing one. */
  static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(value -> values.add(value.getAsString()));
    }
    return values;
  }
}
