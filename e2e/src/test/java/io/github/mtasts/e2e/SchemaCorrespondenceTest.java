package io.github.mtasts.e2e;

import io.github.mtasts.sdk.MtastsPackage;
import io.github.mtasts.sdk.ProviderArgs;
import io.github.mtasts.sdk.Policy;
import io.github.mtasts.sdk.MtastsFunctions;
import io.github.mtasts.sdk.Provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.CustomType;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Internal;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.InvokeArgs;
import io.github.mtasts.provider.host.Schema;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the hand-written SDK and the provider's package schema (what GetSchema serves) from
 * drifting: every resource, input, output, object type, function and provider setting on one side
 * has its counterpart on the other, with the same name, Java type and required-ness, and secrets
 * are secret on both sides. A failure names each difference.
 *
 * <p>The SDK is laid out as Pulumi's Java code generator lays out a package: module {@code index}
 * in {@code io.github.mtasts.sdk}, module {@code aws} in {@code io.github.mtasts.sdk.aws}, object
 * types in the module's {@code outputs} package, functions as static methods of
 * {@code MtastsFunctions} with their arguments in {@code inputs} and results in {@code outputs}.
 */
class SchemaCorrespondenceTest {

  private static final String SDK = Policy.class.getPackageName();

  private static JsonObject schema;
  private static Map<String, Class<?>> sdkResources;
  private static Map<String, Class<?>> sdkObjectTypes;
  private static Map<String, Method> sdkFunctions;

  private final List<String> differences = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    schema = JsonParser.parseString(Schema.json("0.0.0")).getAsJsonObject();
    sdkResources = new TreeMap<>();
    sdkObjectTypes = new TreeMap<>();
    sdkFunctions = new TreeMap<>();
    Set<Class<?>> functionResults = new HashSet<>();
    for (Method function : MtastsFunctions.class.getDeclaredMethods()) {
      if (Modifier.isPublic(function.getModifiers()) && Modifier.isStatic(function.getModifiers())) {
        sdkFunctions.putIfAbsent(MtastsPackage.NAME + ":index:" + function.getName(), function);
        functionResults.add((Class<?>) ((ParameterizedType) function.getGenericReturnType())
            .getActualTypeArguments()[0]);
      }
    }
    for (Class<?> type : sdkClasses()) {
      ResourceType resourceType = type.getAnnotation(ResourceType.class);
      // Components (ComponentResource) are the SDK's own; the schema lists the provider's.
      if (resourceType != null && CustomResource.class.isAssignableFrom(type)
          && !resourceType.type().startsWith("pulumi:providers:")) {
        sdkResources.put(resourceType.type(), type);
      }
      String javaPackage = type.getPackageName();
      if (type.isAnnotationPresent(CustomType.class) && javaPackage.endsWith(".outputs")
          && !functionResults.contains(type)) {
        String module = javaPackage.equals(SDK + ".outputs") ? "index"
            : javaPackage.substring(SDK.length() + 1, javaPackage.length() - ".outputs".length());
        sdkObjectTypes.put(MtastsPackage.NAME + ":" + module + ":" + type.getSimpleName(), type);
      }
    }
  }

  /**
   * The {@code language.java} section names the packages the SDK classes live in. Pulumi's Java
   * code generator (pulumi-java {@code tokenToPackage}) names the package of a token
   * {@code pkg:module:Member} as {@code basePackage + "." + packages[pkg]}, then
   * {@code "." + packages[module]} unless the module is {@code index}; an absent entry stands for
   * itself.
   */
  @Test
  void javaPackageMappingNamesTheSdkPackages() {
    JsonObject java = schema.getAsJsonObject("language").getAsJsonObject("java");
    assertEquals(Policy.class.getPackageName(), generatedJavaPackage(java, "mtasts:index:Policy"));
    assertEquals(Provider.class.getPackageName(), generatedJavaPackage(java, "mtasts:index:Provider"));
    assertEquals(io.github.mtasts.sdk.aws.Certificate.class.getPackageName(),
        generatedJavaPackage(java, "mtasts:aws:Certificate"));
    for (String token : schema.getAsJsonObject("resources").keySet()) {
      assertEquals(sdkResources.get(token).getPackageName(), generatedJavaPackage(java, token), token);
    }
  }

  private static String generatedJavaPackage(JsonObject java, String token) {
    String[] parts = token.split(":");
    JsonObject packages = java.getAsJsonObject("packages");
    String javaPackage = java.get("basePackage").getAsString() + "." + mapped(packages, parts[0]);
    return parts[1].equals("index") ? javaPackage : javaPackage + "." + mapped(packages, parts[1]);
  }

  private static String mapped(JsonObject packages, String name) {
    return packages.has(name) ? packages.get(name).getAsString() : name;
  }

  @Test
  void everySchemaResourceHasAnSdkClassAndTheReverse() {
    assertEquals(
        schema.getAsJsonObject("resources").keySet(),
        sdkResources.keySet(),
        "resource type tokens: schema vs. @ResourceType classes of the SDK");
  }

  @Test
  void resourceInputsMatchArgsClasses() throws ClassNotFoundException {
    for (var resource : schema.getAsJsonObject("resources").entrySet()) {
      Class<?> resourceClass = sdkResources.get(resource.getKey());
      assertNotNull(resourceClass, resource.getKey());
      Class<?> argsClass = Class.forName(resourceClass.getName() + "Args");
      JsonObject spec = resource.getValue().getAsJsonObject();
      compareInputs(
          resource.getKey(), argsClass, spec.getAsJsonObject("inputProperties"),
          names(spec, "requiredInputs"));
    }
    assertNoDifferences();
  }

  @Test
  void resourceOutputsMatchExportedFields() {
    for (var resource : schema.getAsJsonObject("resources").entrySet()) {
      JsonObject spec = resource.getValue().getAsJsonObject();
      compareOutputs(
          resource.getKey(), sdkResources.get(resource.getKey()),
          spec.getAsJsonObject("properties"), names(spec, "required"));
    }
    assertNoDifferences();
  }

  @Test
  void objectTypesMatchOutputClasses() {
    JsonObject types = schema.getAsJsonObject("types");
    assertEquals(types.keySet(), sdkObjectTypes.keySet(), "object types: schema vs. SDK outputs");
    for (var type : types.entrySet()) {
      compareFields(type.getKey(), sdkObjectTypes.get(type.getKey()),
          type.getValue().getAsJsonObject());
    }
    assertNoDifferences();
  }

  /** The fields of an object type's class against the schema's properties of the object. */
  private void compareFields(String owner, Class<?> sdkClass, JsonObject spec) {
    Set<String> required = names(spec, "required");
    Map<String, Field> fields = new TreeMap<>();
    for (Field field : sdkClass.getDeclaredFields()) {
      fields.put(field.getName(), field);
    }
    compareNames(owner + " fields", spec.getAsJsonObject("properties").keySet(), fields.keySet());
    for (var property : spec.getAsJsonObject("properties").entrySet()) {
      Field field = fields.get(property.getKey());
      if (field == null) {
        continue;
      }
      String where = owner + "." + property.getKey();
      expectType(where, property.getValue().getAsJsonObject(), field.getGenericType());
      if (!required.contains(property.getKey())) {
        differences.add(where + " is optional in the schema; the SDK's field requires it");
      }
    }
  }

  @Test
  void everySchemaFunctionHasAnSdkFunctionAndTheReverse() {
    JsonObject functions = schema.has("functions") ? schema.getAsJsonObject("functions") : new JsonObject();
    assertEquals(functions.keySet(), sdkFunctions.keySet(),
        "function tokens: schema vs. static methods of MtastsFunctions");
  }

  @Test
  void functionArgumentsAndResultsMatchTheirClasses() throws ReflectiveOperationException {
    for (var function : schema.getAsJsonObject("functions").entrySet()) {
      Method method = sdkFunctions.get(function.getKey());
      assertNotNull(method, function.getKey());
      String token = function.getKey();
      String constant = MtastsFunctions.class.getField(
          token.substring(token.lastIndexOf(':') + 1).replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT)).get(null).toString();
      assertEquals(token, constant, "the token constant of " + method.getName());
      JsonObject spec = function.getValue().getAsJsonObject();
      Class<?> argsClass = method.getParameterTypes()[0];
      if (!InvokeArgs.class.isAssignableFrom(argsClass)) {
        differences.add(token + ": the argument " + argsClass.getName() + " is no InvokeArgs");
      }
      compareInputs(token, argsClass, spec.getAsJsonObject("inputs").getAsJsonObject("properties"),
          names(spec.getAsJsonObject("inputs"), "required"));
      Type returned = method.getGenericReturnType();
      if (!(returned instanceof ParameterizedType output) || output.getRawType() != Output.class) {
        differences.add(token + ": " + method.getName() + "() returns " + returned + ", not an Output");
        continue;
      }
      Class<?> result = (Class<?>) output.getActualTypeArguments()[0];
      compareFields(token + " result", result, spec.getAsJsonObject("outputs"));
    }
    assertNoDifferences();
  }

  @Test
  void providerSettingsMatchProviderArgsAndConfig() {
    JsonObject inputs = schema.getAsJsonObject("provider").getAsJsonObject("inputProperties");
    compareInputs("provider", ProviderArgs.class, inputs, names(
        schema.getAsJsonObject("provider"), "requiredInputs"));
    JsonObject config = schema.getAsJsonObject("config").getAsJsonObject("variables");
    compareNames("config variables vs. provider inputs", config.keySet(), inputs.keySet());
    assertTrue(
        schema.getAsJsonObject("provider").get("properties") == null,
        "the schema's provider has outputs; the SDK's Provider exports none");
    assertNoDifferences();
  }

  @Test
  void secretSettingsAreSecretInTheSdk() throws ReflectiveOperationException {
    JsonObject inputs = schema.getAsJsonObject("provider").getAsJsonObject("inputProperties");
    for (var setting : inputs.entrySet()) {
      boolean secretInSchema = setting.getValue().getAsJsonObject().has("secret")
          && setting.getValue().getAsJsonObject().get("secret").getAsBoolean();
      ProviderArgs.Builder builder = ProviderArgs.builder();
      ProviderArgs.Builder.class.getMethod(setting.getKey(), String.class)
          .invoke(builder, "value");
      ProviderArgs args = builder.build();
      @SuppressWarnings("unchecked")
      var value = (Optional<Output<String>>) ProviderArgs.class.getMethod(setting.getKey())
          .invoke(args);
      boolean secretInSdk = Internal.of(value.orElseThrow()).isSecret().join();
      if (secretInSchema != secretInSdk) {
        differences.add("provider setting " + setting.getKey() + ": secret in schema "
            + secretInSchema + ", in the SDK " + secretInSdk);
      }
    }
    assertNoDifferences();
  }

  private void compareInputs(String owner, Class<?> argsClass, JsonObject properties,
      Set<String> required) {
    Map<String, Field> imports = new TreeMap<>();
    for (Field field : argsClass.getDeclaredFields()) {
      Import annotation = field.getAnnotation(Import.class);
      if (annotation != null) {
        imports.put(annotation.name(), field);
      }
    }
    compareNames(owner + " inputs vs. " + argsClass.getSimpleName(), properties.keySet(),
        imports.keySet());
    for (var property : properties.entrySet()) {
      Field field = imports.get(property.getKey());
      if (field == null) {
        continue;
      }
      String where = owner + " input " + property.getKey();
      boolean requiredInSdk = field.getAnnotation(Import.class).required();
      if (required.contains(property.getKey()) != requiredInSdk) {
        differences.add(where + ": required in schema " + required.contains(property.getKey())
            + ", in the SDK " + requiredInSdk);
      }
      expectType(where, property.getValue().getAsJsonObject(), outputArgument(where, field));
    }
  }

  private void compareOutputs(String owner, Class<?> resourceClass, JsonObject properties,
      Set<String> required) {
    Map<String, Field> exports = new TreeMap<>();
    for (Field field : resourceClass.getDeclaredFields()) {
      Export annotation = field.getAnnotation(Export.class);
      if (annotation != null) {
        exports.put(annotation.name(), field);
      }
    }
    compareNames(owner + " outputs vs. " + resourceClass.getSimpleName(), properties.keySet(),
        exports.keySet());
    for (var property : properties.entrySet()) {
      Field field = exports.get(property.getKey());
      if (field == null) {
        continue;
      }
      String where = owner + " output " + property.getKey();
      Type valueType = outputArgument(where, field);
      expectType(where, property.getValue().getAsJsonObject(), valueType);
      // Generated SDKs expose an optional output as Output<Optional<T>>, a required one as
      // Output<T>: the getter's type says which.
      Type getterValue = getterValueType(resourceClass, field.getName());
      boolean optionalInSdk = getterValue instanceof ParameterizedType p
          && p.getRawType() == Optional.class;
      if (required.contains(property.getKey()) == optionalInSdk) {
        differences.add(where + ": required in schema " + required.contains(property.getKey())
            + ", getter " + field.getName() + "() returns Output<" + getterValue.getTypeName()
            + ">");
      }
    }
  }

  private Type outputArgument(String where, Field field) {
    if (field.getType() != Output.class
        || !(field.getGenericType() instanceof ParameterizedType type)) {
      differences.add(where + ": field " + field.getName() + " is not an Output<T>");
      return Object.class;
    }
    return type.getActualTypeArguments()[0];
  }

  private Type getterValueType(Class<?> owner, String name) {
    try {
      Method getter = owner.getMethod(name);
      return ((ParameterizedType) getter.getGenericReturnType()).getActualTypeArguments()[0];
    } catch (NoSuchMethodException e) {
      differences.add(owner.getSimpleName() + " has no getter " + name + "()");
      return Object.class;
    }
  }

  /** The Java type Pulumi's Java code generator gives a schema type. */
  private void expectType(String where, JsonObject property, Type actual) {
    String expected = javaTypeName(property);
    if (!expected.equals(actual.getTypeName())) {
      differences.add(where + ": schema type maps to " + expected + ", SDK has "
          + actual.getTypeName());
    }
  }

  private static String javaTypeName(JsonObject property) {
    JsonElement ref = property.get("$ref");
    if (ref != null) {
      String target = ref.getAsString();
      if (target.equals("pulumi.json#/Any")) {
        return Object.class.getName();
      }
      Class<?> type = sdkObjectTypes.get(target.substring("#/types/".length()));
      return type == null ? "<no SDK class for " + target + ">" : type.getName();
    }
    return switch (property.get("type").getAsString()) {
      case "string" -> String.class.getName();
      case "integer" -> Integer.class.getName();
      case "boolean" -> Boolean.class.getName();
      case "number" -> Double.class.getName();
      case "array" -> List.class.getName() + "<"
          + javaTypeName(property.getAsJsonObject("items")) + ">";
      case "object" -> Map.class.getName() + "<" + String.class.getName() + ", "
          + javaTypeName(property.getAsJsonObject("additionalProperties")) + ">";
      default -> "<unknown schema type " + property.get("type") + ">";
    };
  }

  private void compareNames(String what, Set<String> inSchema, Set<String> inSdk) {
    Set<String> missingInSdk = new HashSet<>(inSchema);
    missingInSdk.removeAll(inSdk);
    Set<String> missingInSchema = new HashSet<>(inSdk);
    missingInSchema.removeAll(inSchema);
    if (!missingInSdk.isEmpty()) {
      differences.add(what + ": only in the schema: " + new java.util.TreeSet<>(missingInSdk));
    }
    if (!missingInSchema.isEmpty()) {
      differences.add(what + ": only in the SDK: " + new java.util.TreeSet<>(missingInSchema));
    }
  }

  private static Set<String> names(JsonObject spec, String member) {
    Set<String> names = new HashSet<>();
    if (spec.has(member)) {
      spec.getAsJsonArray(member).forEach(name -> names.add(name.getAsString()));
    }
    return names;
  }

  private void assertNoDifferences() {
    assertTrue(differences.isEmpty(),
        "SDK and provider schema differ:\n  " + String.join("\n  ", differences));
  }

  /** Top-level classes of the SDK's packages, from the jar or directory the SDK was loaded from. */
  private static List<Class<?>> sdkClasses() throws IOException {
    Path location;
    try {
      location = Path.of(Policy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (java.nio.file.FileSystem jar = Files.isDirectory(location) ? null
        : java.nio.file.FileSystems.newFileSystem(location)) {
      Path root = jar == null ? location : jar.getPath("/");
      try (Stream<Path> files = Files.walk(root.resolve(SDK.replace('.', '/')))) {
        return files
            .map(file -> root.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
            .filter(name -> name.endsWith(".class") && !name.contains("$")
                && !name.endsWith("package-info.class"))
            .map(name -> load(name.substring(0, name.length() - 6).replace('/', '.')))
            .collect(Collectors.toList());
      }
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
