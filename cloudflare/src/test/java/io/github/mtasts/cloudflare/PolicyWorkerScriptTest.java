package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import java.util.Map;
import java.util.Optional;
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

  @Test
  void theBodiesAreReadBackFromTheSourceTheScriptRendered() {
    Policy other = Policy.builder().mode(Mode.ENFORCE).mx("mx.example.org").maxAge(604800).build();
    PolicyWorkerScript script = PolicyWorkerScript.builder()
        .policy("example.com", POLICY).policy("example.org", other).build();

    PolicyWorkerScript parsed = PolicyWorkerScript.parse(script.source()).orElseThrow();

    assertEquals(script.bodiesByHost(), parsed.bodiesByHost());
    assertEquals(Optional.of(other.render()), parsed.body("example.org"));
    assertEquals(Optional.empty(), parsed.body("example.net"));
  }

  @Test
  void aWorkerThatThisClassDidNotRenderHasNoBodiesToRead() {
    assertEquals(Optional.empty(), PolicyWorkerScript.parse(
        "export default { fetch() { return new Response('theirs'); } };"));
    String ours = PolicyWorkerScript.builder().policy("example.com", POLICY).build().source();
    // A body edited by hand (LF line ends) is no canonical policy: the script is not taken as ours.
    assertTrue(ours.contains("mode: testing\\r\\n"), ours);
    assertEquals(Optional.empty(), PolicyWorkerScript.parse(ours.replace("mode: testing\\r\\n", "mode: testing\\n")));
    assertEquals(Optional.empty(), PolicyWorkerScript.parse(ours.replace("mta-sts.example.com", "www.example.com")));
    assertEquals(Optional.empty(), PolicyWorkerScript.parse(ours.substring(0, ours.indexOf("]);"))));
  }

  @Test
  void oneDomainsBodyIsSetOrTakenOutAndTheOthersStay() {
    Policy enforce = Policy.builder().mode(Mode.ENFORCE).mx("mx1.example.com").maxAge(86400).build();
    PolicyWorkerScript both = PolicyWorkerScript.builder()
        .policy("example.com", POLICY).policy("example.org", POLICY).build();

    PolicyWorkerScript changed = both.withPolicy("example.com", enforce.render());
    assertEquals(Map.of("mta-sts.example.com", enforce.render(), "mta-sts.example.org", POLICY.render()),
        changed.bodiesByHost());
    assertEquals(Map.of("mta-sts.example.org", POLICY.render()),
        changed.withoutPolicy("example.com").orElseThrow().bodiesByHost());
    assertEquals(Optional.empty(), changed.withoutPolicy("example.com").orElseThrow()
        .withoutPolicy("example.org"), "a script without any domain is no script");
  }
}
