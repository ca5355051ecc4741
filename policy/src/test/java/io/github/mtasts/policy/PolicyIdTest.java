package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyIdTest {
  @Test
  void oneToThirtyTwoLettersAndDigits() {
    assertTrue(PolicyId.parse("a").isValid());
    assertTrue(PolicyId.parse("20160831085700Z").isValid());
    assertTrue(PolicyId.parse("A".repeat(32)).isValid());
    Problem tooLong = PolicyId.parse("a".repeat(33)).errors().get(0);
    assertEquals("id", tooLong.field());
    assertTrue(tooLong.message().contains("33 characters"), tooLong.message());
  }

  @Test
  void otherCharactersAreRefused() {
    for (String bad : List.of("", "abc-def", "abc.def", "abc def", "abc_def", "2024é", "a=b")) {
      assertFalse(PolicyId.parse(bad).isValid(), bad);
    }
  }

  @Test
  void derivedIdIsThirtyTwoLowerCaseBase32Characters() {
    Policy policy = Policy.builder().mode(Mode.NONE).maxAge(0).build();
    String id = PolicyId.derive(policy).value();
    assertTrue(id.matches("[a-z2-7]{32}"), id);
    assertEquals(policy.id(), PolicyId.derive(policy));
    assertTrue(PolicyId.parse(id).isValid());
  }

  @Test
  void valueSemantics() {
    assertEquals(PolicyId.of("abc"), PolicyId.of("abc"));
    assertEquals(PolicyId.of("abc").hashCode(), PolicyId.of("abc").hashCode());
    // RFC 8461 gives ids no case rule: a change of case is a change of id.
    assertNotEquals(PolicyId.of("abc"), PolicyId.of("ABC"));
    assertEquals("abc", PolicyId.of("abc").toString());
    assertThrows(InvalidInputException.class, () -> PolicyId.of("a-b"));
  }
}
