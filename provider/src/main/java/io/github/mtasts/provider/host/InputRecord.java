package io.github.mtasts.provider.host;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decodes a resource's checked inputs into its input record, once, so that its operations read
 * typed values instead of looking properties up by name: a record component stands for the
 * input of the same name.
 *
 * <p>Component types: {@code String}; {@code long} or {@code int} for an integer; {@code boolean};
 * {@code Duration} for an integer of seconds (every duration of the schema is in seconds);
 * {@code List<String>}; an enum, whose constant is the schema's word in upper case with '-' as
 * '_' (the word {@code policy-host} is {@code POLICY_HOST}); {@link PropertyValue} for a value of
 * any type; and {@code Optional} of one of these for an input that may be unset.
 */
public final class InputRecord {

  private InputRecord() {}

  /**
   * The input names a record stands for.
   *
   * @param type the input record
   * @return its component names, in order
   */
  public static List<String> names(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check, with defaults applied and no unknowns
   * @param type the input record
   * @param <R> its type
   * @return the record
   * @throws IllegalStateException when the inputs do not fit the record: they were not checked
   *     against the schema, or the record does not match it
   */
  public static <R extends Record> R decode(PropertyMap inputs, Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      Optional<PropertyValue> value = inputs.get(component.getName());
      if (component.getType() == Optional.class) {
        Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        values[i] = value.map(v -> decode(component.getName(), v, element));
      } else {
        values[i] = decode(component.getName(), value.orElseThrow(() ->
            new IllegalStateException("the checked inputs lack " + component.getName())), component.getGenericType());
      }
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("cannot make " + type.getSimpleName() + " of the inputs", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make " + type.getSimpleName() + " of the inputs", e);
    }
  }

  private static Object decode(String name, PropertyValue value, Type type) {
    if (value.containsUnknowns()) {
      throw new IllegalStateException(name + " is not known yet: decode inputs only outside a preview");
    }
    if (type == PropertyValue.class) {
      return value;
    }
    if (type == String.class) {
      return expect(name, value, PropertyValue.Text.class).value();
    }
    if (type == long.class || type == Long.class) {
      return (long) expect(name, value, PropertyValue.Number.class).value();
    }
    if (type == int.class || type == Integer.class) {
      return (int) expect(name, value, PropertyValue.Number.class).value();
    }
    if (type == boolean.class || type == Boolean.class) {
      return expect(name, value, PropertyValue.Bool.class).value();
    }
    if (type == Duration.class) {
      return Duration.ofSeconds((long) expect(name, value, PropertyValue.Number.class).value());
    }
    if (type instanceof Class<?> enumType && enumType.isEnum()) {
      return constant(enumType, expect(name, value, PropertyValue.Text.class).value());
    }
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      List<Object> elements = new ArrayList<>();
      for (PropertyValue element : expect(name, value, PropertyValue.Array.class).elements()) {
        elements.add(decode(name, element, list.getActualTypeArguments()[0]));
      }
      return List.copyOf(elements);
    }
    throw new IllegalStateException(name + ": an input record cannot hold a " + type.getTypeName());
  }

  /**
   * The constant of an enum that stands for a word of the schema's enum.
   *
   * @param type the enum
   * @param word the word, e.g. {@code policy-host}
   * @param <E> the enum type
   * @return the constant, e.g. {@code POLICY_HOST}
   * @throws IllegalStateException when the enum has no such constant
   */
  public static <E> E constant(Class<E> type, String word) {
    String name = word.toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> ((Enum<?>) constant).name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no constant for \"" + word + "\""));
  }

  private static <T extends PropertyValue> T expect(String name, PropertyValue value, Class<T> type) {
    if (!type.isInstance(value)) {
      throw new IllegalStateException(name + " holds " + PropertyValue.kindName(value) + " where the record expects "
          + type.getSimpleName());
    }
    return type.cast(value);
  }
}
