package io.github.mtasts.provider;

import io.github.mtasts.provider.host.EngineHealthWatch;
import io.github.mtasts.provider.index.PolicyResource;
import io.github.mtasts.provider.index.VerificationResource;
import io.github.mtasts.testlab.PluginProcess;
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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.policy.MaxAge;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ProviderHandshakeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;

/**
 * Drives the packaged plugin over gRPC the way the Pulumi engine does: the launcher started as
 * a process with an engine address, the port read from stdout, then the provider protocol with
 * real protobuf values (unknowns and secrets in the engine's wire form). The engine's log
 * service is a {@link io.github.mtasts.testlab.FakeEngine} that records what the user would see.
 */
class ProviderPluginIT {

  private static final String POLICY_URN = "urn:pulumi:dev::mail::mtasts:index:Policy::example";
  private static final String TOKEN = "gh-token-4b1d2c9e";

  @RegisterExtension
  static final RunningPlugin plugin = RunningPlugin.extension(Map.of());

  @BeforeAll
  static void configure() {
    ConfigureResponse configured = plugin.provider().configure(ConfigureRequest.newBuilder()
        .setAcceptSecrets(true)
        .setAcceptResources(true)
        .setArgs(struct("verifyResolver", "system", "version", "0.1.0"))
        .putVariables("mtasts:config:verifyResolver", "system")
        .build());
    assertTrue(configured.getAcceptSecrets());
    assertTrue(configured.getSupportsPreview());
    assertTrue(configured.getAcceptResources());
  }

  @Test
  void writesOnlyThePortToStdout() throws Exception {
    try (RunningPlugin own = RunningPlugin.start(Map.of())) {
      assertTrue(own.process().portLine().matches("[0-9]{1,5}"), own.process().portLine());
      own.provider().getPluginInfo(Empty.getDefaultInstance());
      own.process().close();
      assertEquals("", own.process().restOfStdout());
      assertEquals("", own.process().stderr(), "nothing on stderr either: the engine shows it as plugin output");
    }
  }

  @Test
  void theLauncherRecordsAClassArchiveAndStartsWithIt() throws Exception {
    Path archive = Path.of("target", "pulumi-resource-mtasts.jsa");
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!Files.exists(archive) && System.nanoTime() < deadline) {
      Thread.sleep(200); // the first start of this build records it in the background
    }
    assertTrue(Files.size(archive) > 0, "the archive of the plugin's classes");
    try (RunningPlugin own = RunningPlugin.start(Map.of())) {
      assertTrue(own.process().portLine().matches("[0-9]{1,5}"), own.process().portLine());
      own.provider().getPluginInfo(Empty.getDefaultInstance());
      own.process().close();
      assertEquals("", own.process().stderr(), "the archive is valid: the JVM has nothing to complain about");
    }
  }

  @Test
  void startsThroughASymbolicLinkInAnotherDirectory() throws Exception {
    // A plugin directory elsewhere that links to the launcher, as `plugins: providers: path:` may name.
    Path directory = Files.createTempDirectory("plugin-dir");
    Path link = Files.createSymbolicLink(directory.resolve("pulumi-resource-mtasts"), PluginProcess.LAUNCHER);
    try (RunningPlugin own = RunningPlugin.start(link, Map.of())) {
      assertEquals(jarVersion(), own.provider().getPluginInfo(Empty.getDefaultInstance()).getVersion());
    } finally {
      Files.delete(link);
      Files.delete(directory);
    }
  }

  @Test
  void reportsTheVersionOfTheJar() throws IOException {
    String version = jarVersion();
    assertEquals(version, plugin.provider().getPluginInfo(Empty.getDefaultInstance()).getVersion());
    JsonObject schema = JsonParser.parseString(plugin.provider().getSchema(GetSchemaRequest.newBuilder().setVersion(0).build()).getSchema())
        .getAsJsonObject();
    assertEquals("mtasts", schema.get("name").getAsString());
    assertEquals(version, schema.get("version").getAsString());
    assertTrue(schema.getAsJsonObject("resources").has(PolicyResource.TOKEN));
    assertTrue(schema.getAsJsonObject("resources").has(VerificationResource.TOKEN));
  }

  @Test
  void handshakeAcceptsSecretsAndResources() {
    ProviderHandshakeResponse response = plugin.provider().handshake(ProviderHandshakeRequest.newBuilder()
        .setEngineAddress(plugin.engine().address())
        .setRootDirectory(Path.of("").toAbsolutePath().toString())
        .build());
    assertTrue(response.getAcceptSecrets());
    assertTrue(response.getAcceptResources());
    assertFalse(response.getAcceptOutputs());
  }

  @Test
  void checkConfigFailsOncePerBadKeyAndNeverEchoesTheToken() {
    CheckResponse response = plugin.provider().checkConfig(CheckRequest.newBuilder()
        .setUrn("urn:pulumi:dev::mail::pulumi:providers:mtasts::default")
        .setNews(struct(
            "awsEndpoint", "ftp://example.test",
            "verifyResolver", "192.0.2.1:99999",
            "githubTokn", TOKEN,
            "gitlabToken", secret(TOKEN),
            "version", "0.1.0"))
        .build());
    Map<String, String> failures = failures(response);
    assertEquals(Set.of("githubTokn", "gitlabToken", "awsEndpoint", "verifyResolver"), failures.keySet());
    assertTrue(failures.get("gitlabToken").contains("not a property"), "a setting nothing reads is not one: " + failures);
    assertTrue(failures.get("awsEndpoint").contains("absolute http or https URL"), failures.toString());
    assertTrue(failures.get("verifyResolver").contains("99999"), failures.toString());
    assertFalse(response.toString().contains(TOKEN), response.toString());
  }

  @Test
  void checkReportsOneFailurePerPropertyWithThePolicyCoreMessages() {
    CheckResponse response = plugin.provider().check(CheckRequest.newBuilder()
        .setUrn(POLICY_URN)
        .setType(PolicyResource.TOKEN)
        .setNews(struct(
            "mode", "Enforce",
            "mx", list("mx1..example.com", "*.*.example.com"),
            "maxAge", 99_999_999_999L,
            "rua", list("tlsrpt-at-example.com"),
            "maxage", 5))
        .build());
    Map<String, String> failures = failures(response);
    assertEquals(5, response.getFailuresCount(), failures.toString());
    assertTrue(failures.get("mode").contains("'Enforce'") && failures.get("mode").contains("write \"enforce\""),
        failures.get("mode"));
    assertEquals(MxPattern.parse("mx1..example.com").errors().get(0).message() + " "
        + MxPattern.parse("*.*.example.com").errors().get(0).message(), failures.get("mx"));
    // The policy core's sentence, naming the input as the program wrote it.
    assertEquals(MaxAge.parse("99999999999").errors().get(0).message().replaceFirst("^max_age ", "maxAge "),
        failures.get("maxAge"));
    assertEquals(assertThrows(IllegalArgumentException.class, () -> TlsRptRecord.of(List.of("tlsrpt-at-example.com")))
        .getMessage(), failures.get("rua"));
    assertTrue(failures.get("maxage").contains("not a property"), failures.get("maxage"));
    assertFalse(response.hasInputs(), "no checked inputs when the inputs are invalid");
  }

  @Test
  void checkMasksSecretValuesInFailuresAndKeepsThemSecretInCheckedInputs() {
    CheckResponse bad = plugin.provider().check(CheckRequest.newBuilder()
        .setUrn(POLICY_URN)
        .setNews(struct("mode", "testing", "mx", secret(list("secret..host.example")), "maxAge", 604800))
        .build());
    assertEquals(1, bad.getFailuresCount());
    assertFalse(bad.toString().contains("secret..host.example"), bad.toString());
    assertTrue(bad.getFailures(0).getReason().contains("[secret]"), bad.getFailures(0).getReason());

    CheckResponse good = plugin.provider().check(CheckRequest.newBuilder()
        .setUrn(POLICY_URN)
        .setNews(struct("mode", "testing", "mx", list("mx1.example.com"), "maxAge", 604800,
            "rua", secret(list("mailto:tlsrpt@example.com"))))
        .build());
    assertEquals(0, good.getFailuresCount(), good.toString());
    assertTrue(Wire.isSecret(good.getInputs().getFieldsOrThrow("rua")));
    assertEquals("testing", good.getInputs().getFieldsOrThrow("mode").getStringValue());
  }

  @Test
  void checkAcceptsUnknownsInAPreview() {
    CheckResponse response = plugin.provider().check(CheckRequest.newBuilder()
        .setUrn(POLICY_URN)
        .setNews(struct("mode", "enforce", "mx", unknown(), "maxAge", unknown()))
        .build());
    assertEquals(0, response.getFailuresCount(), response.toString());
    assertEquals(Wire.UNKNOWN, response.getInputs().getFieldsOrThrow("mx").getStringValue());
  }

  @Test
  void diffReportsEachChangedPropertyWithItsKind() {
    Struct olds = struct("mode", "testing", "mx", list("mx1.example.com"), "maxAge", 604800);
    DiffResponse changed = plugin.provider().diff(DiffRequest.newBuilder()
        .setUrn(POLICY_URN)
        .setId("example")
        .setOldInputs(olds)
        .setOlds(olds)
        .setNews(struct("mode", "enforce", "mx", unknown(), "maxAge", 604800, "rua", list("mailto:a@example.com")))
        .build());
    assertEquals(DiffResponse.DiffChanges.DIFF_SOME, changed.getChanges());
    assertTrue(changed.getHasDetailedDiff());
    assertEquals(Map.of(
            "mode", PropertyDiff.Kind.UPDATE,
            "mx", PropertyDiff.Kind.UPDATE,
            "rua", PropertyDiff.Kind.ADD),
        changed.getDetailedDiffMap().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getKind())));
    assertEquals(0, changed.getReplacesCount(), "a policy change is an update, never a replacement");
    assertEquals(List.of("mode", "mx", "rua"), changed.getDiffsList().stream().sorted().toList());

    DiffResponse removed = plugin.provider().diff(DiffRequest.newBuilder()
        .setUrn(POLICY_URN).setId("example")
        .setOldInputs(struct("mode", "testing", "mx", list("mx1.example.com"), "maxAge", 604800, "rua", list("mailto:a@example.com")))
        .setNews(olds)
        .build());
    assertEquals(PropertyDiff.Kind.DELETE, removed.getDetailedDiffOrThrow("rua").getKind());

    DiffResponse same = plugin.provider().diff(DiffRequest.newBuilder()
        .setUrn(POLICY_URN).setId("example")
        .setOldInputs(olds)
        .setOlds(policyOutputs(olds))
        .setNews(struct("mode", "testing", "mx", secret(list("mx1.example.com")), "maxAge", 604800))
        .build());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, same.getChanges(), "making a value secret changes nothing");
    assertEquals(0, same.getDetailedDiffCount());
  }

  @Test
  void previewCreateLeavesWhatDependsOnUnknownInputsUnknown() {
    CreateResponse preview = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(POLICY_URN)
        .setPreview(true)
        .setProperties(struct("mode", "enforce", "mx", unknown(), "maxAge", 604800, "rua", list("mailto:tlsrpt@example.com")))
        .build());
    Map<String, Value> outputs = preview.getProperties().getFieldsMap();
    assertEquals(Wire.UNKNOWN, outputs.get("body").getStringValue());
    assertEquals(Wire.UNKNOWN, outputs.get("policyId").getStringValue());
    assertEquals(Wire.UNKNOWN, outputs.get("stsRecord").getStringValue());
    assertEquals("v=TLSRPTv1; rua=mailto:tlsrpt@example.com", outputs.get("tlsRptRecord").getStringValue());
    assertEquals("enforce", outputs.get("mode").getStringValue());
  }

  @Test
  void previewAndUpdateComputeTheSameOutputs() {
    Struct inputs = struct("mode", "testing", "mx", list("mx1.example.com", "*.mail.example.net"), "maxAge", 604800);
    CreateResponse preview = plugin.provider().create(CreateRequest.newBuilder().setUrn(POLICY_URN).setPreview(true).setProperties(inputs).build());
    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder().setUrn(POLICY_URN).setProperties(inputs).build());
    assertEquals(created.getProperties(), preview.getProperties());
    assertEquals("example", created.getId());

    Policy expected = Policy.builder().mode(Mode.TESTING).mx("mx1.example.com", "*.mail.example.net").maxAge(604800).build();
    Map<String, Value> outputs = created.getProperties().getFieldsMap();
    assertEquals(expected.render(), outputs.get("body").getStringValue());
    assertEquals(expected.id().value(), outputs.get("policyId").getStringValue());
    assertEquals(StsRecord.of(expected.id()).render(), outputs.get("stsRecord").getStringValue());
    assertFalse(outputs.containsKey("tlsRptRecord"), "no TLS-RPT record without rua");
  }

  @Test
  void secretInputsGiveSecretOutputs() {
    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(POLICY_URN)
        .setProperties(struct("mode", "testing", "mx", list("mx1.example.com"), "maxAge", 604800,
            "rua", secret(list("mailto:private@example.com"))))
        .build());
    Map<String, Value> outputs = created.getProperties().getFieldsMap();
    assertTrue(Wire.isSecret(outputs.get("rua")));
    assertTrue(Wire.isSecret(outputs.get("tlsRptRecord")));
    assertEquals("v=TLSRPTv1; rua=mailto:private@example.com", Wire.unwrapSecret(outputs.get("tlsRptRecord")).getStringValue());
    assertFalse(Wire.isSecret(outputs.get("mode")), "an echoed input keeps its own secretness");
    assertFalse(Wire.isSecret(outputs.get("policyId")), "the policy id does not derive from rua");
    assertFalse(Wire.isSecret(outputs.get("body")));
    assertFalse(plugin.engine().allLogText().contains("private@example.com"));
  }

  @Test
  void createLogsPolicyAdvisoriesAgainstTheResource() throws InterruptedException {
    String urn = "urn:pulumi:dev::mail::mtasts:index:Policy::short-lived";
    plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(urn)
        .setProperties(struct("mode", "testing", "mx", list("mx1.example.com"), "maxAge", 3600))
        .build());
    List<LogRequest> logs = plugin.engine().logs().stream().filter(log -> log.getUrn().equals(urn)).toList();
    assertFalse(logs.isEmpty(), "a max_age under a day gets a warning");
    assertTrue(logs.stream().allMatch(log -> log.getSeverity() == LogSeverity.WARNING && !log.getEphemeral()));
    assertTrue(logs.stream().anyMatch(log -> log.getMessage().contains("max_age")), logs.toString());
  }

  @Test
  void readRefreshesFromTheRecordedInputsAndRefusesAnImport() {
    Struct inputs = struct("mode", "enforce", "mx", list("mx1.example.com"), "maxAge", 86400);
    ReadResponse read = plugin.provider().read(ReadRequest.newBuilder()
        .setUrn(POLICY_URN).setId("example").setInputs(inputs).setProperties(policyOutputs(inputs)).build());
    assertEquals("example", read.getId());
    assertEquals(inputs, read.getInputs());
    assertEquals(policyOutputs(inputs), read.getProperties());

    StatusRuntimeException importing = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().read(ReadRequest.newBuilder().setUrn(POLICY_URN).setId("example").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, importing.getStatus().getCode());
    assertTrue(importing.getStatus().getDescription().contains("cannot be imported"));
  }

  @Test
  void updateRecomputesAndDeleteChangesNothing() {
    Struct olds = policyOutputs(struct("mode", "testing", "mx", list("mx1.example.com"), "maxAge", 604800));
    Struct news = struct("mode", "enforce", "mx", list("mx1.example.com"), "maxAge", 604800);
    UpdateResponse updated = plugin.provider().update(UpdateRequest.newBuilder()
        .setUrn(POLICY_URN).setId("example").setOlds(olds).setNews(news).build());
    assertEquals(policyOutputs(news), updated.getProperties());
    assertEquals(Empty.getDefaultInstance(), plugin.provider().delete(DeleteRequest.newBuilder()
        .setUrn(POLICY_URN).setId("example").setProperties(updated.getProperties()).build()));
  }

  @Test
  void anUnknownTypeIsRejectedNamingTheServedTypes() {
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider().check(CheckRequest.newBuilder()
        .setUrn("urn:pulumi:dev::mail::mtasts:index:Nope::x").setNews(struct()).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, error.getStatus().getCode());
    assertTrue(error.getStatus().getDescription().contains(PolicyResource.TOKEN), error.getStatus().getDescription());
  }

  @Test
  void theTokenNeverReachesTheLog() {
    assertFalse(plugin.engine().allLogText().contains(TOKEN));
  }

  @Test
  void exitsWhenTheEngineIsGone() throws Exception {
    try (RunningPlugin own = RunningPlugin.start(
        Map.of("MTASTS_PROVIDER_JAVA_OPTS", "-D" + EngineHealthWatch.INTERVAL_PROPERTY + "=200"))) {
      own.provider().getPluginInfo(Empty.getDefaultInstance());
      assertFalse(own.process().awaitExit(Duration.ofSeconds(1)), "an engine that does not implement health checks counts as alive");
      own.engine().close();
      assertTrue(own.process().awaitExit(Duration.ofSeconds(20)), "the plugin must stop once its engine is gone");
      assertEquals(0, own.process().process().exitValue());
    }
  }

  @Test
  void cancelIsAcknowledged() throws Exception {
    try (RunningPlugin own = RunningPlugin.start(Map.of())) {
      assertEquals(Empty.getDefaultInstance(), own.provider().cancel(Empty.getDefaultInstance()));
    }
  }

  /** The version the build recorded in the jar's manifest. */
  private static String jarVersion() throws IOException {
    try (JarFile jar = new JarFile(Path.of("target", "pulumi-resource-mtasts.jar").toFile())) {
      return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
  }

  /** The outputs the plugin computes for inputs, to build recorded state. */
  private static Struct policyOutputs(Struct inputs) {
    return plugin.provider().create(CreateRequest.newBuilder().setUrn(POLICY_URN).setProperties(inputs).build()).getProperties();
  }

  private static Map<String, String> failures(CheckResponse response) {
    return response.getFailuresList().stream().collect(Collectors.toMap(
        CheckFailure::getProperty, CheckFailure::getReason, (a, b) -> { throw new AssertionError("two failures for one property"); },
        java.util.LinkedHashMap::new));
  }
}
