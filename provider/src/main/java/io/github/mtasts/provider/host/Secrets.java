package io.github.mtasts.provider.host;

import io.github.mtasts.policy.Excerpt;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a resource's inputs is secret, so that everything derived from them is concealed the
 * same way: the one place where secretness flows from inputs to outputs and messages.
 *
 * <p>Handlers work on revealed values and never see a {@link PropertyValue.Secret}. The provider
 * then conceals their results with {@link #conceal(PropertyMap, Map)}: an output that echoes an
 * input is secret when any part of that input was; an output computed by the provider is secret
 * when an input it derives from was (any input, unless the handler says which). Messages (check
 * failures, errors, log lines) go through {@link #redact(String)}, which masks every secret
 * string of the inputs.
 */
public final class Secrets {

  /** What a secret is replaced with in messages. */
  public static final String MASK = "[secret]";

  /** How excerpts mark left-out text ({@link Excerpt}). */
  private static final String ELLIPSIS = "…";
  /**
   * The shortest part of a secret masked where an excerpt cut it: excerpts keep at least 126
   * characters on a side, and a run this long of a secret's characters derives from it.
   */
  private static final int MIN_FRAGMENT = 16;

  private static final Secrets NONE = new Secrets(Set.of(), Set.of(), Set.of());

  private final Set<String> inputKeys;
  private final Set<String> secretKeys;
  private final Set<String> secretTexts;

  private Secrets(Set<String> inputKeys, Set<String> secretKeys, Set<String> secretTexts) {
    this.inputKeys = inputKeys;
    this.secretKeys = secretKeys;
    this.secretTexts = secretTexts;
  }

  /**
   * No secrets at all.
   *
   * @return the empty set of secrets
   */
  public static Secrets none() {
    return NONE;
  }

  /**
   * The secrets of a resource's inputs.
   *
   * @param inputs the inputs as the engine sent them (with secret markers)
   * @return what is secret in them
   */
  public static Secrets of(PropertyMap inputs) {
    Set<String> secretKeys = new LinkedHashSet<>();
    Set<String> secretTexts = new LinkedHashSet<>();
    inputs
        .asMap()
        .forEach(
            (key, value) -> {
              if (value.containsSecrets()) {
                secretKeys.add(key);
                collectSecretTexts(value, secretTexts);
              }
            });
    return new Secrets(Set.copyOf(inputs.keys()), Set.copyOf(secretKeys), Set.copyOf(secretTexts));
  }

  /**
   * Secrets given as plain strings, such as the provider's API tokens; {@link #redact} masks each
   * in every form a message can derive from it (trimmed, as the clients trim a pasted line end; in
   * any case).
   *
   * @param texts the secret strings
   * @return secrets that redact these strings
   */
  public static Secrets ofTexts(Collection<String> texts) {
    // The forms a message may show (trimmed, any case, ...) are derived in redact; white space
    // alone is no secret.
    Set<String> secrets = new LinkedHashSet<>(texts);
    secrets.removeIf(String::isBlank);
    return new Secrets(Set.of(), Set.of(), Set.copyOf(secrets));
  }

  /**
   * The union of two sets of secrets.
   *
   * @param other more secrets
   * @return secrets covering both
   */
  public Secrets and(Secrets other) {
    Set<String> keys = new LinkedHashSet<>(inputKeys);
    keys.addAll(other.inputKeys);
    Set<String> secret = new LinkedHashSet<>(secretKeys);
    secret.addAll(other.secretKeys);
    Set<String> texts = new LinkedHashSet<>(secretTexts);
    texts.addAll(other.secretTexts);
    return new Secrets(Set.copyOf(keys), Set.copyOf(secret), Set.copyOf(texts));
  }

  /**
   * Whether any input is secret.
   *
   * @return true when something is secret
   */
  public boolean any() {
    return !secretKeys.isEmpty();
  }

  /**
   * Marks as secret what derives from secret inputs, when any output may derive from any input.
   *
   * @param outputs revealed outputs (or checked inputs) of a handler
   * @return the same values, with secret markers where the inputs had them
   */
  public PropertyMap conceal(PropertyMap outputs) {
    return conceal(outputs, Map.of());
  }

  /**
   * Marks as secret what derives from secret inputs.
   *
   * @param outputs revealed outputs (or checked inputs) of a handler
   * @param derivations for computed outputs, the inputs each derives from; a computed output
   *     not listed derives from every input
   * @return the same values, with secret markers where the inputs had them
   */
  public PropertyMap conceal(PropertyMap outputs, Map<String, Set<String>> derivations) {
    if (!any()) {
      return outputs;
    }
    PropertyMap.Builder builder = PropertyMap.builder();
    outputs.asMap().forEach((key, value) -> {
      boolean secret;
      if (derivations.containsKey(key)) {
        secret = derivations.get(key).stream().anyMatch(secretKeys::contains);
      } else if (inputKeys.contains(key)) {
        secret = secretKeys.contains(key);
      } else {
        secret = true; // computed from who knows which input: any secret input may show in it
      }
      builder.put(key, secret && !(value instanceof PropertyValue.Null) ? new PropertyValue.Secret(value) : value);
    });
    return builder.build();
  }

  /**
   * Masks every secret inside a message, in every form a message can derive from it: as given,
   * trimmed, without trailing dots (how names are compared), without surrounding quotes (a TXT
   * value's text), in any case (names are folded to
   * lower case when read, and hints may upper-case), and as an excerpt ({@link Excerpt}: the
   * start of a long value before {@code …}, or a part of it after {@code …}).
   *
   * @param message a message that may quote input values
   * @return the message with each secret replaced by {@value #MASK}
   */
  public String redact(String message) {
    if (secretTexts.isEmpty()) {
      return message;
    }
    List<String> forms = forms();
    StringBuilder redacted = new StringBuilder();
    for (String part : message.split(ELLIPSIS, -1)) {
      // Each part may end with the start of a secret (an excerpt's head) or begin with any part
      // of one (the rest of an excerpt); redact the whole forms first, then those fragments.
      String masked = maskWhole(part, forms);
      if (redacted.length() > 0) {
        redacted.append(ELLIPSIS);
        masked = maskFragmentAfterEllipsis(masked, forms);
      }
      redacted.append(masked);
    }
    String result = redacted.toString();
    return message.contains(ELLIPSIS) ? maskHeadsBeforeEllipsis(result, forms) : result;
  }

  /** Every form of every secret, longest first, so that a secret that contains another is masked whole. */
  private List<String> forms() {
    Set<String> forms = new LinkedHashSet<>();
    for (String text : secretTexts) {
      forms.add(text);
      String trimmed = text.strip();
      forms.add(trimmed);
      forms.add(trimmed.replaceAll("\\.+$", ""));
      if (trimmed.length() > 1 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
        forms.add(trimmed.substring(1, trimmed.length() - 1)); // a TXT value's text, as hints show it
      }
    }
    return forms.stream().filter(form -> !form.isEmpty()).sorted((a, b) -> b.length() - a.length()).toList();
  }

  private static String maskWhole(String text, List<String> forms) {
    String masked = text;
    for (String form : forms) {
      masked = Pattern.compile(Pattern.quote(form), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
          .matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
    }
    return masked;
  }

  /** Masks the start of a part that continues a secret's excerpt: any run of a secret, if long enough. */
  private static String maskFragmentAfterEllipsis(String part, List<String> forms) {
    if (part.length() < MIN_FRAGMENT) {
      return part;
    }
    String probe = part.substring(0, MIN_FRAGMENT).toLowerCase(Locale.ROOT);
    for (String form : forms) {
      String lower = form.toLowerCase(Locale.ROOT);
      int at = lower.indexOf(probe);
      if (at >= 0) {
        int length = MIN_FRAGMENT;
        while (length < part.length() && at + length < lower.length()
            && part.regionMatches(true, length, lower, at + length, 1)) {
          length++;
        }
        return MASK + part.substring(length);
      }
    }
    return part;
  }

  /** Masks a secret's start that an excerpt cut before {@code …}. */
  private static String maskHeadsBeforeEllipsis(String message, List<String> forms) {
    StringBuilder out = new StringBuilder(message);
    for (int end = out.indexOf(ELLIPSIS); end >= 0; end = out.indexOf(ELLIPSIS, end + ELLIPSIS.length())) {
      String current = out.toString();
      for (String form : forms) {
        int length = Math.min(Math.min(end, form.length()), Excerpt.MAX_CHARS);
        while (length >= MIN_FRAGMENT && !current.regionMatches(true, end - length, form, 0, length)) {
          length--;
        }
        if (length >= MIN_FRAGMENT) {
          out.replace(end - length, end, MASK);
          end = end - length + MASK.length();
          break;
        }
      }
    }
    return out.toString();
  }

  private static void collectSecretTexts(PropertyValue value, Set<String> into) {
    if (value instanceof PropertyValue.Secret secret) {
      collectTexts(secret.value().reveal(), into);
    } else if (value instanceof PropertyValue.Array array) {
      array.elements().forEach(element -> collectSecretTexts(element, into));
    } else if (value instanceof PropertyMap map) {
      map.asMap().values().forEach(element -> collectSecretTexts(element, into));
    }
  }

  private static void collectTexts(PropertyValue value, Set<String> into) {
    if (value instanceof PropertyValue.Text text && !text.value().isEmpty()) {
      into.add(text.value());
    } else if (value instanceof PropertyValue.Number number) {
      into.add(Numbers.format(number.value()));
    } else if (value instanceof PropertyValue.Array array) {
      array.elements().forEach(element -> collectTexts(element, into));
    } else if (value instanceof PropertyMap map) {
      map.asMap().values().forEach(element -> collectTexts(element, into));
    }
  }

  @Override
  public String toString() {
    return "Secrets" + List.copyOf(secretKeys);
  }
}
