package io.github.mtasts.provider.host;

import io.github.mtasts.policy.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks the inputs of one Check call, collecting at most ONE failure per property so the user
 * sees one clear sentence per field to fix.
 *
 * <p>What the package schema says is checked as soon as the check starts: a property the schema
 * does not declare, a required one that is missing, a value of the wrong type or outside its
 * enum; defaults the schema declares are applied. The resource then adds the rules the schema
 * cannot express through the readers, which return a value only when it is set, known and
 * passed the schema's checks, and {@link #fail}; it puts back normalised values with
 * {@link #put}.
 *
 * <p>A value that is unknown (a preview, where it comes from another resource's output) cannot
 * be validated yet: readers return empty for it and record nothing; Check runs again with the
 * known value during the update.
 */
public final class InputCheck {

  private final InputSchema schema;
  private final PropertyMap.Builder checked;
  private final Map<String, String> failures = new LinkedHashMap<>();

  /**
   * Starts checking inputs: checks what the schema declares and applies its defaults.
   *
   * @param schema the inputs the schema declares
   * @param inputs revealed inputs (no secret markers; unknowns allowed)
   */
  public InputCheck(InputSchema schema, PropertyMap inputs) {
    this.schema = schema;
    this.checked = inputs.toBuilder();
    for (String key : inputs.keys()) {
      // The engine and older SDKs add bookkeeping keys starting with "__" (e.g. "__defaults").
      if (schema.property(key).isEmpty() && !key.startsWith("__")) {
        fail(key, Excerpt.head(key) + " is not a property of this resource; the properties are: " + String.join(", ", schema.names()));
      }
    }
    for (PropertySchema property : schema.properties()) {
      Optional<PropertyValue> value = inputs.get(property.name());
      if (value.isEmpty()) {
        property.defaultValue().ifPresentOrElse(
            defaultValue -> checked.put(property.name(), defaultValue),
            () -> {
              if (schema.required(property.name())) {
                fail(property.name(), property.name() + " is required");
              }
            });
      } else if (!value.get().containsUnknowns()) {
        problem(property, property.name(), value.get()).ifPresent(problem -> fail(property.name(), problem));
      }
    }
  }

  /** What is wrong with a known value by the schema's declaration, if anything. */
  private static Optional<String> problem(PropertySchema property, String path, PropertyValue value) {
    boolean fits = switch (property.type()) {
      case STRING -> value instanceof PropertyValue.Text;
      case INTEGER -> value instanceof PropertyValue.Number number && isWhole(number.value());
      case NUMBER -> value instanceof PropertyValue.Number;
      case BOOLEAN -> value instanceof PropertyValue.Bool;
      case ARRAY -> value instanceof PropertyValue.Array;
      case OBJECT -> value instanceof PropertyMap;
      case ANY -> true;
    };
    if (!fits) {
      // A number that is not whole is shown: it is what the user wrote, as nothing else is.
      String got = property.type() == PropertySchema.Type.INTEGER && value instanceof PropertyValue.Number number
          ? Numbers.format(number.value())
          : PropertyValue.kindName(value);
      return Optional.of(path + " must be " + expected(property) + ", got " + got);
    }
    if (value instanceof PropertyValue.Text text && property.isEnum() && !property.enumValues().contains(text.value())) {
      return Optional.of(path + " must be one of " + String.join(", ", property.enumValues().stream().sorted().toList())
          + ", got " + Excerpt.quote(text.value()) + caseHint(property, text.value()));
    }
    if (value instanceof PropertyValue.Array array && property.items().isPresent()) {
      for (int i = 0; i < array.elements().size(); i++) {
        Optional<String> problem = problem(property.items().get(), path + "[" + i + "]", array.elements().get(i));
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  /** Doubles carry integers exactly up to 2^53; beyond that a "whole" number is a rounding. */
  private static boolean isWhole(double number) {
    return number == Math.rint(number) && Math.abs(number) <= 0x1p53;
  }

  private static String expected(PropertySchema property) {
    return switch (property.type()) {
      case STRING -> "a string";
      case INTEGER -> "a whole number";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case ARRAY -> property.items().filter(items -> items.type() == PropertySchema.Type.STRING).isPresent()
          ? "a list of strings" : "a list";
      case OBJECT -> "an object";
      case ANY -> "any value";
    };
  }

  /** Enum values are case-sensitive (the policy's mode is, RFC 8461 §3.2): name the one meant. */
  private static String caseHint(PropertySchema property, String given) {
    return property.enumValues().stream()
        .filter(value -> value.toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT)))
        .findFirst()
        .map(value -> "; the values are case-sensitive: write \"" + value + "\"")
        .orElse("");
  }

  /**
   * Records that a property is invalid. A property keeps its first failure only.
   *
   * @param property the property name
   * @param reason what is wrong and how to fix it
   */
  public void fail(String property, String reason) {
    failures.putIfAbsent(property, reason);
  }

  /**
   * Records several problems of one property as its one failure, a sentence each. A sentence of
   * the policy core names what it checks as RFC 8461 does ({@code id}, {@code the policy},
   * {@code the record}); one that does not name the property as the schema spells it is
   * prefixed with it, so that the person reads which input to fix.
   *
   * @param property the property name
   * @param reasons the problems; nothing is recorded when empty
   */
  public void failAll(String property, List<String> reasons) {
    if (!reasons.isEmpty()) {
      fail(property, named(property, String.join(" ", reasons)));
    }
  }

  /** The reason, prefixed with the property unless it already names it as a word of its own. */
  static String named(String property, String reason) {
    boolean names = Pattern.compile("(?<![\\p{Alnum}_])" + Pattern.quote(property) + "(?![\\p{Alnum}_])")
        .matcher(reason).find();
    return names ? reason : property + ": " + reason;
  }

  /**
   * Whether a property already has a failure.
   *
   * @param property the property name
   * @return true when it failed
   */
  public boolean failed(String property) {
    return failures.containsKey(property);
  }

  /**
   * Reads a string property, or the word of an enum.
   *
   * @param property the property name
   * @return the string, or empty when unset, unknown or invalid
   */
  public Optional<String> text(String property) {
    return valid(property).map(value -> ((PropertyValue.Text) value).value());
  }

  /**
   * Reads a whole-number property.
   *
   * @param property the property name
   * @return the number, or empty when unset, unknown or invalid
   */
  public Optional<Long> wholeNumber(String property) {
    return valid(property).map(value -> (long) ((PropertyValue.Number) value).value());
  }

  /**
   * Reads a whole-number property that must lie within bounds, a rule the schema cannot say.
   *
   * @param property the property name
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @param unit what the number counts, for the message (e.g. "seconds")
   * @return the number, or empty when unset, unknown or invalid
   */
  public Optional<Long> integer(String property, long min, long max, String unit) {
    return wholeNumber(property).filter(number -> {
      if (number >= min && number <= max) {
        return true;
      }
      fail(property, property + " must be a whole number of " + unit + " from " + min + " to " + max + ", got " + number);
      return false;
    });
  }

  /**
   * Reads a boolean property.
   *
   * @param property the property name
   * @return the value, or empty when unset, unknown or invalid
   */
  public Optional<Boolean> bool(String property) {
    return valid(property).map(value -> ((PropertyValue.Bool) value).value());
  }

  /**
   * Reads an array-of-strings property.
   *
   * @param property the property name
   * @return the strings, or empty when unset, unknown (in whole or in part) or invalid
   */
  public Optional<List<String>> texts(String property) {
    return valid(property).map(value -> {
      List<String> texts = new ArrayList<>();
      ((PropertyValue.Array) value).elements().forEach(element -> texts.add(((PropertyValue.Text) element).value()));
      return List.copyOf(texts);
    });
  }

  /** A value that is set, known, declared and passed the schema's checks so far. */
  private Optional<PropertyValue> valid(String property) {
    if (schema.property(property).isEmpty()) {
      throw new IllegalArgumentException(property + " is not an input the schema declares: " + schema.names());
    }
    if (failed(property)) {
      return Optional.empty();
    }
    return checked.build().get(property).filter(value -> !value.containsUnknowns());
  }

  /**
   * Applies a rule that refuses a bad value by throwing, recording its complaint (the
   * exception's message, which names the value and the fix) as the property's failure.
   *
   * @param property the property name
   * @param rule the rule, which returns what it made of the value
   * @param <T> its result
   * @return the rule's result, or empty when it refused the value
   */
  public <T> Optional<T> rule(String property, Supplier<T> rule) {
    try {
      return Optional.of(rule.get());
    } catch (IllegalArgumentException e) {
      fail(property, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Replaces a property's value in the checked inputs, such as with its normalised form.
   *
   * @param property the property name
   * @param value the value
   */
  public void put(String property, PropertyValue value) {
    checked.put(property, value);
  }

  /**
   * Replaces a string property's value in the checked inputs.
   *
   * @param property the property name
   * @param value the string
   */
  public void put(String property, String value) {
    checked.put(property, value);
  }

  /**
   * The checked inputs so far: the inputs with the schema's defaults and the values put back.
   *
   * @return the inputs
   */
  public PropertyMap inputs() {
    return checked.build();
  }

  /**
   * The failures found, one per property, in the order they were found.
   *
   * @return the failures
   */
  public List<CheckResult.Failure> failures() {
    List<CheckResult.Failure> list = new ArrayList<>();
    failures.forEach((property, reason) -> list.add(new CheckResult.Failure(property, reason)));
    return List.copyOf(list);
  }

  /**
   * The outcome: the checked inputs and the failures.
   *
   * @return the result of the check
   */
  public CheckResult result() {
    return new CheckResult(inputs(), failures());
  }
}
