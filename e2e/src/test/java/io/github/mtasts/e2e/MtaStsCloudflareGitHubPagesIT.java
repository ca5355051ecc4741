package io.github.mtasts.e2e;

import static io.github.mtasts.e2e.Stack.changedSteps;
import static io.github.mtasts.e2e.Stack.diffReasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.GitHubPagesLab;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new mail domain whose zone is on Cloudflare and whose policy is served by GitHub Pages, with
 * the real Pulumi engine: the repository's own {@code Pulumi.yaml} with stack config {@code dns:
 * cloudflare} and {@code hosting: github-pages}, through testing, enforce, refresh and destroy;
 * and a domain set up by hand with the recipe ({@link PagesRecipe}), its records made in the
 * Cloudflare zone as in the dashboard, adopted with {@code pulumi import} and converged to the
 * canonical policy. The {@code mta-sts} CNAME to {@code OWNER.github.io} goes into the Cloudflare
 * zone, unproxied.
 *
 * <p>What stands in for Cloudflare, GitHub and the Internet, and where it may differ:
 *
 * <ul>
 *   <li>The fake Cloudflare API ({@link FakeCloudflareApi}) serves the zones and DNS records
 *       operations as Cloudflare's API description says, a change visible at once, as in
 *       {@link MtaStsCloudflareIT}. Its token is denied Workers Scripts, as a token made for
 *       Pages hosting from the Cloudflare quick start's table is. The records made by hand are
 *       put straight into the fake's zone ({@link FakeCloudflareApi#addRecord}: TTL automatic,
 *       not proxied, no comment or tags, the content as typed), as the dashboard's Add record
 *       leaves them. Cloudflare shows a warning for TXT content without quotes and keeps and
 *       serves it as typed (DNSControl's discussion 3810 on these warnings); the warning is not
 *       modelled.
 *   <li>Senders would ask Cloudflare's DNS: {@link io.github.mtasts.testlab.CloudflareDnsFront}
 *       answers every query from the fake's records at the moment it is asked, and resolves every
 *       {@code OWNER.github.io} to the Pages edge, as the public DNS resolves GitHub Pages' names
 *       to its servers. A proxied record would resolve to Cloudflare's edge, where nothing serves
 *       here.
 *   <li>{@link io.github.mtasts.testlab.FakeGitHubApi} serves GitHub's REST API as its
 *       description says, as in {@link MtaStsGitHubPagesIT}: the certificate moves three states
 *       per read of the Pages site (GitHub takes minutes to hours). Its DNS check reads the
 *       unproxied CNAME record from the fake Cloudflare zone, where GitHub asks the public DNS.
 *   <li>{@link io.github.mtasts.testlab.PagesEdge} serves the branch as GitHub Pages serves a
 *       site (custom domain from the CNAME file, the certificate once approved, on a high port
 *       instead of 443); GitHub's build after a push and its CDN's cache are not modelled.
 *   <li>The domain's existing MX host is a STARTTLS SMTP server on loopback, on a high port
 *       instead of 25.
 * </ul>
 */
class MtaStsCloudflareGitHubPagesIT {
  private static final String DOMAIN = "pages-cf.test";
  private static final String NAME = "pages-cf-test";
  private static final String OWNER = GitHubPagesLab.OWNER;
  private static final String REPOSITORY = PagesRecipe.REPOSITORY;
  private static final String MX = "mx1." + DOMAIN;
  private static final String RUA = "mailto:tlsrpt@" + DOMAIN;
  private static final long MAX_AGE = 604800;
  /** The recipe's {@code _mta-sts} record as typed in the dashboard, without quotes. */
  private static final String BY_HAND_TXT = "v=STSv1; id=" + PagesRecipe.ID;
  /** A fine-grained token's shape, mixed case; it must show nowhere in any form. */
  private static final String GITHUB_TOKEN = "github_pat_11CfPagesTokenMnOpQr0StUvWx";

  private static Path pulumiBin;

  @TempDir Path work;

  private GitHubPagesLab lab;
  private CloudflareStack stack;
  private final List<Observation> observations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void installPulumi() {
    pulumiBin = Stack.install(Repository.root());
  }

  @BeforeEach
  void startLab() throws Exception {
    lab = GitHubPagesLab.onCloudflare(work, List.of(DOMAIN), GITHUB_TOKEN);
    // The Cloudflare token has the zone's permissions only: no Worker is needed for Pages.
    lab.cloudflare().api().deny(FakeCloudflareApi.Permission.WORKERS_SCRIPTS_EDIT);
    lab.api().advanceCertificatesOnRead(3);
    lab.edge().onServe((host, body) -> observations.add(new Observation(body, stsTxt())));
  }

  @AfterEach
  void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void aNewDomainOnCloudflareDnsAndGitHubPagesGoesFromTestingToEnforceAndIsDestroyed()
      throws Exception {
    stack = rootStack();
    stack.previewChangingNothing(lab.cloudflare());
    assertEquals(List.of(), lab.api().calls(), "a preview calls no GitHub operation");
    assertEquals(List.of(), lab.cloudflare().written(DOMAIN), "a preview writes no record");

    stack.ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject first = stack.outputs();
    assertEquals("https://mta-sts." + DOMAIN + "/.well-known/mta-sts.txt",
        first.get("policyUrl").getAsString());
    assertEquals(testing.id().value(), first.get("policyId").getAsString());
    assertEquals(0, first.getAsJsonObject("verification").get("errors").getAsInt(),
        first.toString());
    assertServed(testing);
    assertTrue(lab.api().description(OWNER, REPOSITORY).orElseThrow().contains(DOMAIN));
    // RFC 8461 §3.1: the Pages site served the body before any _mta-sts record existed.
    assertFalse(observations.isEmpty(), "the verifications fetched the policy from the edge");
    assertEquals(Optional.empty(), observations.get(0).stsTxt(), observations.toString());

    // testing -> enforce changes exactly the policy, the site's file, the verifications and the
    // _mta-sts record: one commit, nothing written by the preview.
    stack.ok("config", "set", "mode", "enforce");
    int callsBefore = lab.api().calls().size();
    JsonObject preview = stack.previewChangingNothing(lab.cloudflare());
    assertEquals(callsBefore, lab.api().calls().size(), "a preview calls no GitHub operation");
    assertEquals(Stack.enforceSteps(NAME, "mtasts:github:PagesSite::" + NAME + "-site",
        "mtasts:cloudflare:Record::" + NAME + "-sts"), changedSteps(preview), preview.toString());
    assertEquals(List.of("policy"), diffReasons(preview, "mtasts:github:PagesSite"));
    assertEquals(List.of("values"), diffReasons(preview, "mtasts:cloudflare:Record"));
    String testingCommit = head();
    int servedBefore = observations.size();
    stack.ok("up", "--yes");
    Policy enforce = policy(Mode.ENFORCE);
    assertEquals(enforce.id().value(), stack.outputs().get("policyId").getAsString());
    assertServed(enforce);
    assertEquals(List.of(testingCommit), lab.api().parents(OWNER, REPOSITORY, head()),
        "the new body is one commit");
    // RFC 8461 §3.1: the new body was live while the record still announced the old id.
    CloudflareStack.assertServedBeforeTheIdChanged(observations, servedBefore, enforce, testing);

    // What Cloudflare and GitHub hold is what the stack recorded.
    stack.ok("refresh", "--yes", "--expect-no-changes");
    stack.ok("preview", "--expect-no-changes");

    stack.ok("destroy", "--yes");
    assertFalse(lab.api().hasRepository(OWNER, REPOSITORY),
        "the repository the site created is deleted with it");
    assertEquals(List.of(), lab.cloudflare().written(DOMAIN), "no record is left in the zone");
    assertEquals(0, stack.resources().size(), "destroy leaves nothing in the state");
    stack.assertTokenNowhere();
    stack.assertSecretNowhere(GITHUB_TOKEN);
    stack.ok("stack", "rm", "--yes");
  }

  @Test
  void aDomainSetUpByHandWithTheRecipeIsImportedAndConvergedWithoutAnIdWhosePolicyIsNotServed()
      throws Exception {
    // The recipe's zone half as a person makes it in the Cloudflare dashboard (Add record, TTL
    // Auto, no comment): the CNAME mta-sts to OWNER.github.io set to "DNS only" (a proxied one
    // would hide it from GitHub's check and senders), the TXT contents typed without quotes,
    // which Cloudflare keeps as typed.
    FakeCloudflareApi cloudflare = lab.cloudflare().api();
    String zone = lab.cloudflare().zoneId(DOMAIN);
    PagesRecipe.byHand(lab, DOMAIN, MX,
        () -> cloudflare.addRecord(zone, "mta-sts." + DOMAIN, "CNAME", OWNER + ".github.io"));
    cloudflare.addRecord(zone, "_mta-sts." + DOMAIN, "TXT", BY_HAND_TXT);
    cloudflare.addRecord(zone, "_smtp._tls." + DOMAIN, "TXT", "v=TLSRPTv1; rua=" + RUA);
    Map<String, String> filesByHand = PagesSiteChecks.files(lab, REPOSITORY);
    List<FakeCloudflareApi.DnsRecord> zoneByHand = lab.cloudflare().written(DOMAIN);
    stack = rootStack();

    // The first up refuses to take over what was made by hand, naming the import commands, and
    // changes nothing of it.
    CommandResult refused = stack.fails("up", "--yes");
    assertTrue(refused.output().contains("pulumi import mtasts:github:PagesSite " + NAME
        + "-site " + OWNER + "/" + REPOSITORY), refused.output());
    assertTrue(refused.output().contains("pulumi import mtasts:cloudflare:Record " + NAME
        + "-tlsrpt " + zone + "/_smtp._tls." + DOMAIN + "/TXT"), refused.output());
    assertEquals(filesByHand, PagesSiteChecks.files(lab, REPOSITORY));
    assertEquals(zoneByHand, lab.cloudflare().written(DOMAIN));

    // pulumi preview --import-file lists what is to be created with its parent; the ids are
    // those the errors name (and, for the other records, the same ZONE/NAME/TYPE form).
    stack.adopt(work.resolve("import.json"), PagesRecipe.importIds(NAME, zone, DOMAIN));
    assertEquals(filesByHand, PagesSiteChecks.files(lab, REPOSITORY), "an import changes nothing");
    assertEquals(zoneByHand, lab.cloudflare().written(DOMAIN), "an import changes nothing");

    // The next up converges to the canonical body; a sender fetching all the while sees no id
    // whose policy is not served.
    Policy canonical = policy(Mode.TESTING);
    observations.clear();
    Sender.whileFetching(lab, lab.cloudflare().pki(), DOMAIN, () -> stack.ok("up", "--yes"));
    assertServed(canonical);
    Sender.assertNoIdWhosePolicyIsNotServed(observations,
        filesByHand.get(PagesSiteChecks.POLICY_PATH), BY_HAND_TXT, canonical.render(),
        txt(canonical));
    JsonObject outputs = stack.outputs();
    assertEquals(0, outputs.getAsJsonObject("verification").get("errors").getAsInt(),
        outputs.toString());
    assertEquals(0, Sender.verify(lab.cloudflare().resolver(), lab.cloudflare().caFile(),
        lab.httpsPort(), lab.cloudflare().smtpPort(), DOMAIN));
    stack.ok("preview", "--expect-no-changes");

    // Destroy removes the records, which the stack now manages, and leaves the adopted
    // repository as it is: its files and Pages still serve the policy.
    stack.ok("destroy", "--yes");
    PagesSiteChecks.assertLeftServing(lab, REPOSITORY, DOMAIN, canonical);
    assertEquals(List.of(), lab.cloudflare().written(DOMAIN), "no record is left in the zone");
    stack.assertTokenNowhere();
    stack.assertSecretNowhere(GITHUB_TOKEN);
  }

  /** The root program, configured for the domain on Cloudflare DNS and GitHub Pages. */
  private CloudflareStack rootStack() throws IOException {
    CloudflareStack root = CloudflareStack.init(pulumiBin, work,
        Stack.rootProjectFile(Repository.root()), lab.cloudflare());
    root.ok("config", "set", "mtasts:githubApiBaseUrl", lab.api().url());
    root.ok("config", "set", "--secret", "mtasts:githubToken", GITHUB_TOKEN);
    root.configurePages(DOMAIN, MX, RUA, OWNER + "/" + REPOSITORY, lab.httpsPort(),
        lab.cloudflare().smtpPort());
    root.ok("config", "set", "dns", "cloudflare");
    root.ok("config", "set", "cloudflareZone", DOMAIN);
    return root;
  }

  /** The site's repository and Pages, and the three records in the Cloudflare zone, after an up. */
  private void assertServed(Policy policy) {
    PagesSiteChecks.assertServes(lab, REPOSITORY, DOMAIN, policy);
    List<FakeCloudflareApi.DnsRecord> written = lab.cloudflare().written(DOMAIN);
    assertEquals(3, written.size(), written.toString());
    assertEquals(List.of(OWNER + ".github.io"), written.stream()
        .filter(r -> r.name().equals("mta-sts." + DOMAIN) && r.type().equals("CNAME"))
        .map(r -> r.content().replaceAll("\\.$", "")).toList(), written.toString());
    assertEquals(Optional.of(txt(policy)), stsTxt());
    assertEquals(Optional.of("\"v=TLSRPTv1; rua=" + RUA + "\""),
        CloudflareStack.txt(lab.cloudflare(), DOMAIN, "_smtp._tls." + DOMAIN));
    assertTrue(written.stream().allMatch(r -> "managed by mtasts".equals(r.comment())
        && !r.proxied()), "marked, nothing proxied: " + written);
  }

  private String head() {
    return lab.api().head(OWNER, REPOSITORY, "main").orElseThrow();
  }

  private Optional<String> stsTxt() {
    return CloudflareStack.txt(lab.cloudflare(), DOMAIN, "_mta-sts." + DOMAIN);
  }

  /** The {@code _mta-sts} record's content as the provider writes it, quoted. */
  private static String txt(Policy policy) {
    return "\"v=STSv1; id=" + policy.id().value() + "\"";
  }

  private static Policy policy(Mode mode) {
    return Policy.builder().mode(mode).mx(MX).maxAge(MAX_AGE).build();
  }
}
