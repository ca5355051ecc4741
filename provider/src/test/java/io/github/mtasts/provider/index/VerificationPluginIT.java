package io.github.mtasts.provider.index;

import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.testlab.Wire;
import static io.github.mtasts.testlab.Wire.secret;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.PolicyId;
import io.github.mtasts.testlab.VerifyLab;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;

/**
 * {@code mtasts:index:Verification} driven over gRPC in the packaged plugin, verifying domains
 * of the verifier's laboratory: Knot DNS, HTTPS policy hosts with a throwaway CA and STARTTLS
 * SMTP servers, all on loopback. The provider's configuration points verifications at the
 * laboratory's resolver and CA, as {@code mtasts:verifyResolver} and {@code mtasts:verifyCaFile}
 * would; each resource gives the laboratory's ports.
 */
class VerificationPluginIT {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:index:Verification::check";

  @RegisterExtension
  static final RunningPlugin plugin = RunningPlugin.extension(Map.of());

  private static VerifyLab lab;

  @BeforeAll
  static void startLab() throws Exception {
    lab = VerifyLab.start();
    plugin.configure(labSettings());
  }

  @AfterAll
  static void stopLab() throws Exception {
    lab.close();
  }

  /** Inputs for a laboratory domain, checked by the plugin (defaults applied). */
  private static Struct checked(Object... keysAndValues) {
    Object[] all = new Object[keysAndValues.length + 4];
    all[0] = "httpsPort";
    all[1] = lab.httpsPort();
    all[2] = "smtpPort";
    all[3] = lab.smtpPort();
    System.arraycopy(keysAndValues, 0, all, 4, keysAndValues.length);
    CheckResponse response = plugin.provider().check(CheckRequest.newBuilder().setUrn(URN).setNews(struct(all)).build());
    assertEquals(0, response.getFailuresCount(), response.toString());
    return response.getInputs();
  }

  @Test
  void checkReportsOneFailurePerPropertyAndAppliesDefaults() {
    CheckResponse bad = plugin.provider().check(CheckRequest.newBuilder()
        .setUrn(URN)
        .setNews(struct(
            "domain", "exa mple.com",
            "expectedPolicy", "version: STSv1\r\nmode: sometimes\r\n",
            "expectedId", "not_an_id!",
            "scope", "everything",
            "failOn", "sometimes",
            "timeout", -1,
            "resolver", "192.0.2.1:99999",
            "caFile", "/nonexistent/ca.pem",
            "httpsPort", 0,
            "smtpPort", 25.5))
        .build());
    Map<String, String> failures = bad.getFailuresList().stream()
        .collect(Collectors.toMap(CheckFailure::getProperty, CheckFailure::getReason));
    assertEquals(10, bad.getFailuresCount(), failures.toString());
    assertTrue(failures.get("domain").contains("exa mple.com"), failures.get("domain"));
    // The policy core's sentences, after the input they are about.
    assertEquals("expectedPolicy: " + String.join(" ", Policy.parse("version: STSv1\r\nmode: sometimes\r\n").errors()
        .stream().map(p -> p.message()).toList()), failures.get("expectedPolicy"));
    assertEquals("expectedId: " + PolicyId.parse("not_an_id!").errors().get(0).message(), failures.get("expectedId"));
    assertTrue(failures.get("scope").contains("all, policy-and-records, policy-host"), failures.get("scope"));
    assertTrue(failures.get("failOn").contains("error, never, warning"), failures.get("failOn"));
    assertTrue(failures.get("timeout").contains("0 to 86400"), failures.get("timeout"));
    assertTrue(failures.get("caFile").contains("/nonexistent/ca.pem"), failures.get("caFile"));
    assertTrue(failures.get("smtpPort").contains("25.5"), failures.get("smtpPort"));

    Struct good = checked("domain", "testing.test");
    assertEquals("all", good.getFieldsOrThrow("scope").getStringValue());
    assertEquals("error", good.getFieldsOrThrow("failOn").getStringValue());
    assertEquals(600, good.getFieldsOrThrow("timeout").getNumberValue());
  }

  @Test
  void previewVerifiesNothingAndLeavesTheReportUnknown() {
    int before = lab.policyHost("testing.test").getRequestCount();
    CreateResponse preview = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(URN).setPreview(true).setProperties(checked("domain", "testing.test", "triggers", unknown())).build());
    Map<String, Value> outputs = preview.getProperties().getFieldsMap();
    for (String output : List.of("ok", "summary", "checks", "verifiedAt", "triggers")) {
      assertEquals(Wire.UNKNOWN, outputs.get(output).getStringValue(), output);
    }
    assertEquals("testing.test", outputs.get("domain").getStringValue());
    assertEquals("all", outputs.get("scope").getStringValue(), "the scope input is echoed; checks is the report");
    assertEquals(before, lab.policyHost("testing.test").getRequestCount(), "a preview fetches nothing");
  }

  @Test
  void createVerifiesTheLiveDomainAndRecordsTheReport() {
    String urn = URN + "-ok";
    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(urn).setProperties(checked("domain", "testing.test", "expectedPolicy", VerifyLab.TESTING_POLICY)).build());
    assertEquals("testing.test", created.getId());
    Map<String, Value> outputs = created.getProperties().getFieldsMap();
    assertTrue(outputs.get("ok").getBoolValue(), outputs.toString());
    Map<String, Value> summary = outputs.get("summary").getStructValue().getFieldsMap();
    assertEquals(0, summary.get("errors").getNumberValue(), outputs.toString());
    assertTrue(summary.get("passes").getNumberValue() > 0);
    List<String> ids = outputs.get("checks").getListValue().getValuesList().stream()
        .map(check -> check.getStructValue().getFieldsOrThrow("id").getStringValue()).toList();
    assertTrue(ids.contains("policy.fetch") && ids.contains("sts-txt") && ids.contains("mx.tls"), ids.toString());
    Instant verifiedAt = Instant.parse(outputs.get("verifiedAt").getStringValue());
    assertTrue(Duration.between(verifiedAt, Instant.now()).abs().getSeconds() < 120);

    List<LogRequest> logs = plugin.logs(urn);
    assertTrue(logs.stream().anyMatch(log -> log.getEphemeral() && log.getMessage().startsWith("verifying testing.test")), logs.toString());
    assertTrue(logs.stream().anyMatch(log -> !log.getEphemeral() && log.getMessage().contains("0 errors")), logs.toString());
  }

  @Test
  void failingChecksFailTheCreateAfterRetryingUntilTheTimeout() {
    String urn = URN + "-404";
    int before = lab.policyHost("http404.test").getRequestCount();
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(urn).setProperties(checked("domain", "http404.test", "scope", "policy-host", "timeout", 8)).build()));
    assertEquals(Status.Code.UNKNOWN, error.getStatus().getCode());
    String message = error.getStatus().getDescription();
    assertTrue(message.contains("policy.fetch.status") && message.contains("404"), message);
    assertTrue(message.contains("raise timeout"), message);
    assertTrue(lab.policyHost("http404.test").getRequestCount() - before >= 2, "the failing fetch is retried");
    List<LogRequest> logs = plugin.logs(urn);
    assertTrue(logs.stream().anyMatch(log -> log.getEphemeral() && log.getMessage().contains("checking again in")), logs.toString());
  }

  @Test
  void aPolicyThatGoesLiveDuringTheWaitPasses() throws Exception {
    MockWebServer host = lab.policyHost("enforce.test");
    Dispatcher live = host.getDispatcher();
    host.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(404).body("not deployed yet").build();
      }
    });
    try {
      CompletableFuture<CreateResponse> create = CompletableFuture.supplyAsync(() -> plugin.provider().create(CreateRequest.newBuilder()
          .setUrn(URN + "-rollout")
          .setProperties(checked("domain", "enforce.test", "scope", "policy-host", "timeout", 120))
          .build()));
      Thread.sleep(3000);
      assertFalse(create.isDone(), "still retrying while the policy is not served");
      host.setDispatcher(live);
      CreateResponse created = create.get(2, TimeUnit.MINUTES);
      assertTrue(created.getProperties().getFieldsOrThrow("ok").getBoolValue());
    } finally {
      host.setDispatcher(live);
    }
  }

  @Test
  void failOnNeverRecordsAFailingReportWithoutFailing() {
    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(URN + "-never").setProperties(checked("domain", "http404.test", "failOn", "never", "timeout", 0)).build());
    Map<String, Value> outputs = created.getProperties().getFieldsMap();
    assertFalse(outputs.get("ok").getBoolValue());
    assertTrue(outputs.get("summary").getStructValue().getFieldsOrThrow("errors").getNumberValue() > 0);
  }

  @Test
  void failOnWarningFailsOnAWarning() {
    // An MX without STARTTLS under a testing-mode policy: a warning, no error.
    Struct inputs = checked("domain", "nostarttls-testing.test", "timeout", 0);
    assertTrue(plugin.provider().create(CreateRequest.newBuilder().setUrn(URN + "-warning").setProperties(inputs).build())
        .getProperties().getFieldsOrThrow("ok").getBoolValue());
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(URN + "-warning")
        .setProperties(checked("domain", "nostarttls-testing.test", "failOn", "warning", "timeout", 0))
        .build()));
    assertTrue(error.getStatus().getDescription().contains("warning mx.tls.starttls"), error.getStatus().getDescription());
  }

  @Test
  void diffUpdatesOnEveryInputChangeAndTriggersNeverReplaces() {
    Struct oldInputs = checked("domain", "testing.test", "triggers", struct("policyId", "a1"));
    Struct oldState = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(oldInputs).build()).getProperties();
    DiffResponse same = plugin.provider().diff(DiffRequest.newBuilder()
        .setUrn(URN).setId("testing.test").setOlds(oldState).setOldInputs(oldInputs).setNews(oldInputs).build());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, same.getChanges(), same.toString());

    DiffResponse retrigger = plugin.provider().diff(DiffRequest.newBuilder()
        .setUrn(URN).setId("testing.test").setOlds(oldState).setOldInputs(oldInputs)
        .setNews(checked("domain", "testing.test", "triggers", struct("policyId", "b2"), "expectedId", "20240101T000000"))
        .build());
    assertEquals(DiffResponse.DiffChanges.DIFF_SOME, retrigger.getChanges());
    assertEquals(PropertyDiff.Kind.UPDATE, retrigger.getDetailedDiffOrThrow("triggers").getKind());
    assertEquals(PropertyDiff.Kind.ADD, retrigger.getDetailedDiffOrThrow("expectedId").getKind());
    assertEquals(0, retrigger.getReplacesCount());
  }

  @Test
  void updateVerifiesAgainAndDeleteChangesNothing() {
    Struct inputs = checked("domain", "testing.test", "expectedId", "20240101T000000");
    int before = lab.policyHost("testing.test").getRequestCount();
    Struct outputs = plugin.provider().update(UpdateRequest.newBuilder()
        .setUrn(URN).setId("testing.test").setOlds(struct("domain", "testing.test")).setNews(inputs).build()).getProperties();
    assertTrue(outputs.getFieldsOrThrow("ok").getBoolValue(), outputs.toString());
    assertTrue(lab.policyHost("testing.test").getRequestCount() > before);
    assertEquals(Empty.getDefaultInstance(), plugin.provider().delete(DeleteRequest.newBuilder()
        .setUrn(URN).setId("testing.test").setProperties(outputs).build()));
  }

  @Test
  void refreshKeepsTheRecordedReportAndImportVerifiesOnceWithoutFailing() {
    Struct inputs = struct("domain", "http404.test", "scope", "all", "failOn", "error", "timeout", 600);
    Struct state = struct("domain", "http404.test", "ok", true, "verifiedAt", "2024-01-01T00:00:00Z");
    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder()
        .setUrn(URN).setId("http404.test").setInputs(inputs).setProperties(state).build());
    assertEquals(state, refreshed.getProperties());
    assertEquals(inputs, refreshed.getInputs());

    ReadResponse imported = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId("http404.test").build());
    assertEquals("http404.test", imported.getId());
    assertEquals("all", imported.getInputs().getFieldsOrThrow("scope").getStringValue());
    assertTrue(imported.getProperties().getFieldsOrThrow("checks").hasListValue());
    assertFalse(imported.getProperties().getFieldsOrThrow("ok").getBoolValue(), "the laboratory's ports are not 443 and 25");
  }

  @Test
  void secretInputsStaySecretInTheReport() {
    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(URN + "-secret")
        .setProperties(checked("domain", "testing.test", "expectedPolicy", secret(VerifyLab.TESTING_POLICY)))
        .build());
    Map<String, Value> outputs = created.getProperties().getFieldsMap();
    assertTrue(Wire.isSecret(outputs.get("expectedPolicy")));
    assertTrue(Wire.isSecret(outputs.get("checks")), "a report computed from a secret input is secret");
    assertFalse(Wire.isSecret(outputs.get("domain")));
    Struct checkedInputs = checked("domain", "testing.test", "expectedPolicy", secret(VerifyLab.TESTING_POLICY));
    assertFalse(Wire.isSecret(checkedInputs.getFieldsOrThrow("failOn")), "a default is not secret");
  }

  @Test
  void cancelStopsAVerificationThatIsWaiting() throws Exception {
    try (RunningPlugin own = RunningPlugin.start(Map.of())) {
      own.configure(labSettings());
      CompletableFuture<CreateResponse> create = CompletableFuture.supplyAsync(() -> own.provider().create(CreateRequest.newBuilder()
          .setUrn(URN + "-cancel").setProperties(checked("domain", "http404.test", "scope", "policy-host", "timeout", 600)).build()));
      Thread.sleep(2000);
      long cancelledAt = System.nanoTime();
      own.provider().cancel(Empty.getDefaultInstance());
      Throwable error = assertThrows(Exception.class, () -> create.get(30, TimeUnit.SECONDS)).getCause();
      assertEquals(Status.Code.CANCELLED, Status.fromThrowable(error).getCode(), String.valueOf(error));
      assertTrue(Duration.ofNanos(System.nanoTime() - cancelledAt).getSeconds() < 15, "stops at the next wait");
    }
  }

  /** The provider settings that point verifications at the laboratory's resolver and CA. */
  private static Object[] labSettings() {
    return new Object[] {"verifyResolver", lab.resolver(), "verifyCaFile", lab.caFile().toString()};
  }
}
