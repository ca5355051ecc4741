package io.github.mtasts.provider.cloudflare;

import static io.github.mtasts.testlab.Wire.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import io.github.mtasts.cloudflare.CloudflareClient;
import io.github.mtasts.cloudflare.CloudflareSettings;
import io.github.mtasts.cloudflare.PolicyHostSpec;
import io.github.mtasts.cloudflare.PolicyWorkerScript;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
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
 * {@code mtasts:cloudflare:PolicyWorker} driven over gRPC in the packaged plugin, started as the
 * engine starts it, against the fake Cloudflare API. The fake stands for Workers scripts (an
 * upload replaces the script whole, a download returns what was uploaded) and Workers custom
 * domains (a host name attached to one script, refused with 409 when it has DNS records of its
 * own or belongs to another script).
 */
class PolicyWorkerPluginIT {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:cloudflare:PolicyWorker::example-com-worker";
  private static final String TESTING = body(Mode.TESTING);
  private static final String ENFORCE = body(Mode.ENFORCE);

  @RegisterExtension
  static final RunningPlugin plugin = RunningPlugin.extension(Map.of());

  @RegisterExtension
  final FakeCloudflarePlugin cloudflare = new FakeCloudflarePlugin(plugin);


  private static String body(Mode mode) {
    return Policy.builder().mode(mode).mx("mx1.example.com").maxAge(604800).build().render();
  }


  private Struct worker(String domain, String policy) {
    return plugin.checked(URN, struct("zoneId", cloudflare.zone(), "domain", domain, "policy", policy));
  }

  private Map<String, String> served() {
    return PolicyWorkerScript.parse(cloudflare.api().script("mtasts-policy").orElseThrow().mainSource()).orElseThrow().bodiesByHost();
  }

  @Test
  void checkReportsOneClearFailurePerProperty() {
    Map<String, String> failures = plugin.failures(URN, struct("scriptName", "Policies", "zoneId", "example.com",
        "domain", "mta-sts.example.com", "policy", TESTING));
    assertEquals(List.of("scriptName", "zoneId", "domain"), List.copyOf(failures.keySet()), failures.toString());
    assertTrue(failures.get("domain").contains("give the mail domain (example.com)"), failures.get("domain"));
    String lf = plugin.failures(URN, struct("zoneId", cloudflare.zone(), "domain", "example.com",
        "policy", TESTING.replace("\r\n", "\n"))).get("policy");
    assertTrue(lf.contains("canonical"), lf);
    Struct checked = worker("Example.COM", TESTING);
    assertEquals("mtasts-policy", checked.getFieldsOrThrow("scriptName").getStringValue(), "the shared script by default");
    assertEquals("example.com", checked.getFieldsOrThrow("domain").getStringValue());
  }

  @Test
  void createReadUpdateInPlaceAndDelete() {
    Struct inputs = worker("example.com", TESTING);
    CreateResponse preview = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setPreview(true)
        .setProperties(inputs).build());
    assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt",
        preview.getProperties().getFieldsOrThrow("policyUrl").getStringValue());
    assertEquals(List.of(), cloudflare.api().requests(), "a preview calls no API");

    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build());
    assertEquals("mtasts-policy/example.com", created.getId());
    assertEquals(Map.of("mta-sts.example.com", TESTING), served());
    FakeCloudflareApi.CustomDomain attached = cloudflare.api().customDomains().get(0);
    assertEquals(attached.id(), created.getProperties().getFieldsOrThrow("customDomainId").getStringValue());
    assertEquals("mta-sts.example.com", created.getProperties().getFieldsOrThrow("policyHost").getStringValue());

    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setInputs(inputs).setProperties(created.getProperties()).build());
    assertEquals(inputs, refreshed.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff(refreshed.getInputs(), refreshed.getProperties(), inputs).getChanges());

    Struct enforce = worker("example.com", ENFORCE);
    DiffResponse diff = diff(inputs, created.getProperties(), enforce);
    assertEquals(List.of("policy"), diff.getDiffsList());
    assertEquals(0, diff.getReplacesCount(), diff.toString());
    Struct updated = plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setOlds(created.getProperties()).setNews(enforce).build()).getProperties();
    assertEquals(Map.of("mta-sts.example.com", ENFORCE), served());
    assertEquals(List.of(attached), cloudflare.api().customDomains(), "the host stays attached");
    assertEquals(created.getProperties().getFieldsOrThrow("customDomainId"), updated.getFieldsOrThrow("customDomainId"));

    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(URN).setId(created.getId()).setProperties(updated).build());
    assertEquals(Map.of(), cloudflare.api().scripts());
    assertEquals(List.of(), cloudflare.api().customDomains());
    assertEquals("", plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setInputs(enforce).setProperties(updated).build()).getId());
  }

  @Test
  void domainsCreatedAtOnceInOneScriptEachKeepTheirBody() throws Exception {
    // The engine runs the creates of one deployment in parallel; all reach this plugin process.
    List<String> domains = List.of("a.example.com", "b.example.com", "c.example.com", "d.example.com",
        "e.example.com", "f.example.com");
    ExecutorService pool = Executors.newFixedThreadPool(domains.size());
    try {
      List<Future<CreateResponse>> creates = new ArrayList<>();
      for (String domain : domains) {
        Struct inputs = worker(domain, TESTING);
        String urn = URN.replace("example-com-worker", domain.replace('.', '-'));
        creates.add(pool.submit(() -> plugin.provider().create(CreateRequest.newBuilder().setUrn(urn)
            .setProperties(inputs).build())));
      }
      for (Future<CreateResponse> create : creates) {
        create.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(domains.size(), served().size(), served().keySet().toString());
    assertEquals(domains.size(), cloudflare.api().customDomains().size());
    assertEquals(1, cloudflare.api().scripts().size());
  }

  @Test
  void aHostThatCannotBeAttachedIsRecordedAndTheNextUpdateAttachesIt() throws InvalidProtocolBufferException {
    // Cloudflare refuses a custom domain whose host name has DNS records of its own (100117).
    FakeCloudflareApi.DnsRecord theirs = cloudflare.api().addRecord(cloudflare.zone(), "mta-sts.example.com", "CNAME", "example.github.io");
    Struct inputs = worker("example.com", TESTING);

    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build()));
    ErrorResourceInitFailed partial = StatusProto.fromThrowable(error).getDetails(0).unpack(ErrorResourceInitFailed.class);
    assertEquals("mtasts-policy/example.com", partial.getId());
    Struct state = partial.getProperties();
    assertTrue(state.containsFields("policySha256"), "the body is served: " + state);
    assertFalse(state.containsFields("customDomainId"), state.toString());
    assertTrue(partial.getReasons(0).contains("Delete those records"), partial.getReasons(0));

    cloudflare.api().records(cloudflare.zone()).stream().filter(r -> r.id().equals(theirs.id())).findFirst().orElseThrow();
    try (CloudflareClient client = client()) {
      client.dnsRecords().delete(cloudflare.zone(), theirs.id(), waiter());
    }
    DiffResponse diff = diff(inputs, state, inputs);
    assertEquals(List.of("customDomainId"), diff.getDiffsList(), "the next up updates what is missing");
    Struct completed = plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(partial.getId())
        .setOlds(state).setNews(inputs).build()).getProperties();
    assertEquals(cloudflare.api().customDomains().get(0).id(), completed.getFieldsOrThrow("customDomainId").getStringValue());
  }

  @Test
  void aBodyTakenOutOfTheScriptIsFoundByARefreshAndPutBackByTheNextUpdate() {
    // What another deployment of the same script from another machine at the same moment could
    // leave: the script without this domain's body (an upload replaces a script whole).
    Struct inputs = worker("example.com", TESTING);
    CreateResponse created = plugin.provider().create(CreateRequest.newBuilder().setUrn(URN).setProperties(inputs).build());
    try (CloudflareClient client = client()) {
      client.workerScripts().upload(PolicyWorkerScript.builder().policy("example.net", TESTING).build()
          .worker("mtasts-policy"), waiter());
    }

    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setInputs(inputs).setProperties(created.getProperties()).build());
    assertFalse(refreshed.getInputs().containsFields("policy"), refreshed.toString());
    assertFalse(refreshed.getProperties().containsFields("policySha256"), refreshed.toString());
    DiffResponse diff = diff(refreshed.getInputs(), refreshed.getProperties(), inputs);
    assertEquals(0, diff.getReplacesCount(), diff.toString());
    assertTrue(diff.getDiffsList().contains("policy"), diff.toString());
    plugin.provider().update(UpdateRequest.newBuilder().setUrn(URN).setId(created.getId())
        .setOlds(refreshed.getProperties()).setNews(inputs).build());
    assertEquals(Map.of("mta-sts.example.com", TESTING, "mta-sts.example.net", TESTING), served());
  }

  @Test
  void importByIdGivesInputsThatDiffCleanAgainstTheProgram() {
    try (CloudflareClient client = client()) {
      client.policyWorkers().create(new PolicyHostSpec("fleet", cloudflare.zone(), "example.com", TESTING), waiter());
    }
    ReadResponse imported = plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId("fleet/example.com").build());
    Struct program = plugin.checked(URN, struct("scriptName", "fleet", "zoneId", cloudflare.zone(), "domain", "example.com",
        "policy", TESTING));
    assertEquals(program, imported.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, diff(imported.getInputs(), imported.getProperties(), program).getChanges());

    StatusRuntimeException malformed = assertThrows(StatusRuntimeException.class,
        () -> plugin.provider().read(ReadRequest.newBuilder().setUrn(URN).setId("example.com").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
    assertTrue(malformed.getStatus().getDescription().contains("SCRIPT/DOMAIN"), malformed.getStatus().getDescription());
  }

  @Test
  void aBodyAnotherDeclarationPutInTheScriptIsNotOverwrittenAndTheErrorNamesTheImport() {
    try (CloudflareClient client = client()) {
      client.policyWorkers().create(new PolicyHostSpec("mtasts-policy", cloudflare.zone(), "example.com", ENFORCE), waiter());
    }
    String child = "urn:pulumi:dev::mail::mtasts:index:MtaSts$mtasts:cloudflare:PolicyWorker::example-com-worker";
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class, () -> plugin.provider()
        .create(CreateRequest.newBuilder().setUrn(child).setProperties(worker("example.com", TESTING)).build()));
    String message = error.getStatus().getDescription();
    assertTrue(message.contains("pulumi import mtasts:cloudflare:PolicyWorker example-com-worker mtasts-policy/example.com"
        + " --parent"), message);
    assertEquals(Map.of("mta-sts.example.com", ENFORCE), served());
  }

  @Test
  void scriptZoneAndDomainReplaceAndTheOldHostGoesFirstWhileTheDomainStays() {
    Struct olds = worker("example.com", TESTING);
    Struct state = olds.toBuilder().putFields("customDomainId", io.github.mtasts.testlab.Wire.value("cd"))
        .putFields("policySha256", io.github.mtasts.testlab.Wire.value("00")).build();

    DiffResponse otherScript = diff(olds, state, plugin.checked(URN, struct("scriptName", "fleet", "zoneId", cloudflare.zone(),
        "domain", "example.com", "policy", TESTING)));
    assertEquals(List.of("scriptName"), otherScript.getReplacesList());
    assertEquals(PropertyDiff.Kind.UPDATE_REPLACE, otherScript.getDetailedDiffOrThrow("scriptName").getKind());
    assertTrue(otherScript.getDeleteBeforeReplace(), "one host name is attached to one script");

    DiffResponse otherDomain = diff(olds, state, worker("example.org", TESTING));
    assertEquals(List.of("domain"), otherDomain.getReplacesList());
    assertFalse(otherDomain.getDeleteBeforeReplace(), "another domain's host is made before the old one goes");
  }

  private CloudflareClient client() {
    return CloudflareClient.create(CloudflareSettings.builder().apiToken(FakeCloudflarePlugin.TOKEN)
        .accountId(FakeCloudflarePlugin.ACCOUNT).baseUrl(cloudflare.api().baseUrl()).build());
  }

  private static Waiter waiter() {
    return Waiter.start(WaitOptions.builder().timeout(Duration.ofSeconds(30)).build());
  }

  private DiffResponse diff(Struct olds, Struct state, Struct news) {
    return plugin.provider().diff(DiffRequest.newBuilder().setUrn(URN).setOldInputs(olds).setOlds(state)
        .setNews(news).build());
  }
}
