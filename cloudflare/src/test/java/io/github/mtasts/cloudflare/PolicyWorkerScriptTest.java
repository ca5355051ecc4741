package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the policy Worker is given: canonical bodies keyed by host name. */
class PolicyWorkerScriptTest {

  private static final Policy POLICY = Policy.builder().mode(Mode.TESTING).mx("mx1.example.com").maxAge(86400).build();

  @Test
  void bodiesAreKeyedByThePolicyHostOfEachDomain() {
    PolicyWorkerScript script = PolicyWorkerScript.builder()
        .policy("example.com", POLICY).policy("example.org", POLICY.render()).build();
    assertEquals(Map.of("mta-sts.example.com", POLICY.render(), "mta-sts.example.org", POLICY.render()),
        script.bodiesByHost());
    assertTrue(script.source().contains("[\"mta-sts.example.com\", \"version: STSv1\\r\\nmode: testing\\r\\n"),
        script.source());
  }

  @Test
  void aBodyThatIsNotTheCanonicalRenderingIsRefusedWithTheCanonicalOne() {
    String unsorted = "version: STSv1\nmode: testing\nmx: mx1.example.com\nmax_age: 86400\n";
    InvalidSpecException e = assertThrows(InvalidSpecException.class,
        () -> PolicyWorkerScript.builder().policy("example.com", unsorted));
    assertEquals("policy of example.com", e.field());
    assertTrue(e.getMessage().contains("canonical"), e.getMessage());
  }

  @Test
  void anInvalidPolicyIsRefusedWithTheParsersReasons() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class,
        () -> PolicyWorkerScript.builder().policy("example.com", "version: STSv1\r\nmode: sometimes\r\n"));
    assertTrue(e.getMessage().contains("not a valid policy"), e.getMessage());
  }

  @Test
  void aDomainIsGivenOnceAndAtLeastOneIsGiven() {
    assertThrows(InvalidSpecException.class,
        () -> PolicyWorkerScript.builder().policy("example.com", POLICY).policy("EXAMPLE.com", POLICY));
    assertThrows(InvalidSpecException.class, () -> PolicyWorkerScript.builder().build());
    assertThrows(InvalidSpecException.class, () -> PolicyWorkerScript.builder().policy("not a domain", POLICY));
  }
}
