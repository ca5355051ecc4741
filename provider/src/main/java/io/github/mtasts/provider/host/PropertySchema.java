package io.github.mtasts.provider.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the package schema says of one input property: its type, for an array the type of its
 * elements, the words an enum allows, the default the provider applies, and for a setting of
 * the provider whether it is secret and which environment variables supply it.
 *
 * @param name the property name
 * @param type the JSON type
 * @param items for an array, what its elements are
 * @param enumValues for an enum, the values it allows, in schema order; empty otherwise
 * @param defaultValue the value Check applies when the property is not set
 * @param secret whether the value is secret (provider settings)
 * @param replaceOnChanges whether a change replaces the resource
 * @param environment the environment variables that supply a provider setting, in order
 */
public record PropertySchema(
    String name,
    Type type,
    Optional<PropertySchema> items,
    List<String> enumValues,
    Optional<PropertyValue> defaultValue,
    boolean secret,
    boolean replaceOnChanges,
    List<String> environment) {

  /** The JSON types of the Pulumi schema; {@code pulumi.json#/Any} is {@link #ANY}. */
  public enum Type {
    /** A string. */
    STRING,
    /** A whole number. */
    INTEGER,
    /** Any number. */
    NUMBER,
    /** true or false. */
    BOOLEAN,
    /** A list of values of one kind. */
    ARRAY,
    /** An object. */
    OBJECT,
    /** Any value at all. */
    ANY
  }

  /** Requires every part and copies the lists. */
  public PropertySchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(items, "items");
    enumValues = List.copyOf(enumValues);
    Objects.requireNonNull(defaultValue, "defaultValue");
    environment = List.copyOf(environment);
  }

  /**
   * Whether the property holds one of a fixed set of words.
   *
   * @return true for an enum
   */
  public boolean isEnum() {
    return !enumValues.isEmpty();
  }
}
