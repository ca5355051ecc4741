package io.github.mtasts.provider.index;

import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.testlab.Wire;
import static io.github.mtasts.testlab.Wire.list;
import static io.github.mtasts.testlab.Wire.secret;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.testlab.VerifyLab;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;

/**
 * The function {@code mtasts:index:checkMxCoverage} invoked over gRPC in the packaged plugin, the
 * MX records served by the verifier's laboratory: Knot DNS on loopback, which the provider's
 * verifyResolver points at, as {@code mtasts:verifyResolver} would.
 */
class CheckMxCoveragePluginIT {

  private static final String TOKEN = "mtasts:index:checkMxCoverage";

  @RegisterExtension
  static final RunningPlugin plugin = RunningPlugin.extension(Map.of());

  private static VerifyLab lab;

  @BeforeAll
  static void startLab() throws Exception {
    lab = VerifyLab.start();
    plugin.configure("verifyResolver", lab.resolver());
  }

  @AfterAll
  static void stopLab() throws Exception {
    lab.close();
  }

  private static InvokeResponse invoke(Struct args) {
    return plugin.provider().invoke(InvokeRequest.newBuilder().setTok(TOKEN).setArgs(args).build());
  }

  private static List<String> strings(Struct result, String key) {
    return result.getFieldsOrThrow(key).getListValue().getValuesList().stream().map(Value::getStringValue).toList();
  }

  @Test
  void namesTheMxHostsNoPatternCovers() {
    Struct result = invoke(struct("domain", "testing.test", "mode", "enforce", "mx", list("mx1.testing.test"))).getReturn();
    assertEquals(List.of("mx1.testing.test", "a.mx.testing.test"), strings(result, "mxHosts"));
    assertEquals(List.of("a.mx.testing.test"), strings(result, "uncovered"));
    String message = result.getFieldsOrThrow("message").getStringValue();
    assertTrue(message.contains("a.mx.testing.test") && message.contains("enforce mode senders will not deliver"), message);
    assertTrue(message.contains("mx: a.mx.testing.test"), message);

    Struct testing = invoke(struct("domain", "testing.test", "mode", "testing", "mx", list("mx1.testing.test"))).getReturn();
    assertTrue(testing.getFieldsOrThrow("message").getStringValue().contains("still deliver"), testing.toString());
  }

  @Test
  void aWildcardCoversOneLabel() {
    Struct covered = invoke(struct("domain", "testing.test", "mode", "enforce",
        "mx", list("mx1.testing.test", "*.mx.testing.test"))).getReturn();
    assertEquals(List.of(), strings(covered, "uncovered"));
    assertTrue(covered.getFieldsOrThrow("message").getStringValue().contains("cover every one"), covered.toString());
    // RFC 8461 §4.1: "*.uncovered.test" matches mx.uncovered.test, not a.b.uncovered.test.
    Struct oneLabel = invoke(struct("domain", "uncovered.test", "mode", "enforce", "mx", list("*.uncovered.test"))).getReturn();
    assertEquals(List.of("a.b.uncovered.test"), strings(oneLabel, "uncovered"));
  }

  @Test
  void aDomainWithoutMxIsItsOwnMxAndANullMxHasNone() {
    Struct implicit = invoke(struct("domain", "nomx.test", "mode", "enforce", "mx", list("mx.nomx.test"))).getReturn();
    assertEquals(List.of("nomx.test"), strings(implicit, "mxHosts"));
    assertEquals(List.of("nomx.test"), strings(implicit, "uncovered"));
    Struct nullMx = invoke(struct("domain", "nullmx.test", "mode", "enforce", "mx", list())).getReturn();
    assertEquals(List.of(), strings(nullMx, "mxHosts"));
    assertEquals(List.of(), strings(nullMx, "uncovered"));
    assertTrue(nullMx.getFieldsOrThrow("message").getStringValue().contains("RFC 7505"), nullMx.toString());
  }

  @Test
  void aDomainThatDoesNotExistIsSaidToNotExist() {
    Struct gone = invoke(struct("domain", "gone.testing.test", "mode", "enforce", "mx", list("mx.gone.testing.test")))
        .getReturn();
    assertFalse(gone.getFieldsOrThrow("domainExists").getBoolValue(), gone.toString());
    assertEquals(List.of(), strings(gone, "mxHosts"));
    String message = gone.getFieldsOrThrow("message").getStringValue();
    assertTrue(message.contains("does not exist (NXDOMAIN)") && message.contains("protects nothing"), message);
    Struct existing = invoke(struct("domain", "testing.test", "mode", "enforce", "mx", list("mx1.testing.test")))
        .getReturn();
    assertTrue(existing.getFieldsOrThrow("domainExists").getBoolValue(), existing.toString());
  }

  @Test
  void thousandsOfPatternsGiveTheRightHostsAndAMessageOfBoundedSize() {
    Value[] patterns = new Value[10_000];
    for (int i = 0; i < patterns.length; i++) {
      patterns[i] = Wire.value(i == 5_000 ? "mx1.testing.test" : "mx" + i + ".elsewhere.test");
    }
    Struct result = invoke(struct("domain", "testing.test", "mode", "enforce", "mx", list((Object[]) patterns)))
        .getReturn();
    assertEquals(List.of("a.mx.testing.test"), strings(result, "uncovered"));
    String message = result.getFieldsOrThrow("message").getStringValue();
    assertTrue(message.length() < 2_000 && message.contains("and 9,990 more"), message.length() + ": "
        + message.substring(0, Math.min(message.length(), 600)));
  }

  @Test
  void aLookupWithoutAnswerFailsTheCall() {
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> invoke(struct("domain", "servfail.test", "mode", "testing", "mx", list("mx.servfail.test"))));
    assertEquals(Status.Code.UNKNOWN, error.getStatus().getCode());
    assertTrue(error.getStatus().getDescription().contains("SERVFAIL"), error.getStatus().getDescription());
  }

  @Test
  void badArgumentsAreFailuresByArgument() {
    InvokeResponse response = invoke(struct("domain", "exa mple.test", "mode", "strict", "mx", list("mx..test"),
        "verbose", true));
    Map<String, String> failures = response.getFailuresList().stream()
        .collect(Collectors.toMap(CheckFailure::getProperty, CheckFailure::getReason));
    assertEquals(List.of("domain", "mode", "mx", "verbose").stream().sorted().toList(),
        failures.keySet().stream().sorted().toList(), failures.toString());
    assertTrue(failures.get("mode").contains("strict"), failures.get("mode"));
    assertFalse(response.hasReturn(), response.toString());
    assertTrue(invoke(struct("domain", unknown(), "mode", "enforce", "mx", list())).getFailuresList().stream()
        .anyMatch(failure -> failure.getProperty().equals("domain") && failure.getReason().contains("not known")));

    StatusRuntimeException unknownFunction = assertThrows(StatusRuntimeException.class, () -> plugin.provider().invoke(
        InvokeRequest.newBuilder().setTok("mtasts:index:checkEverything").setArgs(struct()).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, unknownFunction.getStatus().getCode());
    assertTrue(unknownFunction.getStatus().getDescription().contains(TOKEN), unknownFunction.getStatus().getDescription());
  }

  @Test
  void aSecretArgumentMakesTheResultSecret() {
    Struct result = invoke(struct("domain", secret("testing.test"), "mode", "enforce",
        "mx", list("mx1.testing.test", "*.mx.testing.test"))).getReturn();
    assertTrue(Wire.isSecret(result.getFieldsOrThrow("mxHosts")), result.toString());
    assertTrue(Wire.isSecret(result.getFieldsOrThrow("message")), result.toString());
  }
}
