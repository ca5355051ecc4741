package io.github.mtasts.provider.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.TlsRptRecord;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.RecordingLog;
import io.github.mtasts.provider.host.ResourceState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.PropertyDiff.Kind;

/** {@link PolicyResource} in process: checks, outputs and diffs. */
class PolicyResourceTest {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:index:Policy::p";
  private final PolicyResource policy = new PolicyResource();

  private static PropertyMap inputs(String mode, List<String> mx, long maxAge) {
    return PropertyMap.builder().put("mode", mode).put("mx", PropertyValue.ofTexts(mx)).put("maxAge", PropertyValue.of(maxAge)).build();
  }

  private Map<String, String> failures(PropertyMap news) {
    return policy.check(PropertyMap.empty(), news).failures().stream()
        .collect(Collectors.toMap(CheckResult.Failure::property, CheckResult.Failure::reason));
  }

  @Test
  void aMissingMxIsAFailureOfMxUnlessTheModeIsNone() {
    PropertyMap noMx = PropertyMap.builder().put("mode", "enforce").put("maxAge", PropertyValue.of(86400)).build();
    Map<String, String> failures = failures(noMx);
    assertEquals(Set.of("mx"), failures.keySet());
    assertTrue(failures.get("mx").contains("RFC 8461"), failures.get("mx"));
    assertEquals(Map.of(), failures(noMx.toBuilder().put("mode", "none").build()));
  }

  @Test
  void typeErrorsNameThePropertyAndWhatWasGiven() {
    Map<String, String> failures = failures(PropertyMap.builder()
        .put("mode", PropertyValue.of(1))
        .put("mx", PropertyValue.of("mx1.example.com"))
        .put("maxAge", PropertyValue.of(1.5))
        .build());
    assertEquals("mode must be a string, got a number", failures.get("mode"));
    assertEquals("mx must be a list of strings, got a string", failures.get("mx"));
    assertEquals("maxAge must be a whole number, got 1.5", failures.get("maxAge"));
  }

  @Test
  void requiredPropertiesAreNamed() {
    assertEquals(Map.of("mode", "mode is required", "maxAge", "maxAge is required"), failures(PropertyMap.empty()));
  }

  @Test
  void outputsAreThoseOfThePolicyCore() {
    ResourceState created = policy.create(new RecordingLog().context(URN, false),
        inputs("enforce", List.of("mx2.example.com", "MX1.example.com"), 604800).toBuilder()
            .put("rua", PropertyValue.ofTexts(List.of("mailto:tlsrpt@example.com"))).build());
    Policy expected = Policy.builder().mode(Mode.ENFORCE).mx("mx2.example.com", "MX1.example.com").maxAge(604800).build();
    assertEquals("p", created.id());
    assertEquals(PropertyValue.of(expected.render()), created.outputs().get("body").orElseThrow());
    assertEquals(PropertyValue.of(expected.id().value()), created.outputs().get("policyId").orElseThrow());
    assertEquals(PropertyValue.of("v=STSv1; id=" + expected.id().value()), created.outputs().get("stsRecord").orElseThrow());
    assertEquals(PropertyValue.of(TlsRptRecord.of(List.of("mailto:tlsrpt@example.com")).render()),
        created.outputs().get("tlsRptRecord").orElseThrow());
  }

  @Test
  void anEmptyRuaMeansNoTlsRptRecord() {
    PropertyMap withEmpty = inputs("testing", List.of("mx.example.com"), 604800).toBuilder()
        .put("rua", PropertyValue.ofTexts(List.of())).build();
    assertEquals(List.of(), policy.check(PropertyMap.empty(), withEmpty).failures());
    assertFalse(policy.create(new RecordingLog().context(URN, false), withEmpty).outputs().isSet("tlsRptRecord"));
  }

  @Test
  void aNewRendererChangesTheBodyAndThatIsAnUpdate() {
    PropertyMap in = inputs("testing", List.of("mx.example.com"), 604800);
    PropertyMap state = policy.create(new RecordingLog().context(URN, false), in).outputs();
    assertFalse(policy.diff(in, state, in, Set.of()).hasChanges());
    PropertyMap staleState = state.toBuilder().put("body", "version: STSv1\nmode: testing\n").build();
    assertEquals(Map.of("body", Kind.UPDATE), policy.diff(in, staleState, in, Set.of()).changes());
  }

  @Test
  void advisoriesAreWarningsOnTheResource() {
    RecordingLog log = new RecordingLog();
    policy.create(log.context(URN, true), inputs("testing", List.of("mx.example.com"), 3600));
    List<String> warnings = log.entries().stream().map(RecordingLog.Entry::message).toList();
    Policy expected = Policy.builder().mode(Mode.TESTING).mx("mx.example.com").maxAge(3600).build();
    assertEquals(expected.advisories().stream().map(p -> p.message()).toList(), warnings);
  }
}
