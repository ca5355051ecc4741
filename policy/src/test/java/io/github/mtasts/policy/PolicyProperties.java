package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PolicyProperties {
  @Provide
  Arbitrary<Policy> policies() {
    return Generators.policy();
  }

  @Provide
  Arbitrary<String> labels() {
    return Generators.label();
  }

  @Provide
  Arbitrary<String> domains() {
    return Generators.domain();
  }

  @Property
  void parseOfRenderIsIdentity(@ForAll("policies") Policy policy) {
    ParseResult<Policy> parsed = Policy.parse(policy.render());
    assertTrue(parsed.isValid(), parsed::toString);
    assertEquals(policy, parsed.orElseThrow());
    assertEquals(policy.render(), parsed.orElseThrow().render());
    assertEquals(policy.id(), parsed.orElseThrow().id());
    assertEquals(policy.extensions(), parsed.orElseThrow().extensions());
  }

  @Property
  void everyRenderedIdIsValid(@ForAll("policies") Policy policy) {
    String id = policy.id().value();
    assertTrue(id.matches("[a-z2-7]{32}"), id);
    assertTrue(PolicyId.parse(id).isValid());
    assertTrue(StsRecord.parse(StsRecord.of(policy.id()).render()).isValid());
  }

  @Property
  void renderingIsCanonical(@ForAll("policies") Policy policy) {
    String body = policy.render();
    assertTrue(body.endsWith("\r\n"));
    assertFalse(body.replace("\r\n", "").contains("\n"));
    assertFalse(body.startsWith("\uFEFF"));
    assertTrue(body.startsWith("version: STSv1\r\nmode: " + policy.mode().token() + "\r\n"));
  }

  @Property
  void idsDifferExactlyWhenBodiesDiffer(
      @ForAll("policies") Policy a, @ForAll("policies") Policy b) {
    assertEquals(a.render().equals(b.render()), a.id().equals(b.id()));
    assertEquals(a.equals(b), a.id().equals(b.id()));
  }

  /**
   * A hand-written body in any order, with LF line ends, extra whitespace and upper-case mx
   * parses to the same policy, and so to the same id.
   */
  @Property
  void formattingDoesNotChangeThePolicy(@ForAll("policies") Policy policy, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    lines.add("version:\tSTSv1");
    lines.add("mode:  " + policy.mode().token() + " ");
    policy.mx().forEach(p -> lines.add("mx:" + p.toString().toUpperCase(Locale.ROOT) + "\t"));
    lines.add("max_age: " + policy.maxAge());
    Collections.shuffle(lines, random);
    // Extensions keep their relative order: it is part of the canonical body.
    policy.extensions().forEach((name, value) ->
        lines.add(random.nextInt(lines.size() + 1), name + ": " + value + " "));
    fixExtensionOrder(lines, policy);
    String body = String.join(random.nextBoolean() ? "\n" : "\r\n", lines)
        + (random.nextBoolean() ? "\n" : "");
    ParseResult<Policy> parsed = Policy.parse(body);
    assertTrue(parsed.isValid(), parsed::toString);
    assertEquals(policy, parsed.orElseThrow());
    assertEquals(policy.id(), parsed.orElseThrow().id());
  }

  /** Re-inserted extensions may have been shuffled among themselves; put them back in order. */
  private static void fixExtensionOrder(List<String> lines, Policy policy) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String name = lines.get(i).substring(0, lines.get(i).indexOf(':'));
      if (policy.extensions().containsKey(name)) {
        positions.add(i);
      }
    }
    List<String> ordered = new ArrayList<>();
    policy.extensions().forEach((name, value) -> ordered.add(name + ": " + value + " "));
    for (int i = 0; i < positions.size(); i++) {
      lines.set(positions.get(i), ordered.get(i));
    }
  }

  @Property
  void wildcardCoversExactlyOneLabel(
      @ForAll("labels") String first, @ForAll("labels") String second, @ForAll("domains") String domain) {
    MxPattern wildcard = MxPattern.of("*." + domain);
    assertTrue(wildcard.matches(first + "." + domain));
    assertTrue(wildcard.matches((first + "." + domain).toUpperCase(Locale.ROOT) + "."));
    assertFalse(wildcard.matches(second + "." + first + "." + domain));
    assertFalse(wildcard.matches(domain));
    MxPattern exact = MxPattern.of(first + "." + domain);
    assertTrue(exact.matches(first + "." + domain + "."));
    assertFalse(exact.matches(second + "x." + first + "." + domain));
  }

  @Property
  void everyMxOfAPolicyCoversItself(@ForAll("policies") Policy policy) {
    for (MxPattern pattern : policy.mx()) {
      String host = pattern.isWildcard() ? "host" + pattern.toString().substring(1)
          : pattern.toString();
      assertTrue(policy.patternFor(host).isPresent(), host);
    }
  }
}
