package io.github.mtasts.provider.cloudflare;

import static io.github.mtasts.testlab.Wire.list;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import io.github.mtasts.cloudflare.CloudflareClient;
import io.github.mtasts.cloudflare.CloudflareSettings;
import io.github.mtasts.cloudflare.DnsRecord;
import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.ConfigureResponse;
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
 * {@code mtasts:cloudflare:Record} driven over gRPC in the packaged plugin, started as the engine
 * starts it, against the fake Cloudflare API. The fake stands for the DNS records operations of
 * Cloudflare's API description: exact {@code name} and {@code type} filters, several records of
 * one name kept, an identical one refused (81057), PATCH of the fields sent, and the {@code
 * comment} and {@code proxied} fields kept as sent.
 */
class CloudflareRecordPluginIT {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:cloudflare:Record::example-com-sts";

  @RegisterExtension
  static final RunningPlugin plugin = RunningPlugin.extension(Map.of());

  @RegisterExtension
  final FakeCloudflarePlugin cloudflare = new FakeCloudflarePlugin(plugin);



  private Struct txt(String name, String value) {
    return plugin.checked(URN, struct("zoneId", cloudflare.zone(), "name", name, "type", "TXT", "values", list(value)));
  }

  private List<String> writes() {
    return cloudflare.api().requests().stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  @Test
  void checkReportsWhatCloudflareWouldRefuseByProperty() {
    Map<String, String> failures = plugin.failures(URN, struct("zoneId", "example.com", "name", "_mta-sts.example.com.",
        "type", "TXT", "ttl", 90000, "values", list("v=STSv1; id=1"), "proxied", true));
    assertTrue(failures.get("zoneId").contains("32 hexadecimal digits") && failures.get("zoneId").contains("getZone"),
        failures.get("zoneId"));
    assertTrue(failures.get("name").contains("ends with a dot"), failures.get("name"));
    assertTrue(failures.get("ttl").contains("1 to 86400"), failures.get("ttl"));
    assertTrue(failures.get("proxied").contains("only a CNAME can be proxied"), failures.get("proxied"));

    // Resolvers must see the record itself at _mta-sts (RFC 8461 §3.1), _smtp._tls (RFC 8460 §3)
    // and a certificate's validation name, even when it is a CNAME.
    String delegated = plugin.failures(URN, struct("zoneId", cloudflare.zone(), "name", "_mta-sts.example.com", "type", "CNAME",
        "values", list("_mta-sts.policy.example.net"), "proxied", true)).get("proxied");
    assertTrue(delegated.contains("RFC 8461 section 3.1"), delegated);
    assertEquals(Map.of(), plugin.failures(URN, struct("zoneId", cloudflare.zone(), "name", "mta-sts.example.com", "type", "CNAME",
        "values", list("d111.cloudfront.net"), "proxied", true)), "a policy host may be proxied");

    String ttl = plugin.failures(URN, struct("zoneId", cloudflare.zone(), "name", "x.example.com", "type", "TXT", "ttl", 30,
        "values", list("a"))).get("ttl");
    assertTrue(ttl.contains("1 (automatic) or 60 to 86400"), ttl);
    String two = plugin.failures(URN, struct("zoneId", cloudflare.zone(), "name", "x.example.com", "type", "TXT",
        "values", list("a", "b"))).get("values");
    assertTrue(two.contains("one value"), two);
    assertEquals(List.of(), cloudflare.api().requests(), "Check calls no API");
  }

  @Test
  void checkAppliesTheDefaultsAndNormalises() {
    Struct checked = plugin.checked(URN, struct("zoneId", cloudflare.zone().toUpperCase(), "name", "MTA-STS.Example.COM",
        "type", "CNAME", "values", list("D111.CloudFront.NET")));
    assertEquals(cloudflare.zone(), checked.getFieldsOrThrow("zoneId").getStringValue());
    assertEquals("mta-sts.example.com", checked.getFieldsOrThrow("name").getStringValue());
    assertEquals(300, checked.getFieldsOrThrow("ttl").getNumberValue());
    assertFalse(checked.getFieldsOrThrow("proxied").getBoolValue(), "not proxied unless asked");
  }

  @Test
  void previewChangesNothing() {
    Struct inputs = plugin.checked(URN, struct("zoneId", cloudflare.zone(), "name", "_mta-sts.example.com", "type", "TXT",
        "values", list(unknown())));
    CreateResponse preview = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setPreview(true)
        .setProperties(inputs).build());
    assertEquals("_mta-sts.example.com", preview.getProperties().getFieldsOrThrow("fqdn").getStringValue());
    assertEquals(List.of(), cloudflare.api().requests(), "a preview calls no API");
  }

  @Test
  void createReadUpdateDelete() {
    Struct inputs = txt("_mta-sts.example.com", "v=STSv1; id=1");
    String id = cloudflare.zone() + "/_mta-sts.example.com/TXT";

    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build());
    assertEquals(id, created.getId());
    FakeCloudflareApi.DnsRecord stored = cloudflare.api().records(cloudflare.zone()).get(0);
    assertEquals(List.of("\"v=STSv1; id=1\"", "managed by mtasts", "300", "false"),
        List.of(stored.content(), stored.comment(), String.valueOf(stored.ttl()), String.valueOf(stored.proxied())));

    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id)
        .setInputs(inputs).setProperties(created.getProperties()).build());
    assertEquals(inputs, refreshed.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff(refreshed.getInputs(), refreshed.getProperties(), inputs).getChanges());

    Struct changed = plugin.checked(URN, struct("zoneId", cloudflare.zone(), "name", "_mta-sts.example.com", "type", "TXT",
        "ttl", 3600, "values", list("v=STSv1; id=2")));
    DiffResponse diff = diff(inputs, created.getProperties(), changed);
    assertEquals(0, diff.getReplacesCount(), diff.toString());
    assertEquals(Map.of("values", PropertyDiff.Kind.UPDATE, "ttl", PropertyDiff.Kind.UPDATE),
        Map.copyOf(diff.getDetailedDiffMap().entrySet().stream().collect(java.util.stream.Collectors.toMap(
            Map.Entry::getKey, e -> e.getValue().getKind()))));
    Struct updated = plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(id)
        .setOlds(created.getProperties()).setNews(changed).build()).getProperties();
    assertEquals(List.of(stored.id(), "\"v=STSv1; id=2\"", "3600"), List.of(cloudflare.api().records(cloudflare.zone()).get(0).id(),
        cloudflare.api().records(cloudflare.zone()).get(0).content(), String.valueOf(cloudflare.api().records(cloudflare.zone()).get(0).ttl())), "changed in place");

    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(URN).setId(id).setProperties(updated).build());
    assertEquals(List.of(), cloudflare.api().records(cloudflare.zone()));
    assertEquals("", plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id)
        .setInputs(changed).setProperties(updated).build()).getId(), "a record deleted outside the stack reads as gone");
  }

  @Test
  void anExistingRecordIsNeverOverwrittenAndTheErrorNamesTheImport() {
    cloudflare.api().addRecord(cloudflare.zone(), "_mta-sts.example.com", "TXT", "\"v=STSv1; id=handmade\"");

    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider()
        .create(CreateRequest.newBuilder().setUrn(URN).setProperties(txt("_mta-sts.example.com", "v=STSv1; id=1")).build()));

    String message = error.getStatus().getDescription();
    assertTrue(message.contains("pulumi import mtasts:cloudflare:Record example-com-sts " + cloudflare.zone() + "/_mta-sts.example.com/TXT"),
        message);
    assertTrue(message.contains("v=STSv1; id=handmade"), message);
    assertEquals(List.of(), writes(), "nothing was written");
  }

  @Test
  void importByIdGivesInputsThatDiffCleanAgainstTheProgram() {
    cloudflare.api().addRecord(cloudflare.zone(), "_smtp._tls.example.com", "TXT", "\"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"");
    String id = cloudflare.zone() + "/_smtp._tls.example.com/TXT";

    ReadResponse imported = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id).build());
    assertEquals(id, imported.getId());
    // A record made in the dashboard has the automatic TTL: the program says which it wants.
    Struct program = plugin.checked(URN, struct("zoneId", cloudflare.zone(), "name", "_smtp._tls.example.com", "type", "TXT",
        "ttl", 1, "values", list("v=TLSRPTv1; rua=mailto:tlsrpt@example.com")));
    assertEquals(program, imported.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff(imported.getInputs(), imported.getProperties(), program)
        .getChanges());

    StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId("example.com/_mta-sts.example.com/TXT").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
    assertTrue(malformed.getStatus().getDescription().contains("32 hexadecimal digits"),
        malformed.getStatus().getDescription());
  }

  @Test
  void aRefreshFindsProxyingSomeoneTurnedOnAndTheNextUpdateTurnsItOff() throws Exception {
    Struct inputs = plugin.checked(URN, struct("zoneId", cloudflare.zone(), "name", "mta-sts.example.com", "type", "CNAME",
        "values", list("d111.cloudfront.net")));
    String id = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build()).getId();
    try (CloudflareClient client = CloudflareClient.create(CloudflareSettings.builder()
        .apiToken(FakeCloudflarePlugin.TOKEN).baseUrl(cloudflare.api().baseUrl()).build())) {
      Waiter waiter = Waiter.start(WaitOptions.builder().timeout(Duration.ofSeconds(30)).build());
      DnsRecord live = client.dnsRecords().list(cloudflare.zone(), "mta-sts.example.com", Optional.empty(), waiter).get(0);
      client.dnsRecords().update(live.toBuilder().proxied(true).build(), waiter);
    }

    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(id)
        .setInputs(inputs).setProperties(inputs).build());
    assertTrue(refreshed.getInputs().getFieldsOrThrow("proxied").getBoolValue());
    DiffResponse diff = diff(refreshed.getInputs(), refreshed.getProperties(), inputs);
    assertEquals(PropertyDiff.Kind.UPDATE, diff.getDetailedDiffOrThrow("proxied").getKind());
    plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(id).setOlds(refreshed.getProperties())
        .setNews(inputs).build());
    assertFalse(cloudflare.api().records(cloudflare.zone()).get(0).proxied());
  }

  @Test
  void theTokenIsInNoMessageInAnyForm() {
    // An answer that quotes the Authorization header back, as a proxy or a support answer might.
    cloudflare.api().failNext(400, 1000, "invalid header: Bearer " + FakeCloudflarePlugin.TOKEN.toLowerCase());
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider()
        .create(CreateRequest.newBuilder().setUrn(URN).setProperties(txt("_mta-sts.example.com", "v=STSv1; id=1")).build()));
    String message = error.getStatus().getDescription();
    assertTrue(message.contains("invalid header: Bearer"), message);
    assertFalse(FakeCloudflarePlugin.showsToken(message), message);
    assertFalse(FakeCloudflarePlugin.showsToken(plugin.engine().allLogText()), "the engine's log shows the token");

    // A malformed token fails CheckConfig without being repeated.
    String malformed = "abc def " + FakeCloudflarePlugin.TOKEN;
    var checked = plugin.provider().checkConfig(CheckRequest.newBuilder().setUrn("urn:pulumi:dev::mail::pulumi:providers:mtasts::default")
        .setNews(struct("cloudflareApiToken", malformed, "cloudflareAccountId", "not-an-account")).build());
    assertEquals(List.of("cloudflareApiToken", "cloudflareAccountId"), checked.getFailuresList().stream()
        .map(f -> f.getProperty()).toList(), checked.toString());
    assertFalse(FakeCloudflarePlugin.showsToken(checked.toString()), checked.toString());
    assertTrue(checked.getFailures(1).getReason().contains("32 hexadecimal digits"), checked.toString());
  }

  @Test
  void withoutATokenTheErrorSaysWhereToSetOneAndWhichPermissions() {
    ConfigureResponse configured = plugin.configure("cloudflareApiBaseUrl", cloudflare.api().baseUrl());
    assertTrue(configured.getAcceptSecrets());
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider()
        .create(CreateRequest.newBuilder().setUrn(URN).setProperties(txt("_mta-sts.example.com", "v=STSv1; id=1")).build()));
    String message = error.getStatus().getDescription();
    assertTrue(message.contains("mtasts:cloudflareApiToken or CLOUDFLARE_API_TOKEN") && message.contains("Zone / DNS / Edit"),
        message);
    assertEquals(List.of(), cloudflare.api().requests());
  }

  private DiffResponse diff(Struct olds, Struct state, Struct news) {
    return plugin.provider().diff(DiffRequest.newBuilder().setUrn(URN).setOldInputs(olds).setOlds(state)
        .setNews(news).build());
  }
}
