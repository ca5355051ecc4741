package io.github.mtasts.provider.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inputs of one resource, one function or the provider's configuration, as the package
 * schema declares them: the properties in schema order and which are required.
 * {@link InputCheck} checks inputs against it.
 */
public final class InputSchema {

  private final Map<String, PropertySchema> properties;
  private final Set<String> required;

  /**
   * The inputs of a declaration.
   *
   * @param properties the properties, in schema order
   * @param required the names of the required ones
   */
  public InputSchema(List<PropertySchema> properties, Set<String> required) {
    Map<String, PropertySchema> byName = new LinkedHashMap<>();
    properties.forEach(property -> byName.put(property.name(), property));
    this.properties = Collections.unmodifiableMap(byName);
    this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
  }

  /**
   * The property names.
   *
   * @return the names, in schema order
   */
  public List<String> names() {
    return List.copyOf(properties.keySet());
  }

  /**
   * The declaration of a property.
   *
   * @param name the property name
   * @return its declaration, or empty when the schema declares no such property
   */
  public Optional<PropertySchema> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /**
   * The declarations of every property.
   *
   * @return the declarations, in schema order
   */
  public List<PropertySchema> properties() {
    return List.copyOf(properties.values());
  }

  /**
   * Whether a property must be set.
   *
   * @param name the property name
   * @return true when the schema requires it
   */
  public boolean required(String name) {
    return required.contains(name);
  }

  /**
   * The properties whose change replaces the resource.
   *
   * @return their names
   */
  public Set<String> replaceOnChanges() {
    Set<String> names = new LinkedHashSet<>();
    properties.values().stream().filter(PropertySchema::replaceOnChanges).forEach(p -> names.add(p.name()));
    return Collections.unmodifiableSet(names);
  }
}
