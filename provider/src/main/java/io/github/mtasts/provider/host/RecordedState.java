package io.github.mtasts.provider.host;

import io.github.mtasts.policy.Excerpt;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The outputs an earlier operation recorded in the stack's state, as the engine sends them back to
 * Update and Delete. They are not checked inputs: a state written by an older provider, edited by
 * hand or imported may lack an output or hold another kind of value. Reading one that is needed
 * then fails with an error naming the resource, the output and the fix (a refresh reads the
 * resource again and records it whole), never with an error of the provider's internals.
 */
public final class RecordedState {

  private final String token;
  private final String id;
  private final PropertyMap outputs;

  /**
   * The recorded state of one resource.
   *
   * @param token the resource's type token
   * @param id the resource's id
   * @param outputs the recorded outputs
   */
  public RecordedState(String token, String id, PropertyMap outputs) {
    this.token = token;
    this.id = id;
    this.outputs = outputs;
  }

  /**
   * Requires string outputs the operation cannot do without, naming every one that is missing.
   *
   * @param keys the outputs
   * @throws IllegalArgumentException naming the missing outputs, or the first that is no string
   */
  public void require(String... keys) {
    List<String> missing = Arrays.stream(keys).filter(key -> optionalText(key).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw broken("has no " + String.join(" and no ", missing));
    }
  }

  /**
   * A string output the operation cannot do without.
   *
   * @param key the output
   * @return its value
   * @throws IllegalArgumentException naming the output when it is missing or not a string
   */
  public String text(String key) {
    return optionalText(key).orElseThrow(() -> broken("has no " + key));
  }

  /**
   * A string output that may be missing, such as a part a create that stopped did not make.
   *
   * @param key the output
   * @return its value, or empty when it is not recorded
   * @throws IllegalArgumentException naming the output when it holds something else than a string
   */
  public Optional<String> optionalText(String key) {
    Optional<PropertyValue> value = outputs.get(key);
    if (value.isPresent() && !(value.get() instanceof PropertyValue.Text)) {
      throw broken("holds " + PropertyValue.kindName(value.get()) + " as " + key + ", not a string");
    }
    return value.map(text -> ((PropertyValue.Text) text).value());
  }

  private IllegalArgumentException broken(String what) {
    return new IllegalArgumentException("the recorded state of " + token + " " + Excerpt.quote(id) + " " + what
        + ", which this operation needs: run pulumi refresh, which reads the resource again and records it whole,"
        + " then run the command again");
  }
}
