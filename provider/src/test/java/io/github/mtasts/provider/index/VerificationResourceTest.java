package io.github.mtasts.provider.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.provider.host.Cancellation;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.provider.host.RecordingLog;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Scope;
import io.github.mtasts.verify.VerifyOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogSeverity;

/**
 * The retry, timeout and failOn logic of {@link VerificationResource}, in process, with scripted
 * reports in place of the live verifier (which the plugin tests run against real servers).
 */
class VerificationResourceTest {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:index:Verification::v";
  private static final Duration QUICK = Duration.ofMillis(20);

  private static Report report(Check.Severity... severities) {
    List<Check> checks = new java.util.ArrayList<>();
    for (int i = 0; i < severities.length; i++) {
      checks.add(Check.builder("check." + i, severities[i]).message("finding " + i + " is " + severities[i]).build());
    }
    return new Report("example.com", Scope.ALL, checks, Duration.ZERO, Optional.empty());
  }

  private static PropertyMap inputs(Object... keysAndValues) {
    PropertyMap.Builder builder = PropertyMap.builder().put("domain", "example.com");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      builder.put((String) keysAndValues[i], value instanceof Number n ? PropertyValue.of(n.doubleValue()) : PropertyValue.of((String) value));
    }
    CheckResult checked = new VerificationResource().check(PropertyMap.empty(), builder.build());
    assertEquals(List.of(), checked.failures());
    return checked.inputs();
  }

  /** A verifier that reports the scripted reports in turn, repeating the last. */
  private static VerificationResource.Attempt scripted(AtomicInteger attempts, Report... reports) {
    return (in, config) -> reports[Math.min(attempts.getAndIncrement(), reports.length - 1)];
  }

  @Test
  void retriesFailingChecksUntilTheyPass() {
    AtomicInteger attempts = new AtomicInteger();
    RecordingLog log = new RecordingLog();
    VerificationResource resource = new VerificationResource(scripted(attempts,
        report(Check.Severity.ERROR, Check.Severity.PASS), report(Check.Severity.ERROR), report(Check.Severity.PASS)), QUICK);
    ResourceState created = resource.create(log.context(URN, false), inputs("timeout", 60));
    assertEquals(3, attempts.get());
    assertEquals(PropertyValue.of(true), created.outputs().get("ok").orElseThrow());
    assertEquals("example.com", created.id());
    List<String> statuses = log.entries().stream().filter(RecordingLog.Entry::ephemeral).map(RecordingLog.Entry::message).toList();
    assertTrue(statuses.contains("verifying example.com (attempt 3)"), statuses.toString());
    assertTrue(statuses.stream().anyMatch(s -> s.startsWith("example.com: 1 failing (check.0); checking again in")), statuses.toString());
  }

  @Test
  void givesUpAtTheTimeoutWithEveryFailingMessage() {
    AtomicInteger attempts = new AtomicInteger();
    VerificationResource resource = new VerificationResource(
        scripted(attempts, report(Check.Severity.ERROR, Check.Severity.WARNING, Check.Severity.ERROR)), QUICK);
    long started = System.nanoTime();
    OperationFailedException error = assertThrows(OperationFailedException.class,
        () -> resource.create(new RecordingLog().context(URN, false), inputs("timeout", 1)));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0 && took.compareTo(Duration.ofSeconds(10)) < 0, took.toString());
    assertTrue(attempts.get() >= 3, "backs off from 20 ms: several attempts in a second, got " + attempts.get());
    assertTrue(error.getMessage().contains("error check.0: finding 0 is ERROR"), error.getMessage());
    assertTrue(error.getMessage().contains("error check.2: finding 2 is ERROR"), error.getMessage());
    assertFalse(error.getMessage().contains("check.1"), "a warning does not fail with failOn error");
  }

  @Test
  void aZeroTimeoutVerifiesOnce() {
    AtomicInteger attempts = new AtomicInteger();
    VerificationResource resource = new VerificationResource(scripted(attempts, report(Check.Severity.ERROR)), QUICK);
    assertThrows(OperationFailedException.class, () -> resource.create(new RecordingLog().context(URN, false), inputs("timeout", 0)));
    assertEquals(1, attempts.get());
  }

  @Test
  void theEngineTimeoutCapsTheRetries() {
    AtomicInteger attempts = new AtomicInteger();
    VerificationResource resource = new VerificationResource(scripted(attempts, report(Check.Severity.ERROR)), QUICK);
    RecordingLog log = new RecordingLog();
    OperationContext context = new OperationContext(URN, false, Optional.of(Duration.ofMillis(300)), log, ProviderConfig.empty(), new Cancellation());
    long started = System.nanoTime();
    assertThrows(OperationFailedException.class, () -> resource.create(context, inputs("timeout", 600)));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
  }

  @Test
  void failOnDecidesWhatFails() {
    Report warned = report(Check.Severity.PASS, Check.Severity.WARNING);
    RecordingLog log = new RecordingLog();
    assertEquals(PropertyValue.of(true), new VerificationResource(scripted(new AtomicInteger(), warned), QUICK)
        .create(log.context(URN, false), inputs("timeout", 0)).outputs().get("ok").orElseThrow());
    assertThrows(OperationFailedException.class, () -> new VerificationResource(scripted(new AtomicInteger(), warned), QUICK)
        .create(log.context(URN, false), inputs("timeout", 0, "failOn", "warning")));
    PropertyMap never = new VerificationResource(scripted(new AtomicInteger(), report(Check.Severity.ERROR)), QUICK)
        .create(log.context(URN, false), inputs("timeout", 0, "failOn", "never")).outputs();
    assertEquals(PropertyValue.of(false), never.get("ok").orElseThrow());
    PropertyMap summary = (PropertyMap) never.get("summary").orElseThrow();
    assertEquals(PropertyValue.of(1), summary.get("errors").orElseThrow());
    assertEquals(PropertyValue.of(0), summary.get("passes").orElseThrow());
  }

  @Test
  void failOnNeverVerifiesOnceWithoutWaitingAndWarnsNamingEachFailingCheck() {
    AtomicInteger attempts = new AtomicInteger();
    RecordingLog log = new RecordingLog();
    Report failing = new Report("example.com", Scope.ALL, List.of(
        Check.builder("mx.tls.connect", Check.Severity.ERROR).message("no connection to mx1.example.com port 25").build(),
        Check.builder("policy.fetch", Check.Severity.PASS).message("fetched").build(),
        Check.builder("tlsrpt.missing", Check.Severity.WARNING).message("no TLS-RPT record").build()),
        Duration.ZERO, Optional.empty());
    // The default timeout, 600 s: under never it is not waited for.
    PropertyMap outputs = new VerificationResource(scripted(attempts, failing, report(Check.Severity.PASS)), QUICK)
        .create(log.context(URN, false), inputs("failOn", "never")).outputs();
    assertEquals(1, attempts.get(), "one attempt, no retry");
    assertEquals(PropertyValue.of(false), outputs.get("ok").orElseThrow());
    List<String> warnings = log.entries().stream()
        .filter(entry -> entry.severity() == LogSeverity.WARNING && !entry.ephemeral())
        .map(RecordingLog.Entry::message).toList();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("error mx.tls.connect: no connection to mx1.example.com port 25")
        && warnings.get(0).contains("do not fail the update") || warnings.get(0).contains("does not fail the update"),
        warnings.get(0));
    assertTrue(warnings.get(0).contains("scope \"policy-and-records\""), "names the scope without MX probes: "
        + warnings.get(0));
    assertFalse(warnings.get(0).contains("tlsrpt.missing"), "a warning is no failure under never: " + warnings.get(0));
  }

  @Test
  void aPreviewVerifiesNothing() {
    AtomicInteger attempts = new AtomicInteger();
    PropertyMap outputs = new VerificationResource(scripted(attempts, report(Check.Severity.PASS)), QUICK)
        .create(new RecordingLog().context(URN, true), inputs()).outputs();
    assertEquals(0, attempts.get());
    for (String output : List.of("ok", "summary", "checks", "verifiedAt")) {
      assertEquals(PropertyValue.UNKNOWN, outputs.get(output).orElseThrow(), output);
    }
  }

  @Test
  void cancellationStopsTheWait() throws Exception {
    Cancellation cancellation = new Cancellation();
    OperationContext context = new OperationContext(URN, false, Optional.empty(), new RecordingLog(), ProviderConfig.empty(), cancellation);
    VerificationResource resource = new VerificationResource(scripted(new AtomicInteger(), report(Check.Severity.ERROR)), Duration.ofMinutes(1));
    CompletableFuture<ResourceState> running = CompletableFuture.supplyAsync(() -> resource.create(context, inputs("timeout", 600)));
    Thread.sleep(200);
    cancellation.cancel();
    Exception error = assertThrows(Exception.class, () -> running.get(5, TimeUnit.SECONDS));
    assertTrue(error.getCause() instanceof CancellationException, String.valueOf(error.getCause()));
  }

  @Test
  void dnsDefaultsToTheAuthoritativeServersAndInputsOverrideTheConfiguration() {
    ProviderConfig configured = ProviderConfig.resolve(Schema.model().config(), PropertyMap.builder().put("verifyResolver", "127.0.0.9:5353").build(), Map.of());
    VerifyOptions fromConfig = VerificationInputs.of(inputs()).options(configured);
    assertEquals(Optional.of(new InetSocketAddress("127.0.0.9", 5353)), fromConfig.resolver());
    assertFalse(fromConfig.authoritative());

    VerifyOptions fromInput = VerificationInputs.of(inputs("resolver", "127.0.0.8")).options(configured);
    assertEquals(Optional.of(new InetSocketAddress("127.0.0.8", 53)), fromInput.resolver());

    VerifyOptions system = VerificationInputs.of(inputs("resolver", "system")).options(configured);
    assertEquals(Optional.empty(), system.resolver());
    assertFalse(system.authoritative());

    VerifyOptions unset = VerificationInputs.of(inputs("scope", "policy-host")).options(ProviderConfig.empty());
    assertTrue(unset.authoritative());
    assertEquals(Scope.POLICY_HOST, unset.scope());
  }
}
