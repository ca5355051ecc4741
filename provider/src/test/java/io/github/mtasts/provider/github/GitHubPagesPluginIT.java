package io.github.mtasts.provider.github;

import static io.github.mtasts.testlab.Wire.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.testlab.FakeGitHubApi;
import io.github.mtasts.testlab.FakePagesSite;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.testlab.Wire;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;

/**
 * {@code mtasts:github:PagesSite} and {@code mtasts:github:PagesHttps} driven over gRPC in the
 * packaged plugin, the way the engine drives them, against the fake GitHub API. What each test
 * stands for at GitHub is said in it; the fake follows GitHub's REST description (see its class
 * documentation for where it may differ).
 */
class GitHubPagesPluginIT {

  private static final String SITE_URN = "urn:pulumi:dev::mail::mtasts:github:PagesSite::site";
  private static final String HTTPS_URN = "urn:pulumi:dev::mail::mtasts:github:PagesHttps::https";
  /**
   * Mixed case, and configured with white space around it: each form must stay out of every
   * message and state. Its lower-case form is a valid login, so that a message can quote it.
   */
  private static final String TOKEN = "GhpPluginToken0AbCdEfXyZ";
  private static final String BODY = "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\n"
      + "max_age: 604800\r\n";
  /** The recipe's sample policy: the same mx twice, LF line ends. */
  private static final String HAND_MADE_BODY = "version: STSv1\nmode: testing\n"
      + "mx: mx1.example.com\nmx: mx1.example.com\nmax_age: 604800\n";

  private FakeGitHubApi api;
  private RunningPlugin plugin;
  /** Whether mta-sts.example.com is a CNAME to octo.github.io, for GitHub's DNS check. */
  private volatile boolean cnameRecord;

  @BeforeEach
  void start() throws Exception {
    api = FakeGitHubApi.start(InetAddress.getByName("127.0.41.10")).user("octo")
        .token("octo", TOKEN);
    api.dns(name -> cnameRecord && name.equals("mta-sts.example.com")
        ? Optional.of("octo.github.io") : Optional.empty());
    plugin = RunningPlugin.start(Map.of());
    plugin.configure("githubToken", Wire.secret(" " + TOKEN + "\n"),
        "githubApiBaseUrl", api.url(), "githubOwner", "octo");
  }

  @AfterEach
  void stop() throws Exception {
    plugin.close();
    api.close();
  }

  private Struct site(String repository) {
    return plugin.checked(SITE_URN, struct("repository", repository, "domain", "example.com",
        "policy", BODY));
  }

  private Struct https(Object... more) {
    List<Object> fields = new ArrayList<>(List.of("repository", "octo/mta-sts", "domain",
        "example.com", "policyHostFqdn", "mta-sts.example.com"));
    fields.addAll(List.of(more));
    return plugin.checked(HTTPS_URN, struct(fields.toArray()));
  }

  private CreateResponse create(String urn, Struct inputs) {
    return plugin.provider().create(CreateRequest.newBuilder().setUrn(urn).setProperties(inputs)
        .build());
  }

  private Map<String, String> files(String repository) {
    Map<String, String> files = new TreeMap<>();
    api.files("octo", repository, "main")
        .forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return files;
  }

  @Test
  void checkNamesEachBadPropertyOnceWithItsFix() {
    Map<String, String> failures = plugin.failures(SITE_URN, struct("owner", "-octo",
        "repository", "site.git", "domain", "mta-sts.example.com", "policy", "mode: maybe"));
    assertEquals(List.of("owner", "repository", "domain", "policy"), List.copyOf(failures.keySet()));
    assertTrue(failures.get("owner").contains("single hyphens"), failures.get("owner"));
    assertTrue(failures.get("domain").contains("give the mail domain (example.com)"),
        failures.get("domain"));
    // "Securing your GitHub Pages site with HTTPS": a custom domain of 64 characters or more.
    String longDomain = "a".repeat(50) + ".example.com";
    assertTrue(plugin.failures(SITE_URN, struct("repository", "mta-sts", "domain", longDomain,
        "policy", BODY)).get("domain").contains("no certificate for a custom domain of more than"
        + " 63 characters"));
    Map<String, String> wait = plugin.failures(HTTPS_URN, struct("repository", "mta-sts",
        "domain", "example.com", "timeout", 0));
    assertTrue(wait.get("repository").contains("OWNER/NAME"), wait.toString());
    assertTrue(wait.get("timeout").contains("1 to 172800"), wait.toString());
  }

  @Test
  void aPreviewCallsNoGitHubOperationAndKnowsTheCnameTarget() {
    Map<String, Value> outputs = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(SITE_URN).setPreview(true).setProperties(site("mta-sts")).build())
        .getProperties().getFieldsMap();
    assertEquals("octo.github.io", outputs.get("pagesHost").getStringValue());
    assertEquals("octo/mta-sts", outputs.get("fullName").getStringValue());
    assertEquals(Wire.UNKNOWN, outputs.get("commit").getStringValue());
    Map<String, Value> waited = plugin.provider().create(CreateRequest.newBuilder()
        .setUrn(HTTPS_URN).setPreview(true).setProperties(https()).build())
        .getProperties().getFieldsMap();
    assertEquals(Wire.UNKNOWN, waited.get("certificateState").getStringValue());
    assertEquals(3600, waited.get("timeout").getNumberValue());
    assertEquals(List.of(), api.calls(), "a preview calls no GitHub operation");
  }

  @Test
  void theSiteIsServedThenTheCertificateIsAwaitedWithGitHubsStatesAndHttpsEnforced() {
    // GitHub: the repository, its files and Pages with the custom domain; the certificate comes
    // after the DNS check passes, through states the fake moves three per read.
    CreateResponse created = create(SITE_URN, site("mta-sts"));
    assertEquals("octo/mta-sts", created.getId());
    Map<String, Value> site = created.getProperties().getFieldsMap();
    assertTrue(site.get("created").getBoolValue());
    assertEquals("mta-sts.example.com", site.get("customDomain").getStringValue());
    assertEquals(api.head("octo", "mta-sts", "main").orElseThrow(),
        site.get("commit").getStringValue());
    assertEquals(BODY, files("mta-sts").get(".well-known/mta-sts.txt"));

    cnameRecord = true;
    api.advanceCertificatesOnRead(3);
    CreateResponse waited = create(HTTPS_URN, https());
    assertEquals("octo/mta-sts", waited.getId());
    assertEquals("approved", waited.getProperties().getFieldsOrThrow("certificateState")
        .getStringValue());
    assertTrue(waited.getProperties().getFieldsOrThrow("httpsEnforced").getBoolValue());
    assertTrue(api.pages("octo", "mta-sts").orElseThrow().httpsEnforced());
    List<String> status = plugin.logs(HTTPS_URN).stream().filter(LogRequest::getEphemeral)
        .map(LogRequest::getMessage).toList();
    assertTrue(status.stream().anyMatch(m -> m.startsWith("waiting for the HTTPS certificate of"
        + " mta-sts.example.com") && m.contains(": authorized")), status.toString());
  }

  @Test
  void aWaitThatRunsOutIsKeptAsPartialStateAndTheNextUpdateWaitsOn()
      throws InvalidProtocolBufferException {
    // GitHub takes minutes to a day: here the certificate does not move until the test says.
    create(SITE_URN, site("mta-sts"));
    cnameRecord = true;
    Struct inputs = https("timeout", 2);
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> create(HTTPS_URN, inputs));
    ErrorResourceInitFailed partial = StatusProto.fromThrowable(error).getDetails(0)
        .unpack(ErrorResourceInitFailed.class);
    assertEquals("octo/mta-sts", partial.getId());
    assertEquals("new", partial.getProperties().getFieldsOrThrow("certificateState")
        .getStringValue());
    assertFalse(partial.getProperties().getFieldsOrThrow("httpsEnforced").getBoolValue());
    assertTrue(partial.getReasons(0).contains("timed out after")
        && partial.getReasons(0).contains("the next pulumi up waits on"), partial.getReasons(0));

    // The next `pulumi up`: the same inputs differ from the partial state, and the update waits.
    DiffResponse diff = plugin.provider().diff(DiffRequest.newBuilder().setUrn(HTTPS_URN)
        .setId(partial.getId()).setOldInputs(inputs).setOlds(partial.getProperties())
        .setNews(inputs).build());
    assertEquals(DiffResponse.DiffChanges.DIFF_SOME, diff.getChanges());
    assertEquals(List.of("httpsEnforced"), diff.getDiffsList());
    api.advanceCertificatesOnRead(3);
    Struct done = plugin.provider().update(UpdateRequest.newBuilder().setUrn(HTTPS_URN)
        .setId(partial.getId()).setOlds(partial.getProperties()).setNews(inputs).build())
        .getProperties();
    assertEquals("approved", done.getFieldsOrThrow("certificateState").getStringValue());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, plugin.provider().diff(DiffRequest
        .newBuilder().setUrn(HTTPS_URN).setId("octo/mta-sts").setOldInputs(inputs).setOlds(done)
        .setNews(inputs).build()).getChanges());
  }

  @Test
  void theRecipesRepositoryIsRefusedWithTheImportCommandAndImportAdoptsItAsFound() {
    // The by-hand recipe: an empty repository, the files pushed, Pages from main with the custom
    // domain (GitHub commits the CNAME file), the certificate issued, Enforce HTTPS ticked.
    api.createEmptyRepository("octo", "mta-sts");
    api.push("octo", "mta-sts", "main", Map.of(".nojekyll", "",
        ".well-known/mta-sts.txt", HAND_MADE_BODY, "CNAME", "mta-sts.example.com"));
    FakePagesSite pages = api.enablePages("octo", "mta-sts", "main", "mta-sts.example.com");
    cnameRecord = true;
    while (!pages.certificateIssued()) {
      api.advanceCertificates();
    }
    api.enforceHttps("octo", "mta-sts");
    Map<String, String> byHand = files("mta-sts");

    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
        () -> create(SITE_URN, site("mta-sts")));
    assertEquals(Status.Code.UNKNOWN, refused.getStatus().getCode());
    String message = refused.getStatus().getDescription();
    assertTrue(message.contains("pulumi import mtasts:github:PagesSite site octo/mta-sts"),
        message);
    assertEquals(byHand, files("mta-sts"), "the refused create changed nothing");

    // pulumi import: the inputs come from what is live; the program's canonical body differs.
    ReadResponse imported = plugin.provider().read(ReadRequest.newBuilder().setUrn(SITE_URN)
        .setId("octo/mta-sts").build());
    Map<String, Value> adopted = imported.getInputs().getFieldsMap();
    assertEquals("octo", adopted.get("owner").getStringValue());
    assertEquals("example.com", adopted.get("domain").getStringValue());
    assertEquals(HAND_MADE_BODY, adopted.get("policy").getStringValue());
    assertFalse(imported.getProperties().getFieldsOrThrow("created").getBoolValue());
    Struct program = plugin.checked(SITE_URN, struct("owner", "octo", "repository", "mta-sts",
        "domain", "example.com", "policy", BODY));
    DiffResponse diff = plugin.provider().diff(DiffRequest.newBuilder().setUrn(SITE_URN)
        .setId("octo/mta-sts").setOldInputs(imported.getInputs())
        .setOlds(imported.getProperties()).setNews(program).build());
    assertEquals(List.of("policy"), diff.getDiffsList(), diff.toString());
    String before = api.head("octo", "mta-sts", "main").orElseThrow();
    Struct updated = plugin.provider().update(UpdateRequest.newBuilder().setUrn(SITE_URN)
        .setId("octo/mta-sts").setOlds(imported.getProperties()).setNews(program).build())
        .getProperties();
    String after = updated.getFieldsOrThrow("commit").getStringValue();
    assertEquals(List.of(before), api.parents("octo", "mta-sts", after), "one commit");
    assertEquals(BODY, files("mta-sts").get(".well-known/mta-sts.txt"));

    // The certificate wait imports as done: the program's inputs have nothing to change.
    ReadResponse importedHttps = plugin.provider().read(ReadRequest.newBuilder()
        .setUrn(HTTPS_URN).setId("octo/mta-sts").build());
    assertEquals(https(), importedHttps.getInputs());
    assertEquals(DiffResponse.DiffChanges.DIFF_NONE, plugin.provider().diff(DiffRequest
        .newBuilder().setUrn(HTTPS_URN).setId("octo/mta-sts")
        .setOldInputs(importedHttps.getInputs()).setOlds(importedHttps.getProperties())
        .setNews(https()).build()).getChanges());

    // Destroy leaves an adopted repository as it is, still serving the policy.
    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(SITE_URN).setId("octo/mta-sts")
        .setProperties(updated).build());
    assertTrue(api.hasRepository("octo", "mta-sts"));
    assertEquals("mta-sts.example.com", api.pages("octo", "mta-sts").orElseThrow().cname());
  }

  @Test
  void aSiteStoppedPartWayIsFinishedByTheNextUpdateAndDestroyDeletesTheRepositoryItCreated()
      throws InvalidProtocolBufferException {
    // A server error from GitHub while Pages is turned on, after the repository and the commit.
    api.failBefore("repos/create-pages-site", 500);
    Struct inputs = site("mta-sts");
    StatusRuntimeException error = assertThrows(StatusRuntimeException.class,
        () -> create(SITE_URN, inputs));
    ErrorResourceInitFailed partial = StatusProto.fromThrowable(error).getDetails(0)
        .unpack(ErrorResourceInitFailed.class);
    assertEquals("octo/mta-sts", partial.getId());
    assertTrue(partial.getProperties().getFieldsOrThrow("created").getBoolValue());
    assertFalse(partial.getProperties().containsFields("customDomain"), partial.toString());

    DiffResponse diff = plugin.provider().diff(DiffRequest.newBuilder().setUrn(SITE_URN)
        .setId(partial.getId()).setOldInputs(inputs).setOlds(partial.getProperties())
        .setNews(inputs).build());
    assertEquals(List.of("customDomain"), diff.getDiffsList());
    Struct finished = plugin.provider().update(UpdateRequest.newBuilder().setUrn(SITE_URN)
        .setId(partial.getId()).setOlds(partial.getProperties()).setNews(inputs).build())
        .getProperties();
    assertEquals("mta-sts.example.com", finished.getFieldsOrThrow("customDomain")
        .getStringValue());

    // A refresh reads it back as it was made.
    ReadResponse refreshed = plugin.provider().read(ReadRequest.newBuilder().setUrn(SITE_URN)
        .setId("octo/mta-sts").setInputs(inputs).setProperties(finished).build());
    assertEquals(inputs, refreshed.getInputs());
    assertEquals(finished, refreshed.getProperties());

    plugin.provider().delete(DeleteRequest.newBuilder().setUrn(SITE_URN).setId("octo/mta-sts")
        .setProperties(finished).build());
    assertFalse(api.hasRepository("octo", "mta-sts"));
    assertEquals("", plugin.provider().read(ReadRequest.newBuilder().setUrn(SITE_URN)
        .setId("octo/mta-sts").setInputs(inputs).setProperties(finished).build()).getId(),
        "a refresh after the repository is gone removes the resource");
  }

  @Test
  void theTokenShowsInNoMessageLogOrStateAsGivenTrimmedOrLowerCased() throws Exception {
    List<String> seen = new ArrayList<>();
    // A message that quotes a value equal to the token lower-cased (a login may be one).
    String lowerCased = TOKEN.toLowerCase(Locale.ROOT);
    StatusRuntimeException owned = assertThrows(StatusRuntimeException.class,
        () -> create(SITE_URN, plugin.checked(SITE_URN, struct("owner", lowerCased,
            "repository", "mta-sts", "domain", "example.com", "policy", BODY))));
    seen.add(owned.getStatus().getDescription());
    // GitHub answers 401 "Bad credentials" to a revoked token.
    try (RunningPlugin revoked = RunningPlugin.start(Map.of("GITHUB_TOKEN", " " + TOKEN + "x\n",
        "GITHUB_API_URL", api.url(), "GITHUB_OWNER", "octo"))) {
      revoked.configure();
      StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
          () -> revoked.provider().create(CreateRequest.newBuilder().setUrn(SITE_URN)
              .setProperties(site("mta-sts")).build()));
      assertTrue(refused.getStatus().getDescription().contains("Bad credentials"),
          refused.getStatus().getDescription());
      seen.add(refused.getStatus().getDescription());
      seen.add(revoked.engine().allLogText());
    }
    CreateResponse created = create(SITE_URN, site("mta-sts"));
    seen.add(created.toString());
    seen.add(plugin.engine().allLogText());
    CheckResponse config = plugin.provider().checkConfig(CheckRequest.newBuilder()
        .setNews(struct("githubToken", TOKEN)).build());
    assertTrue(Wire.isSecret(config.getInputs().getFieldsOrThrow("githubToken")),
        "a token set in clear in the stack is stored as a secret");
    for (String text : seen) {
      for (String form : List.of(TOKEN, TOKEN.toLowerCase(Locale.ROOT), TOKEN.strip())) {
        assertFalse(text.contains(form), "the token shows in: " + text);
      }
    }
    assertTrue(seen.get(0).contains("[secret]"), "the lower-cased token was masked: " + seen.get(0));
  }
}
