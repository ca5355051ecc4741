package io.github.mtasts.provider.aws;

import io.github.mtasts.testlab.Wire;
import static io.github.mtasts.testlab.Wire.list;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.aws.RecordSet;
import io.github.mtasts.aws.RecordSetId;
import io.github.mtasts.aws.RecordType;
import io.github.mtasts.aws.Route53Records;
import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.wait.WaitOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;

/**
 * {@code mtasts:aws:Record} driven over gRPC in the packaged plugin against moto's Route 53 (in
 * server mode, behind a recording proxy). moto stands for Route 53's record-set API: CREATE that
 * refuses an existing name and type, UPSERT, DELETE of exact values, and change ids to poll.
 */
@ExtendWith(MotoExtension.class)
class AwsRecordPluginIT {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:aws:Record::mta-sts-txt";
  private static final String CHANGES = "/2013-04-01/hostedzone/[^/]+/rrset/?";

  @RegisterExtension
  static final RunningPlugin plugin = MotoExtension.plugin();

  private AwsFixture aws;
  private String zoneId;

  @BeforeEach
  void setUp(AwsFixture aws) {
    this.aws = aws;
    this.zoneId = aws.createHostedZone("example.com");
  }

  private Struct txt(String name, Object... values) {
    return plugin.checked(URN, struct("zoneId", zoneId, "name", name, "type", "TXT", "values", list(values)));
  }

  private Optional<RecordSet> live(String id) {
    return new Route53Records(aws.clients).read(RecordSetId.parse(id));
  }

  @Test
  void checkReportsOneClearFailurePerProperty() {
    Map<String, String> failures = plugin.failures(URN, struct(
        "zoneId", "z-123", "name", "_mta-sts.example.com.", "type", "MX", "ttl", -5, "values", list(), "weight", 3));
    assertEquals(6, failures.size(), failures.toString());
    assertTrue(failures.get("zoneId").contains("'z-123'") && failures.get("zoneId").contains("Z0123456789ABC"),
        failures.get("zoneId"));
    assertTrue(failures.get("name").contains("ends with a dot") && failures.get("name").contains("_mta-sts.example.com"),
        failures.get("name"));
    assertTrue(failures.get("type").contains("CNAME, TXT") && failures.get("type").contains("'MX'"), failures.get("type"));
    assertTrue(failures.get("ttl").contains("0 to 2147483647"), failures.get("ttl"));
    assertTrue(failures.get("values").contains("empty"), failures.get("values"));
    assertTrue(failures.get("weight").contains("not a property"), failures.get("weight"));

    String cname = plugin.failures(URN, struct("zoneId", zoneId, "name", "mta-sts.example.com", "type", "CNAME",
        "values", list("a.example.net", "b.example.net"))).get("values");
    assertTrue(cname.contains("exactly one target"), cname);
    String quoted = plugin.failures(URN, struct("zoneId", zoneId, "name", "x.example.com", "type", "TXT",
        "values", list("\"hello\""))).get("values");
    assertTrue(quoted.contains("without them (hello)"), quoted);
    // RFC 8461 §3.1: two v=STSv1 records make senders ignore both.
    String twoPolicies = plugin.failures(URN, struct("zoneId", zoneId, "name", "_mta-sts.example.com", "type", "TXT",
        "values", list("v=STSv1; id=1", "v=STSv1; id=2"))).get("values");
    assertTrue(twoPolicies != null && twoPolicies.contains("RFC 8461"), String.valueOf(twoPolicies));
    String badTlsRpt = plugin.failures(URN, struct("zoneId", zoneId, "name", "_smtp._tls.example.com", "type", "TXT",
        "values", list("v=TLSRPTv1; rua=reports-at-example"))).get("values");
    assertTrue(badTlsRpt != null && badTlsRpt.contains("reports-at-example"), String.valueOf(badTlsRpt));
  }

  @Test
  void checkNormalisesNamesAndAppliesTheDefaultTtl() {
    Struct checked = plugin.checked(URN, struct("zoneId", "/hostedzone/" + zoneId, "name", "MTA-STS.Example.COM",
        "type", "CNAME", "values", list("D111.CloudFront.NET")));
    assertEquals(zoneId, checked.getFieldsOrThrow("zoneId").getStringValue());
    assertEquals("mta-sts.example.com", checked.getFieldsOrThrow("name").getStringValue());
    assertEquals("d111.cloudfront.net", checked.getFieldsOrThrow("values").getListValue().getValues(0).getStringValue());
    assertEquals(300, checked.getFieldsOrThrow("ttl").getNumberValue());
  }

  @Test
  void previewChangesNothingAndLeavesUnknownsUnknown() {
    Struct inputs = plugin.checked(URN, struct("zoneId", zoneId, "name", "_mta-sts.example.com", "type", "TXT",
        "values", list(unknown())));
    CreateResponse preview = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setPreview(true)
        .setProperties(inputs).build());
    Map<String, Value> outputs = preview.getProperties().getFieldsMap();
    assertEquals(Wire.UNKNOWN, outputs.get("values").getListValue().getValues(0).getStringValue());
    assertEquals("_mta-sts.example.com", outputs.get("fqdn").getStringValue());
    Struct unknownName = plugin.checked(URN, struct("zoneId", zoneId, "name", unknown(), "type", "TXT",
        "values", list("v=STSv1; id=1")));
    Map<String, Value> nameless = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setPreview(true)
        .setProperties(unknownName).build()).getProperties().getFieldsMap();
    assertEquals(Wire.UNKNOWN, nameless.get("fqdn").getStringValue());
    assertTrue(aws.proxy.matching("POST", CHANGES).isEmpty(), "a preview sends no change to Route 53");
  }

  @Test
  void createReadUpdateDelete() {
    // RFC 1035 §3.3: a text over 255 octets travels as several strings; it reads back whole.
    String longText = "v=spf1 " + "include:_spf.example.net ".repeat(14) + "-all";
    Struct inputs = txt("long.example.com", longText, "second record");
    String id = zoneId + "/long.example.com/TXT";

    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build());
    assertEquals(id, created.getId());
    assertEquals("long.example.com", created.getProperties().getFieldsOrThrow("fqdn").getStringValue());
    RecordSet set = live(id).orElseThrow();
    assertEquals(List.of(longText, "second record"), set.values());
    assertEquals(300, set.ttl());
    String sent = aws.proxy.matching("POST", CHANGES).get(0).body();
    assertTrue(sent.contains("\" \"") || sent.contains("&quot; &quot;"), "the long text is split into strings: " + sent);

    // A refresh finds nothing changed: the next diff is clean.
    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id)
        .setInputs(inputs).setProperties(created.getProperties()).build());
    assertEquals(inputs, refreshed.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff(refreshed.getInputs(), refreshed.getProperties(), inputs).getChanges());

    Struct changed = plugin.checked(URN, struct("zoneId", zoneId, "name", "long.example.com", "type", "TXT", "ttl", 60,
        "values", list("only record")));
    DiffResponse diff = diff(inputs, created.getProperties(), changed);
    assertEquals(0, diff.getReplacesCount(), diff.toString());
    assertEquals(PropertyDiff.Kind.UPDATE, diff.getDetailedDiffOrThrow("values").getKind());
    assertEquals(PropertyDiff.Kind.UPDATE, diff.getDetailedDiffOrThrow("ttl").getKind());
    Struct updated = plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(id)
        .setOlds(created.getProperties()).setNews(changed).build()).getProperties();
    assertEquals(60, updated.getFieldsOrThrow("ttl").getNumberValue());
    assertEquals(List.of("only record"), live(id).orElseThrow().values());
    assertEquals(60, live(id).orElseThrow().ttl());

    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(URN).setId(id).setProperties(updated).build());
    assertEquals(Optional.empty(), live(id));
    ReadResponse gone = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id)
        .setInputs(changed).setProperties(updated).build());
    assertEquals("", gone.getId(), "a record set deleted outside the stack reads as gone");
  }

  @Test
  void aRefreshTakesWhatSomeoneChangedSoTheNextUpdateRepairsIt() {
    Struct inputs = txt("_mta-sts.example.com", "v=STSv1; id=20240101");
    String id = zoneId + "/_mta-sts.example.com/TXT";
    Struct state = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build()).getProperties();
    new Route53Records(aws.clients).update(RecordSet.builder().zoneId(zoneId).name("_mta-sts.example.com")
        .type(RecordType.TXT).ttl(300).values("v=STSv1; id=tampered").build(), WaitOptions.defaults(message -> { }));

    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id)
        .setInputs(inputs).setProperties(state).build());
    assertEquals("v=STSv1; id=tampered",
        refreshed.getInputs().getFieldsOrThrow("values").getListValue().getValues(0).getStringValue());
    DiffResponse diff = diff(refreshed.getInputs(), refreshed.getProperties(), inputs);
    assertEquals(DiffResponse.DiffChanges.DIFF_SOME, diff.getChanges());
    assertEquals(PropertyDiff.Kind.UPDATE, diff.getDetailedDiffOrThrow("values").getKind());
  }

  @Test
  void importByIdGivesInputsThatDiffCleanAgainstTheProgram() {
    Route53Records records = new Route53Records(aws.clients);
    records.create(RecordSet.builder().zoneId(zoneId).name("mta-sts.example.com").type(RecordType.CNAME).ttl(3600)
        .values("d111abcdef8.cloudfront.net").build(), WaitOptions.defaults(message -> { }));
    String id = zoneId + "/mta-sts.example.com/CNAME";

    ReadResponse imported = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id).build());
    assertEquals(id, imported.getId());
    Struct program = plugin.checked(URN, struct("zoneId", zoneId, "name", "mta-sts.example.com", "type", "CNAME",
        "ttl", 3600, "values", list("d111abcdef8.cloudfront.net")));
    assertEquals(program, imported.getInputs());
    DiffResponse diff = diff(imported.getInputs(), imported.getProperties(), program);
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff.getChanges(), diff.toString());

    StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId("_mta-sts.example.com").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
    assertTrue(malformed.getStatus().getDescription().contains("ZONEID/NAME/TYPE"), malformed.getStatus().getDescription());
  }

  @Test
  void anExistingRecordSetIsNeverOverwrittenAndTheErrorNamesTheImport() {
    new Route53Records(aws.clients).create(RecordSet.builder().zoneId(zoneId).name("_mta-sts.example.com")
        .type(RecordType.TXT).values("v=STSv1; id=handmade").build(), WaitOptions.defaults(message -> { }));
    Struct inputs = txt("_mta-sts.example.com", "v=STSv1; id=20240101");
    // Route 53 refuses a CREATE of an existing name and type whatever the values; moto does so
    // only for identical values, so the proxy answers the CREATEs as Route 53 would.
    aws.proxy.failFirst(r -> r.getMethod().equals("POST") && r.getUrl().encodedPath().matches(CHANGES)
        && r.getBody().utf8().contains("<Action>CREATE</Action>"), 2,
        FaultProxy.route53AlreadyExists("_mta-sts.example.com.", "TXT"));

    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build()));
    assertEquals(Status.Code.UNKNOWN, error.getStatus().getCode());
    String message = error.getStatus().getDescription();
    assertTrue(message.contains("pulumi import mtasts:aws:Record mta-sts-txt " + zoneId + "/_mta-sts.example.com/TXT"), message);
    assertTrue(message.contains("v=STSv1; id=handmade"), message);
    assertFalse(message.contains("--parent"), message);
    assertEquals(List.of("v=STSv1; id=handmade"), live(zoneId + "/_mta-sts.example.com/TXT").orElseThrow().values());

    String childUrn = "urn:pulumi:dev::mail::mtasts:index:MtaSts$mtasts:aws:Record::example-com-sts";
    String child = assertThrows(StatusRuntimeException.class, () -> plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(childUrn).setProperties(inputs).build())).getStatus().getDescription();
    assertTrue(child.contains("pulumi import mtasts:aws:Record example-com-sts ") && child.contains("--parent"), child);
  }

  @Test
  void zoneNameAndTypeReplaceTtlAndValuesUpdate() {
    Struct olds = txt("_mta-sts.example.com", "v=STSv1; id=1");
    Struct state = struct("zoneId", zoneId, "name", "_mta-sts.example.com", "type", "TXT", "ttl", 300,
        "values", list("v=STSv1; id=1"), "fqdn", "_mta-sts.example.com");

    DiffResponse otherType = diff(olds, state, plugin.checked(URN, struct("zoneId", zoneId, "name", "_mta-sts.example.com",
        "type", "CNAME", "values", list("policy.example.net"))));
    assertEquals(List.of("type"), otherType.getReplacesList());
    assertEquals(PropertyDiff.Kind.UPDATE_REPLACE, otherType.getDetailedDiffOrThrow("type").getKind());
    assertTrue(otherType.getDeleteBeforeReplace(), "one name holds one record set of a type, and a CNAME nothing else");

    DiffResponse otherName = diff(olds, state, txt("_mta-sts.example.org", "v=STSv1; id=1"));
    assertEquals(List.of("name"), otherName.getReplacesList());
    assertFalse(otherName.getDeleteBeforeReplace(), "a record set at another name is created before the old one goes");

    DiffResponse unknownName = diff(olds, state, plugin.checked(URN, struct("zoneId", zoneId, "name", unknown(),
        "type", "TXT", "values", list("v=STSv1; id=1"))));
    assertTrue(unknownName.getDeleteBeforeReplace(), "an unknown name may turn out the same");

    DiffResponse otherValues = diff(olds, state, txt("_mta-sts.example.com", "v=STSv1; id=2"));
    assertEquals(0, otherValues.getReplacesCount());
    assertEquals(PropertyDiff.Kind.UPDATE, otherValues.getDetailedDiffOrThrow("values").getKind());
  }

  @Test
  void aZoneThatDoesNotExistIsNamed() {
    Struct inputs = plugin.checked(URN, struct("zoneId", "ZNOSUCHZONE1", "name", "_mta-sts.example.com", "type", "TXT",
        "values", list("v=STSv1; id=1")));
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build()));
    assertEquals(Status.Code.UNKNOWN, error.getStatus().getCode());
    assertTrue(error.getStatus().getDescription().contains("hosted zone ZNOSUCHZONE1 does not exist"),
        error.getStatus().getDescription());
  }

  @Test
  void throttlingIsRetried() {
    // Route 53 throttles bursts of changes per account with HTTP 400 Throttling.
    aws.proxy.failFirst(FaultProxy.request("POST", CHANGES), 2, FaultProxy.xmlThrottling());
    Struct inputs = txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:tlsrpt@example.com");
    plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build());
    assertEquals(3, aws.proxy.matching("POST", CHANGES).size());
    assertTrue(live(zoneId + "/_smtp._tls.example.com/TXT").isPresent());
  }

  private DiffResponse diff(Struct oldInputs, Struct oldState, Struct news) {
    return plugin.provider().diff(DiffRequest.newBuilder().setUrn(URN).setId("id")
        .setOldInputs(oldInputs).setOlds(oldState).setNews(news).build());
  }
}
