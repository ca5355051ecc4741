package io.github.mtasts.provider.host;

import java.util.List;
import java.util.Objects;

/**
 * A value of the Pulumi data model as the engine exchanges it with a provider: JSON values plus
 * two markers, {@link Unknown} (a value only known after a deployment step, seen in previews)
 * and {@link Secret} (a value that must never be shown in clear text).
 *
 * <p>Objects are {@link PropertyMap}s. {@link StructCodec} is the only place that maps these
 * values to and from the protobuf wire form.
 */
public sealed interface PropertyValue
    permits PropertyValue.Null,
        PropertyValue.Bool,
        PropertyValue.Number,
        PropertyValue.Text,
        PropertyValue.Array,
        PropertyValue.Unknown,
        PropertyValue.Secret,
        PropertyMap {

  /** The null value. */
  Null NULL = new Null();

  /** The unknown value. */
  Unknown UNKNOWN = new Unknown();

  /**
   * A string value.
   *
   * @param text the string
   * @return the value
   */
  static Text of(String text) {
    return new Text(text);
  }

  /**
   * A number value.
   *
   * @param number the number
   * @return the value
   */
  static Number of(double number) {
    return new Number(number);
  }

  /**
   * A boolean value.
   *
   * @param bool the boolean
   * @return the value
   */
  static Bool of(boolean bool) {
    return new Bool(bool);
  }

  /**
   * An array of strings.
   *
   * @param texts the strings
   * @return the value
   */
  static Array ofTexts(List<String> texts) {
    return new Array(texts.stream().map(PropertyValue::of).map(PropertyValue.class::cast).toList());
  }

  /**
   * The kind of a value in words, for messages that must not show the value itself.
   *
   * @param value the value
   * @return for example "a string" or "an array"
   */
  static String kindName(PropertyValue value) {
    if (value instanceof Secret secret) {
      return kindName(secret.value());
    }
    if (value instanceof Text) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Bool) {
      return "a boolean";
    }
    if (value instanceof Array) {
      return "an array";
    }
    if (value instanceof PropertyMap) {
      return "an object";
    }
    if (value instanceof Unknown) {
      return "an unknown value";
    }
    return "null";
  }

  /**
   * Whether this value or any value inside it is unknown.
   *
   * @return true when some part of this value is not known yet
   */
  default boolean containsUnknowns() {
    return false;
  }

  /**
   * Whether this value or any value inside it is secret.
   *
   * @return true when some part of this value is secret
   */
  default boolean containsSecrets() {
    return false;
  }

  /**
   * This value with every {@link Secret} marker removed, keeping what it wraps.
   *
   * @return the value in clear
   */
  default PropertyValue reveal() {
    return this;
  }

  /** The null value: a property that is present but has no value. */
  record Null() implements PropertyValue {}

  /**
   * A boolean.
   *
   * @param value the boolean
   */
  record Bool(boolean value) implements PropertyValue {}

  /**
   * A number: the wire form has only IEEE-754 doubles.
   *
   * @param value the number
   */
  record Number(double value) implements PropertyValue {}

  /**
   * A string.
   *
   * @param value the string
   */
  record Text(String value) implements PropertyValue {
    /** Requires a string. */
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * An array of values.
   *
   * @param elements the elements, in order
   */
  record Array(List<PropertyValue> elements) implements PropertyValue {
    /** Copies the elements. */
    public Array {
      elements = List.copyOf(elements);
    }

    @Override
    public boolean containsUnknowns() {
      return elements.stream().anyMatch(PropertyValue::containsUnknowns);
    }

    @Override
    public boolean containsSecrets() {
      return elements.stream().anyMatch(PropertyValue::containsSecrets);
    }

    @Override
    public PropertyValue reveal() {
      return containsSecrets() ? new Array(elements.stream().map(PropertyValue::reveal).toList()) : this;
    }
  }

  /** A value that is not known yet: it becomes known when the deployment runs. */
  record Unknown() implements PropertyValue {
    @Override
    public boolean containsUnknowns() {
      return true;
    }
  }

  /**
   * A sensitive value: shown and stored only encrypted or masked.
   *
   * @param value the wrapped value
   */
  record Secret(PropertyValue value) implements PropertyValue {
    /** Requires a value; a secret of a secret is one secret. */
    public Secret {
      Objects.requireNonNull(value, "value");
      if (value instanceof Secret inner) {
        value = inner.value();
      }
    }

    @Override
    public boolean containsUnknowns() {
      return value.containsUnknowns();
    }

    @Override
    public boolean containsSecrets() {
      return true;
    }

    @Override
    public PropertyValue reveal() {
      return value.reveal();
    }

    /** Never shows the wrapped value, so a secret cannot leak through a message or a log line. */
    @Override
    public String toString() {
      return "Secret[****]";
    }
  }
}
