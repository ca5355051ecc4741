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
import io.github.mtasts.testlab.Repository;
import java.nio.file.Path;
import java.util.List;
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
 * cloudflare} and {@code hosting: github-pages}, through testing, enforce, refresh and destroy.
 * The {@code mta-sts} CNAME to {@code OWNER.github.io} goes into the Cloudflare zone, unproxied.
 *
 * <p>What stands in for Cloudflare, GitHub and the Internet, and where it may differ:
 *
 * <ul>
 *   <li>The fake Cloudflare API ({@link FakeCloudflareApi}) serves the zones and DNS records
 *       operations as Cloudflare's API description says, a change visible at once, as in
 *       {@link MtaStsCloudflareIT}. Its token is denied Workers Scripts, as a token made for
 *       Pages hosting from the Cloudflare quick start's table is.
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
  private static final String REPOSITORY = "mta-sts";
  private static final String MX = "mx1." + DOMAIN;
  private static final String RUA = "mailto:tlsrpt@" + DOMAIN;
  private static final long MAX_AGE = 604800;
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
    stack = CloudflareStack.init(pulumiBin, work, Stack.rootProjectFile(Repository.root()),
        lab.cloudflare());
    stack.ok("config", "set", "mtasts:githubApiBaseUrl", lab.api().url());
    stack.ok("config", "set", "--secret", "mtasts:githubToken", GITHUB_TOKEN);
    stack.ok("config", "set", "domain", DOMAIN);
    stack.ok("config", "set", "mode", "testing");
    stack.ok("config", "set", "mx", MX);
    stack.ok("config", "set", "maxAge", String.valueOf(MAX_AGE));
    stack.ok("config", "set", "rua", RUA);
    stack.ok("config", "set", "dns", "cloudflare");
    stack.ok("config", "set", "cloudflareZone", DOMAIN);
    stack.ok("config", "set", "hosting", "github-pages");
    stack.ok("config", "set", "githubRepository", OWNER + "/" + REPOSITORY);
    stack.ok("config", "set", "verifyTimeout", "60");
    stack.ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    stack.ok("config", "set", "verifySmtpPort", String.valueOf(lab.cloudflare().smtpPort()));

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

  /** The site's repository and Pages, and the three records in the Cloudflare zone, after an up. */
  private void assertServed(Policy policy) {
    PagesSiteChecks.assertServes(lab, REPOSITORY, DOMAIN, policy);
    List<FakeCloudflareApi.DnsRecord> written = lab.cloudflare().written(DOMAIN);
    assertEquals(3, written.size(), written.toString());
    assertEquals(List.of(OWNER + ".github.io"), written.stream()
        .filter(r -> r.name().equals("mta-sts." + DOMAIN) && r.type().equals("CNAME"))
        .map(r -> r.content().replaceAll("\\.$", "")).toList(), written.toString());
    assertEquals(Optional.of("\"v=STSv1; id=" + policy.id().value() + "\""), stsTxt());
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

  private static Policy policy(Mode mode) {
    return Policy.builder().mode(mode).mx(MX).maxAge(MAX_AGE).build();
  }
}
