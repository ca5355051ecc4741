package io.github.mtasts.provider.host;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates the inputs of one Check call, collecting at most ONE failure per property
 * so the user sees one clear sentence per field to fix.
 *
 * <p>A value that is unknown (a preview, where it comes from another resource's output) cannot
 * be validated yet: readers return empty for it and record nothing; Check runs again with the
 * known value during the update.
 */
public final class InputCheck {

  private final PropertyMap inputs;
  private final Map<String, String> failures = new LinkedHashMap<>();

  /**
   * Starts checking inputs.
   *
   * @param inputs revealed inputs (no secret markers; unknowns allowed)
   */
  public InputCheck(PropertyMap inputs) {
    this.inputs = inputs;
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
   * Records several problems of one property as its one failure, a sentence each.
   *
   * @param property the property name
   * @param reasons the problems; nothing is recorded when empty
   */
  public void failAll(String property, List<String> reasons) {
    if (!reasons.isEmpty()) {
      fail(property, String.join(" ", reasons));
    }
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
   * Fails every property that is not among the known ones, so a misspelt name is caught here
   * instead of being silently ignored.
   *
   * @param known the property names the resource accepts
   */
  public void rejectUnknownProperties(Collection<String> known) {
    for (String key : inputs.keys()) {
      // The engine and older SDKs add bookkeeping keys starting with "__" (e.g. "__defaults").
      if (!known.contains(key) && !key.startsWith("__")) {
        fail(key, key + " is not a property of this resource; the properties are: " + String.join(", ", known));
      }
    }
  }

  /**
   * Reads a string property.
   *
   * @param property the property name
   * @param required whether the property must be set
   * @return the string, or empty when unset, unknown or invalid
   */
  public Optional<String> text(String property, boolean required) {
    return value(property, required).flatMap(value -> {
      if (value instanceof PropertyValue.Text text) {
        return Optional.of(text.value());
      }
      fail(property, property + " must be a string, got " + PropertyValue.kindName(value));
      return Optional.empty();
    });
  }

  /**
   * Reads a string property that must be one of a few words.
   *
   * @param property the property name
   * @param required whether the property must be set
   * @param allowed the allowed values
   * @return the string, or empty when unset, unknown or invalid
   */
  public Optional<String> oneOf(String property, boolean required, Set<String> allowed) {
    return text(property, required).filter(text -> {
      if (allowed.contains(text)) {
        return true;
      }
      fail(property, property + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ", got \"" + text + "\"");
      return false;
    });
  }

  /**
   * Reads a whole-number property within bounds.
   *
   * @param property the property name
   * @param required whether the property must be set
   * @param min the smallest allowed value
   * @param max the largest allowed value
   * @param unit what the number counts, for the message (e.g. "seconds")
   * @return the number, or empty when unset, unknown or invalid
   */
  public Optional<Long> integer(String property, boolean required, long min, long max, String unit) {
    return wholeNumber(property, required, unit).filter(number -> {
      if (number >= min && number <= max) {
        return true;
      }
      fail(property, property + " must be a whole number of " + unit + " from " + min + " to " + max + ", got " + number);
      return false;
    });
  }

  /**
   * Reads a whole-number property, leaving its range to the caller.
   *
   * @param property the property name
   * @param required whether the property must be set
   * @param unit what the number counts, for the message (e.g. "seconds")
   * @return the number, or empty when unset, unknown or invalid
   */
  public Optional<Long> wholeNumber(String property, boolean required, String unit) {
    return value(property, required).flatMap(value -> {
      // Doubles carry integers exactly up to 2^53; beyond that a "whole" number is a rounding.
      if (value instanceof PropertyValue.Number number
          && number.value() == Math.rint(number.value())
          && Math.abs(number.value()) <= 0x1p53) {
        return Optional.of((long) number.value());
      }
      String got = value instanceof PropertyValue.Number number ? Numbers.format(number.value()) : PropertyValue.kindName(value);
      fail(property, property + " must be a whole number of " + unit + ", got " + got);
      return Optional.empty();
    });
  }

  /**
   * Reads an array-of-strings property.
   *
   * @param property the property name
   * @param required whether the property must be set
   * @return the strings, or empty when unset, unknown (in whole or in part) or invalid
   */
  public Optional<List<String>> texts(String property, boolean required) {
    return value(property, required).flatMap(value -> {
      if (!(value instanceof PropertyValue.Array array)) {
        fail(property, property + " must be a list of strings, got " + PropertyValue.kindName(value));
        return Optional.empty();
      }
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < array.elements().size(); i++) {
        PropertyValue element = array.elements().get(i);
        if (!(element instanceof PropertyValue.Text text)) {
          fail(property, property + "[" + i + "] must be a string, got " + PropertyValue.kindName(element));
          return Optional.empty();
        }
        texts.add(text.value());
      }
      return Optional.of(List.copyOf(texts));
    });
  }

  private Optional<PropertyValue> value(String property, boolean required) {
    Optional<PropertyValue> value = inputs.get(property);
    if (value.isEmpty()) {
      if (required) {
        fail(property, property + " is required");
      }
      return Optional.empty();
    }
    return value.filter(v -> !v.containsUnknowns());
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
}
