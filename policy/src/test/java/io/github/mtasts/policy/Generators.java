package io.github.mtasts.policy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random valid values of the policy model, for property tests. */
final class Generators {
  private Generators() {}

  static Arbitrary<String> label() {
    Arbitrary<String> inner =
        Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-').ofMaxLength(12);
    Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').numeric();
    return Combinators.combine(edge, inner, edge)
        .as((first, middle, last) -> middle.isEmpty() ? first + "" : first + middle + last);
  }

  /** A host name: some labels and an alphabetic top-level label (RFC 3696 §2). */
  static Arbitrary<String> domain() {
    Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
    return Combinators.combine(label().list().ofMinSize(0).ofMaxSize(3), tld)
        .as((labels, top) -> labels.isEmpty() ? top : String.join(".", labels) + "." + top);
  }

  static Arbitrary<String> mxPatternText() {
    return Combinators.combine(Arbitraries.of(true, false), domain())
        .as((wildcard, domain) -> wildcard ? "*." + domain : domain);
  }

  static Arbitrary<String> policyExtensionName() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z').numeric();
    Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars('_', '-', '.')
        .ofMaxLength(31);
    return Combinators.combine(first, rest).as((f, r) -> f + r)
        .filter(name -> !Policy.FIELD_NAMES.contains(name));
  }

  /** Visible ASCII and UTF-8 characters with inner spaces (RFC 8461 §3.2 sts-policy-ext-value). */
  static Arbitrary<String> policyExtensionValue() {
    Arbitrary<String> visible = Arbitraries.strings().withCharRange('!', '~')
        .withChars('é', 'ß', '✉', '中').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> spaces = Arbitraries.of(" ", "  ");
    return Combinators.combine(visible, visible.list().ofMaxSize(3), spaces, Arbitraries.of("", "𝄞"))
        .as((head, tail, space, astral) -> head + astral + (tail.isEmpty() ? "" : space
            + String.join(space, tail)));
  }

  static Arbitrary<Policy> policy() {
    Arbitrary<Mode> mode = Arbitraries.of(Mode.values());
    Arbitrary<List<String>> mx = mxPatternText().list().ofMaxSize(5);
    Arbitrary<Long> maxAge = Arbitraries.longs().between(0, MaxAge.MAX_SECONDS);
    Arbitrary<List<List<String>>> extensions =
        Combinators.combine(policyExtensionName(), policyExtensionValue()).as(List::of)
            .list().ofMaxSize(3);
    return Combinators.combine(mode, mx, maxAge, extensions)
        .as((m, patterns, age, exts) -> {
          Policy.Builder builder = Policy.builder().mode(m).mx(patterns).maxAge(age);
          if (m != Mode.NONE && patterns.isEmpty()) {
            builder.mx("mx.example.com");
          }
          exts.forEach(e -> builder.extension(e.get(0), e.get(1)));
          return builder.build();
        });
  }

  /** A TXT extension: a name other than v and the registered one, and a value (RFC 8461 §3.1). */
  static Arbitrary<List<String>> txtExtension(String registered) {
    Arbitrary<String> value = Arbitraries.strings().withCharRange('!', '~')
        .excludeChars('=', ';').ofMinLength(1).ofMaxLength(12);
    return Combinators.combine(policyExtensionName(), value).as(List::of)
        .filter(e -> !e.get(0).equals("v") && !e.get(0).equals(registered));
  }

  static Arbitrary<String> policyIdText() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32);
  }

  static Arbitrary<String> reportUri() {
    Arbitrary<String> local = Arbitraries.strings().alpha().numeric().withChars('.', '+', '-')
        .ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> path = Arbitraries.of("", "/", "/v1/tlsrpt", "/a%2Cb%21c%3Bd", "/x?y=z");
    Arbitrary<String> mailto = Combinators.combine(local, domain()).as((l, d) -> "mailto:" + l + "@" + d);
    Arbitrary<String> https = Combinators.combine(domain(), path).as((d, p) -> "https://" + d + p);
    return Arbitraries.oneOf(mailto, https);
  }
}
