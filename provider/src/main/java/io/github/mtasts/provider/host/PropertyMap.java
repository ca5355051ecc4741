package io.github.mtasts.provider.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An object of the Pulumi data model: property names to values, in insertion order. Immutable.
 * A property that is absent and one whose value is {@link PropertyValue#NULL} mean the same to
 * every reader here: "not set".
 */
public final class PropertyMap implements PropertyValue {

  private static final PropertyMap EMPTY = new PropertyMap(Map.of());

  private final Map<String, PropertyValue> properties;

  private PropertyMap(Map<String, PropertyValue> properties) {
    this.properties = properties;
  }

  /**
   * The empty object.
   *
   * @return the empty map
   */
  public static PropertyMap empty() {
    return EMPTY;
  }

  /**
   * A new builder for an object.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /**
   * A builder that starts with the properties of this object.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(properties));
  }

  /**
   * The properties, in insertion order.
   *
   * @return an unmodifiable view
   */
  public Map<String, PropertyValue> asMap() {
    return Collections.unmodifiableMap(properties);
  }

  /**
   * The property names, in insertion order.
   *
   * @return the names
   */
  public Set<String> keys() {
    return Collections.unmodifiableSet(properties.keySet());
  }

  /**
   * The value of a property that is set (present and not null).
   *
   * @param key the property name
   * @return the value, or empty when the property is absent or null
   */
  public Optional<PropertyValue> get(String key) {
    PropertyValue value = properties.get(key);
    return value == null || value instanceof Null ? Optional.empty() : Optional.of(value);
  }

  /**
   * Whether a property is set to something (possibly unknown).
   *
   * @param key the property name
   * @return true when present and not null
   */
  public boolean isSet(String key) {
    return get(key).isPresent();
  }

  /**
   * Whether a property is set and some part of it is unknown.
   *
   * @param key the property name
   * @return true when the value is not fully known
   */
  public boolean isUnknown(String key) {
    return get(key).map(PropertyValue::containsUnknowns).orElse(false);
  }

  /**
   * The property's string value, for values already checked to be strings.
   *
   * @param key the property name
   * @return the string, or empty when not set
   * @throws IllegalStateException when the value is not a string
   */
  public Optional<String> text(String key) {
    return get(key).map(value -> expect(key, value, Text.class).value());
  }

  /**
   * The property's number value, for values already checked to be numbers.
   *
   * @param key the property name
   * @return the number, or empty when not set
   * @throws IllegalStateException when the value is not a number
   */
  public Optional<Double> number(String key) {
    return get(key).map(value -> expect(key, value, Number.class).value());
  }

  /**
   * The property's strings, for values already checked to be arrays of strings.
   *
   * @param key the property name
   * @return the strings, or empty when not set
   * @throws IllegalStateException when the value is not an array of strings
   */
  public Optional<List<String>> texts(String key) {
    return get(key)
        .map(
            value ->
                expect(key, value, Array.class).elements().stream()
                    .map(element -> expect(key, element, Text.class).value())
                    .toList());
  }

  /**
   * This object without the properties whose value is not fully known: in a preview, what can
   * be computed already.
   *
   * @return the known properties
   */
  public PropertyMap withoutUnknowns() {
    Builder builder = builder();
    properties.forEach((key, value) -> {
      if (!value.containsUnknowns()) {
        builder.put(key, value);
      }
    });
    return builder.build();
  }

  private static <T extends PropertyValue> T expect(String key, PropertyValue value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "property " + key + " holds a " + PropertyValue.kindName(value) + " where a " + type.getSimpleName() + " was checked");
    }
    return type.cast(value);
  }

  @Override
  public boolean containsUnknowns() {
    return properties.values().stream().anyMatch(PropertyValue::containsUnknowns);
  }

  @Override
  public boolean containsSecrets() {
    return properties.values().stream().anyMatch(PropertyValue::containsSecrets);
  }

  @Override
  public PropertyMap reveal() {
    if (!containsSecrets()) {
      return this;
    }
    Builder builder = builder();
    properties.forEach((key, value) -> builder.put(key, value.reveal()));
    return builder.build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PropertyMap that && properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }

  @Override
  public String toString() {
    return properties.toString();
  }

  /** Builds a {@link PropertyMap}. */
  public static final class Builder {
    private final LinkedHashMap<String, PropertyValue> properties;

    private Builder(LinkedHashMap<String, PropertyValue> properties) {
      this.properties = properties;
    }

    /**
     * Sets a property.
     *
     * @param key the property name
     * @param value the value
     * @return this builder
     */
    public Builder put(String key, PropertyValue value) {
      properties.put(key, Objects.requireNonNull(value, key));
      return this;
    }

    /**
     * Sets a string property.
     *
     * @param key the property name
     * @param value the string
     * @return this builder
     */
    public Builder put(String key, String value) {
      return put(key, PropertyValue.of(value));
    }

    /**
     * Sets every property of another object.
     *
     * @param other the properties to copy
     * @return this builder
     */
    public Builder putAll(PropertyMap other) {
      properties.putAll(other.properties);
      return this;
    }

    /**
     * Sets a property only when it is not set yet: how defaults apply.
     *
     * @param key the property name
     * @param value the default value
     * @return this builder
     */
    public Builder putIfUnset(String key, PropertyValue value) {
      PropertyValue current = properties.get(key);
      if (current == null || current instanceof Null) {
        properties.put(key, value);
      }
      return this;
    }

    /**
     * Removes a property.
     *
     * @param key the property name
     * @return this builder
     */
    public Builder remove(String key) {
      properties.remove(key);
      return this;
    }

    /**
     * Builds the immutable object.
     *
     * @return the object
     */
    public PropertyMap build() {
      return properties.isEmpty() ? EMPTY : new PropertyMap(Collections.unmodifiableMap(new LinkedHashMap<>(properties)));
    }
  }
}
