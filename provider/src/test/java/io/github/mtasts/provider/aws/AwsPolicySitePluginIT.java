package io.github.mtasts.provider.aws;

import io.github.mtasts.testlab.Wire;
import static io.github.mtasts.testlab.Wire.secret;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.aws.PolicySiteSpec;
import io.github.mtasts.aws.PolicySiteState;
import io.github.mtasts.aws.PolicySites;
import io.github.mtasts.policy.Policy;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * {@code mtasts:aws:PolicySite} driven over gRPC in the packaged plugin against moto's S3 and
 * CloudFront. moto stands for the bucket and object API, origin access controls, distributions
 * whose status turns from InProgress to Deployed, and invalidations; the proxy in front of it
 * refuses a call with AccessDenied the way AWS does for credentials that lack a permission.
 */
@ExtendWith(MotoExtension.class)
class AwsPolicySitePluginIT {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:aws:PolicySite::example-com";
  private static final String CERTIFICATE =
      "arn:aws:acm:us-east-1:123456789012:certificate/1f9c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f";
  private static final String BODY = Policy.builder().mode(io.github.mtasts.policy.Mode.TESTING)
      .mx(List.of("mx1.example.com")).maxAge(604800).build().render();
  private static final String ENFORCE = BODY.replace("testing", "enforce");
  private static final String DISTRIBUTIONS = "/2020-05-31/distribution";

  @RegisterExtension
  static final RunningPlugin plugin = MotoExtension.plugin();

  private AwsFixture aws;

  @BeforeEach
  void setUp(AwsFixture aws) {
    this.aws = aws;
  }

  private static Struct site(String body) {
    return plugin.checked(URN, struct("domain", "example.com", "certificateArn", CERTIFICATE, "policy", body));
  }

  private Optional<PolicySiteState> live() {
    return new PolicySites(aws.clients).read("mta-sts-example-com");
  }

  private long successfulCalls(String method, String path) {
    return aws.proxy.matching(method, path).stream().filter(e -> e.status() / 100 == 2).count();
  }

  @Test
  void checkReportsOneClearFailurePerPropertyAndAppliesDefaults() {
    Map<String, String> failures = plugin.failures(URN, struct("domain", "mta-sts.example.com",
        "certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/x", "policy", "version: STSv1\r\nmode: sometimes\r\n",
        "bucketName", "Policy_Bucket"));
    assertEquals(4, failures.size(), failures.toString());
    assertTrue(failures.get("domain").contains("give the mail domain (example.com)"), failures.get("domain"));
    assertTrue(failures.get("certificateArn").contains("us-east-1"), failures.get("certificateArn"));
    assertTrue(failures.get("policy").contains("sometimes"), failures.get("policy"));
    assertTrue(failures.get("bucketName").contains("Policy_Bucket"), failures.get("bucketName"));
    assertTrue(plugin.failures(URN, struct("domain", "example.com", "certificateArn", CERTIFICATE, "policy", BODY,
        "cacheControl", "max-age=300\n")).get("cacheControl").contains("printable ASCII"));

    Struct checked = site(BODY);
    assertEquals("mta-sts-example-com", checked.getFieldsOrThrow("bucketName").getStringValue());
    assertEquals("max-age=300", checked.getFieldsOrThrow("cacheControl").getStringValue());
    Struct unknownDomain = plugin.checked(URN, struct("domain", unknown(), "certificateArn", CERTIFICATE, "policy", BODY));
    assertEquals(Wire.UNKNOWN, unknownDomain.getFieldsOrThrow("bucketName").getStringValue());
  }

  @Test
  void previewCreatesNothingAndKnowsWhatTheInputsTell() {
    Struct inputs = plugin.checked(URN, struct("domain", "example.com", "certificateArn", unknown(), "policy", BODY));
    Map<String, Value> outputs = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setPreview(true)
        .setProperties(inputs).build()).getProperties().getFieldsMap();
    assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt", outputs.get("policyUrl").getStringValue());
    assertEquals(PolicySiteSpec.sha256(BODY), outputs.get("policySha256").getStringValue());
    for (String output : List.of("certificateArn", "distributionId", "distributionArn", "distributionDomainName", "oacId",
        "bucketRegion")) {
      assertEquals(Wire.UNKNOWN, outputs.get(output).getStringValue(), output);
    }
    assertTrue(aws.proxy.exchanges().isEmpty(), "a preview calls no AWS operation: " + aws.proxy.exchanges());
  }

  @Test
  void createReadUpdateDelete() {
    Struct inputs = site(BODY);
    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build());
    assertEquals("mta-sts-example-com", created.getId());
    Map<String, Value> outputs = created.getProperties().getFieldsMap();
    PolicySiteState site = live().orElseThrow();
    assertEquals(site.distributionId().orElseThrow(), outputs.get("distributionId").getStringValue());
    assertEquals(site.distributionDomainName().orElseThrow(), outputs.get("distributionDomainName").getStringValue());
    assertEquals(site.oacId().orElseThrow(), outputs.get("oacId").getStringValue());
    assertEquals(Optional.of(BODY), site.policyBody());
    assertEquals(PolicySiteSpec.sha256(BODY), outputs.get("policySha256").getStringValue());
    assertEquals("us-east-1", outputs.get("bucketRegion").getStringValue());
    assertTrue(plugin.logs(URN).stream().anyMatch(log -> log.getEphemeral() && log.getMessage().contains("CloudFront distribution")),
        plugin.logs(URN).toString());

    // A refresh finds what was made: the next diff is clean.
    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setInputs(inputs).setProperties(created.getProperties()).build());
    assertEquals(inputs, refreshed.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff(refreshed.getInputs(), refreshed.getProperties(), inputs).getChanges());

    // A new body is an update: uploaded, and the CDN's copy invalidated before it returns.
    Struct enforce = site(ENFORCE);
    DiffResponse diff = diff(inputs, created.getProperties(), enforce);
    assertEquals(List.of("policy"), diff.getDiffsList());
    assertEquals(PropertyDiff.Kind.UPDATE, diff.getDetailedDiffOrThrow("policy").getKind());
    Struct updated = plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setOlds(created.getProperties()).setNews(enforce).build()).getProperties();
    assertEquals(PolicySiteSpec.sha256(ENFORCE), updated.getFieldsOrThrow("policySha256").getStringValue());
    assertEquals(outputs.get("distributionId"), updated.getFieldsOrThrow("distributionId"));
    assertEquals(Optional.of(ENFORCE), live().orElseThrow().policyBody());
    assertEquals(1, successfulCalls("POST", DISTRIBUTIONS + "/[^/]+/invalidation"));
    assertEquals(1, successfulCalls("POST", DISTRIBUTIONS), "the update made no second distribution");

    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(URN).setId(created.getId()).setProperties(updated).build());
    assertEquals(Optional.empty(), live());
    assertEquals("", plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setInputs(enforce).setProperties(updated).build()).getId());
  }

  @Test
  void aCreateThatFailsPartWayKeepsWhatItMadeAndTheNextUpdateCompletesIt() throws InvalidProtocolBufferException {
    // Credentials without cloudfront:CreateDistribution: AWS answers 403 AccessDenied, which no
    // retry fixes; the bucket and the origin access control exist by then.
    aws.proxy.failFirst(FaultProxy.request("POST", DISTRIBUTIONS), 1,
        FaultProxy.xmlAccessDenied("cloudfront:CreateDistribution"));
    Struct inputs = site(BODY);
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build()));
    assertEquals(Status.Code.UNKNOWN, error.getStatus().getCode());
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertEquals(1, status.getDetailsCount(), status.toString());
    ErrorResourceInitFailed partial = status.getDetails(0).unpack(ErrorResourceInitFailed.class);
    assertEquals("mta-sts-example-com", partial.getId());
    Struct state = partial.getProperties();
    assertTrue(state.containsFields("oacId") && state.containsFields("bucketRegion"), state.toString());
    assertFalse(state.containsFields("distributionId"), state.toString());
    assertFalse(state.containsFields("policySha256"), "the body is not published yet: " + state);
    assertEquals(BODY, state.getFieldsOrThrow("policy").getStringValue());
    assertTrue(partial.getReasons(0).contains("AccessDenied") && partial.getReasons(0).contains("cloudfront:CreateDistribution"),
        partial.getReasons(0));

    // The next `pulumi up` diffs the partial state against the same program, and updates it.
    DiffResponse diff = diff(inputs, state, inputs);
    assertEquals(DiffResponse.DiffChanges.DIFF_SOME, diff.getChanges());
    assertEquals(0, diff.getReplacesCount(), diff.toString());
    assertTrue(diff.getDiffsList().contains("distributionId"), diff.toString());
    Struct completed = plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(partial.getId())
        .setOlds(state).setNews(inputs).build()).getProperties();
    PolicySiteState site = live().orElseThrow();
    assertTrue(site.complete(), site.toString());
    assertEquals(site.distributionId().orElseThrow(), completed.getFieldsOrThrow("distributionId").getStringValue());
    assertEquals(state.getFieldsOrThrow("oacId"), completed.getFieldsOrThrow("oacId"), "the origin access control is reused");
    assertEquals(PolicySiteSpec.sha256(BODY), completed.getFieldsOrThrow("policySha256").getStringValue());
    assertEquals(1, successfulCalls("POST", DISTRIBUTIONS), "exactly one distribution");
    assertEquals(1, successfulCalls("POST", "/2020-05-31/origin-access-control"), "exactly one origin access control");
  }

  @Test
  void importByBucketNameGivesInputsThatDiffCleanAgainstTheProgram() {
    Struct program = site(BODY);
    plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(program).build());

    ReadResponse imported = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId("mta-sts-example-com").build());
    assertEquals("mta-sts-example-com", imported.getId());
    assertEquals(program, imported.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff(imported.getInputs(), imported.getProperties(), program).getChanges());

    StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class, () -> plugin.provider().read(
        ReadRequest.newBuilder().setUrn(URN).setId("Not A Bucket").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
    assertTrue(malformed.getStatus().getDescription().contains("bucket name"), malformed.getStatus().getDescription());
  }

  @Test
  void domainAndBucketReplaceTheSiteTheOldOneFirstUnlessBothMove() {
    Struct olds = site(BODY);
    Struct state = olds.toBuilder().putFields("distributionId", Wire.value("E1")).putFields("oacId", Wire.value("O1"))
        .putFields("policySha256", Wire.value(PolicySiteSpec.sha256(BODY))).build();

    DiffResponse otherDomain = diff(olds, state, plugin.checked(URN, struct("domain", "example.org",
        "certificateArn", CERTIFICATE, "policy", BODY)));
    assertEquals(List.of("domain", "bucketName"), otherDomain.getReplacesList());
    assertFalse(otherDomain.getDeleteBeforeReplace(), "another alias and another bucket: the new site comes first");

    DiffResponse otherBucket = diff(olds, state, plugin.checked(URN, struct("domain", "example.com",
        "certificateArn", CERTIFICATE, "policy", BODY, "bucketName", "mta-sts-policy-2")));
    assertEquals(List.of("bucketName"), otherBucket.getReplacesList());
    assertTrue(otherBucket.getDeleteBeforeReplace(), "the alias mta-sts.example.com belongs to one distribution");

    DiffResponse otherCertificate = diff(olds, state, plugin.checked(URN, struct("domain", "example.com",
        "certificateArn", CERTIFICATE.replace("1f9c", "2a0d"), "policy", BODY)));
    assertEquals(0, otherCertificate.getReplacesCount());
    assertEquals(PropertyDiff.Kind.UPDATE, otherCertificate.getDetailedDiffOrThrow("certificateArn").getKind());
  }

  @Test
  void aSecretPolicyStaysSecretAndTheIdsDoNot() {
    Struct inputs = plugin.checked(URN, struct("domain", "example.com", "certificateArn", CERTIFICATE,
        "policy", secret(BODY)));
    Map<String, Value> outputs = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build())
        .getProperties().getFieldsMap();
    assertTrue(Wire.isSecret(outputs.get("policy")));
    assertTrue(Wire.isSecret(outputs.get("policySha256")), "a hash of a secret is a secret");
    assertFalse(Wire.isSecret(outputs.get("distributionDomainName")));
    assertFalse(Wire.isSecret(outputs.get("bucketRegion")));
  }

  private DiffResponse diff(Struct oldInputs, Struct oldState, Struct news) {
    return plugin.provider().diff(DiffRequest.newBuilder().setUrn(URN).setId("mta-sts-example-com")
        .setOldInputs(oldInputs).setOlds(oldState).setNews(news).build());
  }
}
