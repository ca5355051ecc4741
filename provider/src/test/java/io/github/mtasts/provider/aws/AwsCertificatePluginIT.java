package io.github.mtasts.provider.aws;

import io.github.mtasts.testlab.Wire;
import static io.github.mtasts.testlab.Wire.list;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.aws.AcmCertificates;
import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.aws.MotoExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;

/**
 * {@code mtasts:aws:Certificate} and {@code mtasts:aws:CertificateValidation} driven over gRPC in
 * the packaged plugin against moto's ACM. moto stands for ACM's request, describe and delete, and
 * issues a requested certificate after {@code MOTO_ACM_VALIDATION_WAIT} seconds (two here), where
 * real ACM issues it once the validation CNAME resolves publicly.
 */
@ExtendWith(MotoExtension.class)
class AwsCertificatePluginIT {

  private static final String CERTIFICATE_URN = "urn:pulumi:dev::mail::mtasts:aws:Certificate::policy-host";
  private static final String VALIDATION_URN = "urn:pulumi:dev::mail::mtasts:aws:CertificateValidation::policy-host";
  private static final String ACM = "CertificateManager.";

  @RegisterExtension
  static final RunningPlugin plugin = MotoExtension.plugin();

  private AwsFixture aws;

  @BeforeEach
  void setUp(AwsFixture aws) {
    this.aws = aws;
  }

  private CreateResponse requestCertificate(String domain) {
    Struct inputs = plugin.checked(CERTIFICATE_URN, struct("domain", domain));
    return plugin.provider().create(CreateRequest.newBuilder().setUrn(CERTIFICATE_URN).setProperties(inputs).build());
  }

  private long acmCalls() {
    return aws.proxy.matching("POST", "/").stream().filter(e -> e.target() != null && e.target().startsWith(ACM)).count();
  }

  @Test
  void checkReportsOneClearFailurePerProperty() {
    assertTrue(plugin.failures(CERTIFICATE_URN, struct("domain", "mta-sts.example.com.")).get("domain")
        .contains("ends with a dot"));
    assertTrue(plugin.failures(CERTIFICATE_URN, struct("domain", "*.example.com")).get("domain").contains("*.example.com"));
    assertEquals("mta-sts.example.com", plugin.checked(CERTIFICATE_URN, struct("domain", "MTA-STS.Example.com"))
        .getFieldsOrThrow("domain").getStringValue());

    Map<String, String> failures = plugin.failures(VALIDATION_URN, struct(
        "certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/abc", "timeout", 0,
        "validationRecordFqdns", "x.example.com"));
    assertEquals(3, failures.size(), failures.toString());
    assertTrue(failures.get("certificateArn").contains("us-east-1"), failures.get("certificateArn"));
    assertTrue(failures.get("timeout").contains("1 to 259200"), failures.get("timeout"));
    assertTrue(failures.get("validationRecordFqdns").contains("list of strings"), failures.get("validationRecordFqdns"));
  }

  @Test
  void previewRequestsNothing() {
    Struct inputs = plugin.checked(CERTIFICATE_URN, struct("domain", "mta-sts.example.com"));
    Map<String, Value> outputs = plugin.provider().create(CreateRequest.newBuilder().setUrn(CERTIFICATE_URN)
        .setPreview(true).setProperties(inputs).build()).getProperties().getFieldsMap();
    for (String output : List.of("arn", "validationRecords", "status")) {
      assertEquals(Wire.UNKNOWN, outputs.get(output).getStringValue(), output);
    }
    Struct validation = plugin.checked(VALIDATION_URN, struct("certificateArn", unknown(), "validationRecordFqdns",
        list(unknown())));
    Map<String, Value> waited = plugin.provider().create(CreateRequest.newBuilder().setUrn(VALIDATION_URN)
        .setPreview(true).setProperties(validation).build()).getProperties().getFieldsMap();
    assertEquals(Wire.UNKNOWN, waited.get("status").getStringValue());
    assertEquals(Wire.UNKNOWN, waited.get("certificateArn").getStringValue());
    assertEquals(2700, waited.get("timeout").getNumberValue());
    assertEquals(0, acmCalls(), "a preview calls no ACM operation");
  }

  @Test
  void requestExposesTheValidationRecordAndTheValidationWaitsUntilIssued() {
    CreateResponse certificate = requestCertificate("mta-sts.example.com");
    String arn = certificate.getId();
    Map<String, Value> outputs = certificate.getProperties().getFieldsMap();
    assertEquals(arn, outputs.get("arn").getStringValue());
    assertTrue(arn.startsWith("arn:aws:acm:us-east-1:"), arn);
    assertEquals("PENDING_VALIDATION", outputs.get("status").getStringValue(), "the request does not wait for issuance");
    Map<String, Value> record = outputs.get("validationRecords").getListValue().getValues(0).getStructValue().getFieldsMap();
    assertEquals("CNAME", record.get("type").getStringValue());
    assertTrue(record.get("name").getStringValue().endsWith(".mta-sts.example.com"), record.toString());
    assertFalse(record.get("value").getStringValue().endsWith("."), record.toString());

    Struct validation = plugin.checked(VALIDATION_URN, struct("certificateArn", arn,
        "validationRecordFqdns", list(record.get("name").getStringValue())));
    CreateResponse issued = plugin.provider().create(CreateRequest.newBuilder().setUrn(VALIDATION_URN)
        .setProperties(validation).build());
    assertEquals(arn, issued.getId());
    assertEquals("ISSUED", issued.getProperties().getFieldsOrThrow("status").getStringValue());
    List<LogRequest> logs = plugin.logs(VALIDATION_URN);
    assertTrue(logs.stream().anyMatch(log -> log.getEphemeral() && log.getMessage().contains("to be ISSUED: PENDING_VALIDATION")
        && log.getMessage().contains(record.get("name").getStringValue())), logs.toString());
    assertTrue(logs.stream().anyMatch(log -> !log.getEphemeral() && log.getMessage().contains("is ISSUED")), logs.toString());

    // A certificate refresh sees the new status; deleting the validation changes nothing.
    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(CERTIFICATE_URN).setId(arn)
        .setInputs(plugin.checked(CERTIFICATE_URN, struct("domain", "mta-sts.example.com")))
        .setProperties(certificate.getProperties()).build());
    assertEquals("ISSUED", refreshed.getProperties().getFieldsOrThrow("status").getStringValue());
    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(VALIDATION_URN).setId(arn).setProperties(issued.getProperties()).build());
    assertTrue(new AcmCertificates(aws.clients).read(arn).isPresent());
  }

  @Test
  void aCertificateAcmGivesUpOnFailsTheValidationWithTheReason() {
    String arn = requestCertificate("mta-sts.example.com").getId();
    // ACM marks a certificate whose validation record never resolved VALIDATION_TIMED_OUT after
    // 72 hours; moto never does, so the proxy rewrites its answer.
    aws.proxy.rewriteFirst(FaultProxy.target("CertificateManager.DescribeCertificate"), 1,
        body -> body.replace("PENDING_VALIDATION", "VALIDATION_TIMED_OUT").replace("\"ISSUED\"", "\"VALIDATION_TIMED_OUT\""));
    Struct validation = plugin.checked(VALIDATION_URN, struct("certificateArn", arn));
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider().create(
        CreateRequest.newBuilder().setUrn(VALIDATION_URN).setProperties(validation).build()));
    assertEquals(Status.Code.UNKNOWN, error.getStatus().getCode());
    String message = error.getStatus().getDescription();
    assertTrue(message.contains("VALIDATION_TIMED_OUT") && message.contains("delegated"), message);
  }

  @Test
  void cancelStopsTheWaitForIssuance() throws Exception {
    String arn = requestCertificate("mta-sts.example.com").getId();
    // Real ACM takes minutes after the record resolves; moto issues after two seconds, so the
    // proxy keeps its answers at PENDING_VALIDATION.
    aws.proxy.rewriteFirst(FaultProxy.target("CertificateManager.DescribeCertificate"), 10_000,
        body -> body.replace("\"ISSUED\"", "\"PENDING_VALIDATION\""));
    // Cancel ends every operation of a plugin for good: this one gets its own.
    try (RunningPlugin own = RunningPlugin.start(MotoExtension.PROCESS_ENVIRONMENT)) {
      own.configure(aws.pluginSettings());
      Struct validation = own.checked(VALIDATION_URN, struct("certificateArn", arn));
      CompletableFuture<CreateResponse> waiting = CompletableFuture.supplyAsync(() -> own.provider().create(
          CreateRequest.newBuilder().setUrn(VALIDATION_URN).setProperties(validation).build()));
      Thread.sleep(4000);
      assertFalse(waiting.isDone(), "still waiting for ACM");
      long cancelledAt = System.nanoTime();
      own.provider().cancel(Empty.getDefaultInstance());
      Throwable error = assertThrows(ExecutionException.class, () -> waiting.get(30, TimeUnit.SECONDS)).getCause();
      assertEquals(Status.Code.CANCELLED, Status.fromThrowable(error).getCode(), String.valueOf(error));
      assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cancelledAt) < 10, "stops at once, not at the timeout");
    }
  }

  @Test
  void aRequestWhoseRecordsDoNotAppearInTimeIsRecordedAndCompletedByTheNextUpdate()
      throws InvalidProtocolBufferException {
    // ACM usually generates the validation record within seconds, but until it has, its describe
    // answer has no ResourceRecord; moto has one at once, so the proxy strips it while asked to.
    AtomicBoolean withholdRecords = new AtomicBoolean(true);
    aws.proxy.rewriteFirst(FaultProxy.target(ACM + "DescribeCertificate"), Integer.MAX_VALUE,
        body -> withholdRecords.get() ? withoutResourceRecords(body) : body);
    Struct inputs = plugin.checked(CERTIFICATE_URN, struct("domain", "mta-sts.example.com"));
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider().create(
        CreateRequest.newBuilder().setUrn(CERTIFICATE_URN).setProperties(inputs).setTimeout(3).build()));
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertEquals(1, status.getDetailsCount(), status.toString());
    ErrorResourceInitFailed partial = status.getDetails(0).unpack(ErrorResourceInitFailed.class);
    String arn = partial.getId();
    assertTrue(arn.startsWith("arn:aws:acm:us-east-1:"), arn);
    assertTrue(new AcmCertificates(aws.clients).read(arn).isPresent(), "the certificate exists at ACM");
    Struct state = partial.getProperties();
    assertEquals(arn, state.getFieldsOrThrow("arn").getStringValue());
    assertEquals("mta-sts.example.com", state.getFieldsOrThrow("domain").getStringValue());
    assertFalse(state.containsFields("validationRecords"), state.toString());
    assertTrue(partial.getReasons(0).contains(arn) && partial.getReasons(0).contains("timed out"), partial.getReasons(0));

    // The next `pulumi up` diffs the partial state (with the inputs of the create, which the
    // engine records) against the same program, and updates it.
    DiffResponse diff = plugin.provider().diff(DiffRequest.newBuilder().setUrn(CERTIFICATE_URN).setId(arn)
        .setOldInputs(inputs).setOlds(state).setNews(inputs).build());
    assertEquals(DiffResponse.DiffChanges.DIFF_SOME, diff.getChanges());
    assertEquals(0, diff.getReplacesCount(), diff.toString());
    withholdRecords.set(false);
    long requests = aws.proxy.exchanges().stream().filter(e -> (ACM + "RequestCertificate").equals(e.target())).count();
    Struct completed = plugin.provider().update(UpdateRequest.newBuilder().setUrn(CERTIFICATE_URN).setId(arn)
        .setOlds(state).setNews(inputs).build()).getProperties();
    Map<String, Value> record = completed.getFieldsOrThrow("validationRecords").getListValue().getValues(0)
        .getStructValue().getFieldsMap();
    assertEquals("CNAME", record.get("type").getStringValue());
    assertTrue(record.get("name").getStringValue().endsWith(".mta-sts.example.com"), record.toString());
    assertEquals(arn, completed.getFieldsOrThrow("arn").getStringValue());
    assertFalse(completed.getFieldsOrThrow("status").getStringValue().isEmpty(), completed.toString());
    assertEquals(requests, aws.proxy.exchanges().stream().filter(e -> (ACM + "RequestCertificate").equals(e.target())).count(),
        "the update requests no other certificate");

    // `pulumi destroy` deletes the certificate the partial state names.
    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(CERTIFICATE_URN).setId(arn).setProperties(state).build());
    assertEquals(Optional.empty(), new AcmCertificates(aws.clients).read(arn));
  }

  /** ACM's describe answer before it has generated the validation records. */
  private static String withoutResourceRecords(String body) {
    JsonObject answer = JsonParser.parseString(body).getAsJsonObject();
    for (JsonElement option : answer.getAsJsonObject("Certificate").getAsJsonArray("DomainValidationOptions")) {
      option.getAsJsonObject().remove("ResourceRecord");
    }
    return answer.toString();
  }

  @Test
  void importByArnGivesInputsThatDiffCleanAgainstTheProgram() {
    String arn = requestCertificate("mta-sts.example.com").getId();
    ReadResponse imported = plugin.provider().read(ReadRequest.newBuilder().setUrn(CERTIFICATE_URN).setId(arn).build());
    Struct program = plugin.checked(CERTIFICATE_URN, struct("domain", "mta-sts.example.com"));
    assertEquals(program, imported.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, plugin.provider().diff(DiffRequest.newBuilder().setUrn(CERTIFICATE_URN)
        .setId(arn).setOldInputs(imported.getInputs()).setOlds(imported.getProperties()).setNews(program).build()).getChanges());

    ReadResponse importedValidation = plugin.provider().read(ReadRequest.newBuilder().setUrn(VALIDATION_URN).setId(arn).build());
    Struct validationProgram = plugin.checked(VALIDATION_URN, struct("certificateArn", arn));
    assertEquals(validationProgram, importedValidation.getInputs());

    StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class, () -> plugin.provider().read(
        ReadRequest.newBuilder().setUrn(CERTIFICATE_URN).setId("mta-sts.example.com").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
  }

  @Test
  void anotherDomainReplacesTheCertificateNewOneFirst() {
    Struct olds = plugin.checked(CERTIFICATE_URN, struct("domain", "mta-sts.example.com"));
    DiffResponse diff = plugin.provider().diff(DiffRequest.newBuilder().setUrn(CERTIFICATE_URN).setId("arn")
        .setOldInputs(olds).setOlds(olds).setNews(plugin.checked(CERTIFICATE_URN, struct("domain", "mta-sts.example.org")))
        .build());
    assertEquals(List.of("domain"), diff.getReplacesList());
    assertEquals(PropertyDiff.Kind.UPDATE_REPLACE, diff.getDetailedDiffOrThrow("domain").getKind());
    assertFalse(diff.getDeleteBeforeReplace(), "the distribution keeps the old certificate until it has the new one");

    Struct validation = plugin.checked(VALIDATION_URN, struct("certificateArn",
        "arn:aws:acm:us-east-1:123456789012:certificate/old"));
    DiffResponse longer = plugin.provider().diff(DiffRequest.newBuilder().setUrn(VALIDATION_URN).setId("arn")
        .setOldInputs(validation).setOlds(validation).setNews(plugin.checked(VALIDATION_URN, struct("certificateArn",
            "arn:aws:acm:us-east-1:123456789012:certificate/old", "timeout", 600))).build());
    assertEquals(0, longer.getReplacesCount());
    assertEquals(PropertyDiff.Kind.UPDATE, longer.getDetailedDiffOrThrow("timeout").getKind());
  }

  @Test
  void updateOfAnIssuedCertificatesValidationReturnsAtOnceAndDeleteRemovesTheCertificate() {
    CreateResponse certificate = requestCertificate("mta-sts.example.com");
    String arn = certificate.getId();
    Struct validation = plugin.checked(VALIDATION_URN, struct("certificateArn", arn));
    Struct state = plugin.provider().create(CreateRequest.newBuilder().setUrn(VALIDATION_URN).setProperties(validation).build())
        .getProperties();
    Struct updated = plugin.provider().update(UpdateRequest.newBuilder().setUrn(VALIDATION_URN).setId(arn).setOlds(state)
        .setNews(plugin.checked(VALIDATION_URN, struct("certificateArn", arn, "timeout", 60))).build()).getProperties();
    assertEquals("ISSUED", updated.getFieldsOrThrow("status").getStringValue());

    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(CERTIFICATE_URN).setId(arn)
        .setProperties(certificate.getProperties()).build());
    assertEquals(Optional.empty(), new AcmCertificates(aws.clients).read(arn));
    assertEquals("", plugin.provider().read(ReadRequest.newBuilder().setUrn(CERTIFICATE_URN).setId(arn)
        .setInputs(plugin.checked(CERTIFICATE_URN, struct("domain", "mta-sts.example.com")))
        .setProperties(certificate.getProperties()).build()).getId());
  }
}
