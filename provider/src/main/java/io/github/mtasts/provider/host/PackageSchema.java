package io.github.mtasts.provider.host;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs that a Pulumi package schema declares, read once: for every resource, every
 * function and the provider's configuration, the names, types, enum values, defaults and
 * required-ness of its inputs. What the schema says is checked from here; a resource's own
 * code keeps only the rules a schema cannot express.
 */
public final class PackageSchema {

  private static final String TYPE_REF = "#/types/";
  private static final String ANY_REF = "pulumi.json#/Any";

  private final Map<String, InputSchema> resources;
  private final Map<String, InputSchema> functions;
  private final Map<String, InputSchema> objectTypes;
  private final InputSchema config;

  private PackageSchema(Map<String, InputSchema> resources, Map<String, InputSchema> functions,
      Map<String, InputSchema> objectTypes, InputSchema config) {
    this.resources = resources;
    this.functions = functions;
    this.objectTypes = objectTypes;
    this.config = config;
  }

  /**
   * Reads a schema.
   *
   * @param json the schema as JSON
   * @return its inputs
   * @throws IllegalArgumentException when a property refers to a type the schema does not declare
   */
  public static PackageSchema parse(String json) {
    JsonObject schema = JsonParser.parseString(json).getAsJsonObject();
    JsonObject types = object(schema, "types");
    Map<String, InputSchema> resources = new HashMap<>();
    object(schema, "resources").entrySet().forEach(resource -> {
      JsonObject declaration = resource.getValue().getAsJsonObject();
      resources.put(resource.getKey(), inputs(types, object(declaration, "inputProperties"), strings(declaration, "requiredInputs")));
    });
    Map<String, InputSchema> functions = new HashMap<>();
    object(schema, "functions").entrySet().forEach(function -> {
      JsonObject inputs = object(function.getValue().getAsJsonObject(), "inputs");
      functions.put(function.getKey(), inputs(types, object(inputs, "properties"), strings(inputs, "required")));
    });
    Map<String, InputSchema> objectTypes = new HashMap<>();
    types.entrySet().forEach(type -> {
      JsonObject declaration = type.getValue().getAsJsonObject();
      if ("object".equals(declaration.get("type").getAsString())) {
        objectTypes.put(type.getKey(), inputs(types, object(declaration, "properties"), strings(declaration, "required")));
      }
    });
    InputSchema config = inputs(types, object(object(schema, "config"), "variables"), List.of());
    return new PackageSchema(Map.copyOf(resources), Map.copyOf(functions), Map.copyOf(objectTypes), config);
  }

  /**
   * The inputs of a resource type.
   *
   * @param token the type token
   * @return its inputs
   * @throws IllegalArgumentException when the schema has no such resource
   */
  public InputSchema resource(String token) {
    return declared(resources, token, "resource");
  }

  /**
   * The arguments of a function.
   *
   * @param token the function token
   * @return its arguments
   * @throws IllegalArgumentException when the schema has no such function
   */
  public InputSchema function(String token) {
    return declared(functions, token, "function");
  }

  /**
   * The properties of an object type, such as the nested inputs of a component.
   *
   * @param token the type token
   * @return its properties
   * @throws IllegalArgumentException when the schema has no such object type
   */
  public InputSchema objectType(String token) {
    return declared(objectTypes, token, "object type");
  }

  /**
   * The provider's configuration variables.
   *
   * @return the settings
   */
  public InputSchema config() {
    return config;
  }

  private static InputSchema declared(Map<String, InputSchema> declarations, String token, String kind) {
    InputSchema inputs = declarations.get(token);
    if (inputs == null) {
      throw new IllegalArgumentException("the schema declares no " + kind + " " + token);
    }
    return inputs;
  }

  private static InputSchema inputs(JsonObject types, JsonObject properties, List<String> required) {
    List<PropertySchema> declared = new ArrayList<>();
    properties.entrySet().forEach(property ->
        declared.add(property(types, property.getKey(), property.getValue().getAsJsonObject())));
    return new InputSchema(declared, new LinkedHashSet<>(required));
  }

  private static PropertySchema property(JsonObject types, String name, JsonObject declaration) {
    JsonObject typeDeclaration = declaration;
    if (declaration.has("$ref")) {
      String ref = declaration.get("$ref").getAsString();
      if (ref.equals(ANY_REF)) {
        typeDeclaration = new JsonObject();
        typeDeclaration.addProperty("type", "any");
      } else if (ref.startsWith(TYPE_REF) && types.has(ref.substring(TYPE_REF.length()))) {
        typeDeclaration = types.getAsJsonObject(ref.substring(TYPE_REF.length()));
      } else {
        throw new IllegalArgumentException(name + " refers to " + ref + ", which the schema does not declare");
      }
    }
    PropertySchema.Type type = PropertySchema.Type.valueOf(typeDeclaration.get("type").getAsString().toUpperCase(Locale.ROOT));
    Optional<PropertySchema> items = declaration.has("items")
        ? Optional.of(property(types, name + "[]", declaration.getAsJsonObject("items")))
        : Optional.empty();
    List<String> enumValues = new ArrayList<>();
    if (typeDeclaration.has("enum")) {
      typeDeclaration.getAsJsonArray("enum").forEach(value -> enumValues.add(value.getAsJsonObject().get("value").getAsString()));
    }
    Optional<PropertyValue> defaultValue = declaration.has("default")
        ? Optional.of(value(declaration.getAsJsonPrimitive("default")))
        : Optional.empty();
    boolean secret = declaration.has("secret") && declaration.get("secret").getAsBoolean();
    boolean replaceOnChanges = declaration.has("replaceOnChanges") && declaration.get("replaceOnChanges").getAsBoolean();
    List<String> environment = declaration.has("defaultInfo")
        ? strings(declaration.getAsJsonObject("defaultInfo"), "environment")
        : List.of();
    return new PropertySchema(name, type, items, enumValues, defaultValue, secret, replaceOnChanges, environment);
  }

  private static PropertyValue value(JsonPrimitive primitive) {
    if (primitive.isBoolean()) {
      return PropertyValue.of(primitive.getAsBoolean());
    }
    if (primitive.isNumber()) {
      return PropertyValue.of(primitive.getAsDouble());
    }
    return PropertyValue.of(primitive.getAsString());
  }

  private static JsonObject object(JsonObject parent, String key) {
    return parent.has(key) ? parent.getAsJsonObject(key) : new JsonObject();
  }

  private static List<String> strings(JsonObject parent, String key) {
    List<String> values = new ArrayList<>();
    if (parent.has(key)) {
      JsonArray array = parent.getAsJsonArray(key);
      array.forEach((JsonElement element) -> values.add(element.getAsString()));
    }
    return List.copyOf(values);
  }
}
