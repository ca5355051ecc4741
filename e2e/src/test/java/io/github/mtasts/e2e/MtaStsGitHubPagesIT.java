package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.GitHubPagesLab;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * MTA-STS on GitHub Pages with the records in Route 53, with the real Pulumi engine: the
 * repository's own {@code Pulumi.yaml} with {@code hosting: github-pages} for a new domain
 * (testing, enforce, refresh, destroy) and for a domain set up by hand with the recipe, adopted
 * with {@code pulumi import} and converged to the canonical policy; the same new domain from a
 * Pulumi YAML program ({@code yaml-github-pages-program/Pulumi.yaml} of the test resources),
 * whose {@code mtasts:index:MtaSts} the provider declares through Construct; and
 * {@code examples/github-pages}, compiled and run by the engine.
 *
 * <p>What stands in for GitHub and the Internet, and where it may differ:
 *
 * <ul>
 *   <li>{@link io.github.mtasts.testlab.FakeGitHubApi} serves the REST API as its description
 *       says (see its documentation for what it models and what it does not). It moves a
 *       certificate three states per read of the Pages site, so that it is issued in two polls;
 *       GitHub takes minutes to hours. Its DNS check reads the CNAME record from moto's Route 53,
 *       where GitHub asks the public DNS.
 *   <li>{@link io.github.mtasts.testlab.PagesEdge} serves the branch as GitHub Pages serves a
 *       site (custom domain from the CNAME file, Jekyll's dot-folders, the certificate once
 *       approved, on a high port instead of 443); GitHub builds a site after a push, and its CDN
 *       caches, neither of which is modelled: a new body is served at once.
 *   <li>moto stands for Route 53; {@link io.github.mtasts.testlab.Route53DnsFront} answers
 *       senders' queries from it, and resolves every {@code OWNER.github.io} to the edge, as the
 *       public DNS resolves GitHub Pages' names to its servers.
 *   <li>moto overwrites a record set on CREATE where Route 53 refuses it: the recording proxy
 *       answers as Route 53 does for the records made by hand.
 *   <li>The domain's MX host is a STARTTLS SMTP server on loopback, on a high port instead of 25.
 * </ul>
 */
@ExtendWith(MotoExtension.class)
class MtaStsGitHubPagesIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
  private static final Path REPOSITORY = Repository.root();
  private static final String DOMAIN = "pages-mail.test";
  private static final String NAME = "pages-mail-test";
  private static final String OWNER = GitHubPagesLab.OWNER;
  private static final String MX = "mx1." + DOMAIN;
  private static final String RUA = "mailto:tlsrpt@" + DOMAIN;
  /** A fine-grained token's shape, mixed case; it must show nowhere in any form. */
  private static final String TOKEN = "github_pat_11E2eTokenAbCdEf0GhIjKl";
  private static final String POLICY_PATH = PagesSiteChecks.POLICY_PATH;
  /** The recipe's {@code _mta-sts} record as Route 53 holds it, in master-file form. */
  private static final String BY_HAND_TXT = "\"v=STSv1; id=" + PagesRecipe.ID + "\"";

  private static Path pulumiBin;

  @TempDir Path work;

  private AwsFixture aws;
  private GitHubPagesLab lab;
  private Stack stack;
  private final List<Observation> observations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void installPulumi() {
    pulumiBin = Stack.install(REPOSITORY);
  }

  @BeforeEach
  void startLab(AwsFixture aws) throws Exception {
    this.aws = aws;
    lab = GitHubPagesLab.start(aws.moto.endpoint(), work, List.of(DOMAIN), TOKEN);
    lab.api().advanceCertificatesOnRead(3);
    lab.edge().onServe((host, body) -> observations.add(new Observation(body, stsTxt())));
  }

  @AfterEach
  void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  /** A stack of a project whose Pulumi.yaml is given, in a scratch folder. */
  private Stack stack(String projectFile) throws IOException {
    Stack created = Stack.create(pulumiBin, REPOSITORY, work, projectFile, COMMAND_TIMEOUT);
    created.ok("config", "set", "mtasts:awsEndpoint", aws.proxy.endpoint());
    created.ok("config", "set", "mtasts:awsRegion", "us-east-1");
    created.ok("config", "set", "mtasts:githubApiBaseUrl", lab.api().url());
    created.ok("config", "set", "--secret", "mtasts:githubToken", TOKEN);
    created.ok("config", "set", "mtasts:verifyResolver", lab.aws().resolver());
    created.ok("config", "set", "mtasts:verifyCaFile", lab.aws().caFile().toString());
    return created;
  }

  /** The root program, configured for the domain on Route 53 and GitHub Pages. */
  private Stack rootStack(String repository) throws IOException {
    Stack root = stack(Stack.rootProjectFile(REPOSITORY));
    root.configurePages(DOMAIN, MX, RUA, OWNER + "/" + repository, lab.httpsPort(),
        lab.aws().smtpPort());
    root.ok("config", "set", "route53ZoneId", lab.aws().zoneId(DOMAIN));
    return root;
  }

  @Test
  void aNewDomainOnRoute53AndGitHubPagesGoesFromTestingToEnforceAndIsDestroyed() throws Exception {
    // GitHub: a repository the program creates, its site, the certificate, enforced HTTPS.
    List<String> zoneBefore = lab.aws().zoneListing(DOMAIN);
    stack = rootStack("mta-sts");
    stack.ok("preview");
    assertEquals(List.of(), lab.api().calls(), "a preview calls no GitHub operation");

    stack.ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject outputs = stack.outputs();
    assertEquals("https://mta-sts." + DOMAIN + "/.well-known/mta-sts.txt",
        outputs.get("policyUrl").getAsString());
    assertEquals(testing.id().value(), outputs.get("policyId").getAsString());
    assertEquals(0, outputs.getAsJsonObject("verification").get("errors").getAsInt(),
        outputs.toString());
    assertServed(testing, "mta-sts");
    assertTrue(lab.api().description(OWNER, "mta-sts").orElseThrow().contains(DOMAIN));
    // RFC 8461 §3.1: the policy host served the body before any _mta-sts record existed.
    assertEquals(Optional.empty(), observations.get(0).stsTxt(), observations.toString());
    assertEquals(0, verifyCli(), "mtasts verify fetches the policy from the Pages edge");

    // testing -> enforce changes exactly the policy, the site's file, the verifications and the
    // _mta-sts record: one commit, and no new wait for the certificate.
    stack.ok("config", "set", "mode", "enforce");
    int callsBefore = lab.api().calls().size();
    JsonObject preview = JsonParser.parseString(stack.ok("preview", "--json").stdout())
        .getAsJsonObject();
    assertEquals(enforceSteps(), Stack.changedSteps(preview), preview.toString());
    assertEquals(List.of("policy"), Stack.diffReasons(preview, "mtasts:github:PagesSite"));
    assertEquals(callsBefore, lab.api().calls().size(), "a preview calls no GitHub operation");
    String testingCommit = head("mta-sts");
    int servedBefore = observations.size();
    stack.ok("up", "--yes");
    Policy enforce = policy(Mode.ENFORCE);
    assertServed(enforce, "mta-sts");
    assertEquals(List.of(testingCommit), lab.api().parents(OWNER, "mta-sts", head("mta-sts")),
        "the new body is one commit");
    // RFC 8461 §3.1: the new body was live while the record still announced the old id.
    Observation firstEnforce = observations.subList(servedBefore, observations.size()).stream()
        .filter(o -> o.body().equals(enforce.render())).findFirst().orElseThrow();
    assertEquals(Optional.of(txt(testing)), firstEnforce.stsTxt(), observations.toString());

    // A refresh reads every resource back as it was made: nothing to change.
    stack.ok("refresh", "--yes");
    stack.ok("preview", "--expect-no-changes");

    stack.ok("destroy", "--yes");
    assertFalse(lab.api().hasRepository(OWNER, "mta-sts"),
        "the repository the site created is deleted with it");
    assertEquals(zoneBefore, lab.aws().zoneListing(DOMAIN), "the zone holds what it held before");
    assertTrue(stack.resources().isEmpty(), "destroy leaves nothing in the state");
    stack.assertSecretNowhere(TOKEN, work);
    stack.ok("stack", "rm", "--yes");
  }

  @Test
  void aDomainSetUpByHandWithTheRecipeIsImportedAndConvergedWithoutAnIdWhosePolicyIsNotServed()
      throws Exception {
    // The recipe's zone half in Route 53: the CNAME record, then the TXT records, the id a date.
    String zone = lab.aws().zoneId(DOMAIN);
    PagesRecipe.byHand(lab, DOMAIN, MX, () -> lab.aws().change(zone, ChangeAction.CREATE,
        "mta-sts." + DOMAIN, RRType.CNAME, OWNER + ".github.io."));
    lab.aws().change(zone, ChangeAction.CREATE, "_mta-sts." + DOMAIN, RRType.TXT, BY_HAND_TXT);
    lab.aws().change(zone, ChangeAction.CREATE, "_smtp._tls." + DOMAIN, RRType.TXT,
        "\"v=TLSRPTv1; rua=" + RUA + "\"");
    Map<String, String> filesByHand = files("mta-sts");
    List<String> zoneByHand = lab.aws().zoneListing(DOMAIN);
    stack = rootStack("mta-sts");
    // Route 53 refuses a CREATE of a record set that exists (moto would overwrite it).
    for (String[] record : new String[][] {{"_smtp._tls", "TXT"}, {"mta-sts", "CNAME"},
        {"_mta-sts", "TXT"}}) {
      String name = record[0] + "." + DOMAIN + ".";
      aws.proxy.failFirst(r -> r.getBody() != null
          && r.getBody().utf8().contains("<Action>CREATE</Action>")
          && r.getBody().utf8().contains("<Name>" + name + "</Name>"), 1,
          FaultProxy.route53AlreadyExists(name, record[1]));
    }

    // The first up refuses to take over what was made by hand, naming the import commands, and
    // changes nothing of it.
    CommandResult refused = stack.fails("up", "--yes");
    assertTrue(refused.output().contains("pulumi import mtasts:github:PagesSite " + NAME
        + "-site " + OWNER + "/mta-sts"), refused.output());
    assertTrue(refused.output().contains("pulumi import mtasts:aws:Record " + NAME + "-tlsrpt "
        + zone + "/_smtp._tls." + DOMAIN + "/TXT"), refused.output());
    assertEquals(filesByHand, files("mta-sts"));
    assertEquals(zoneByHand, lab.aws().zoneListing(DOMAIN));

    // pulumi preview --import-file lists what is to be created with its parent; the ids are
    // those the errors name (and, for the other records, the same ZONE/NAME/TYPE form).
    stack.adopt(work.resolve("import.json"), PagesRecipe.importIds(NAME, zone, DOMAIN));
    assertEquals(filesByHand, files("mta-sts"), "an import changes nothing");

    // The next up converges to the canonical body; a sender fetching all the while sees no id
    // whose policy is not served.
    Policy canonical = policy(Mode.TESTING);
    observations.clear();
    Sender.whileFetching(lab, lab.aws().pki(), DOMAIN, () -> stack.ok("up", "--yes"));
    assertServed(canonical, "mta-sts");
    Sender.assertNoIdWhosePolicyIsNotServed(observations, filesByHand.get(POLICY_PATH),
        BY_HAND_TXT, canonical.render(), txt(canonical));
    JsonObject outputs = stack.outputs();
    assertEquals(0, outputs.getAsJsonObject("verification").get("errors").getAsInt(),
        outputs.toString());
    assertEquals(0, verifyCli());
    stack.ok("preview", "--expect-no-changes");

    // Destroy removes the records, which the stack now manages, and leaves the adopted
    // repository as it is: its files and Pages still serve the policy.
    stack.ok("destroy", "--yes");
    PagesSiteChecks.assertLeftServing(lab, "mta-sts", DOMAIN, canonical);
    assertEquals(List.of(), lab.aws().values(DOMAIN, "_mta-sts." + DOMAIN, "TXT"));
    stack.assertSecretNowhere(TOKEN, work);
  }

  @Test
  void theGitHubPagesExampleRunsWithTheEngine() throws Exception {
    // examples/github-pages, compiled against the SDK in the program jar, as its own project.
    Path jar = ExamplePrograms.jar(REPOSITORY, "github-pages", "example.PolicyOnGitHubPages", work);
    stack = stack(String.join("\n",
        "name: mta-sts-github-pages",
        "runtime:",
        "  name: java",
        "  options:",
        "    binary: " + jar,
        "plugins:",
        "  providers:",
        "    - name: mtasts",
        "      path: " + REPOSITORY.resolve("bin"),
        ""));
    stack.ok("config", "set", "domain", DOMAIN);
    stack.ok("config", "set", "zoneId", lab.aws().zoneId(DOMAIN));
    stack.ok("config", "set", "owner", OWNER);
    stack.ok("config", "set", "mx", MX);
    stack.ok("config", "set", "rua", RUA);
    stack.ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    stack.ok("config", "set", "verifySmtpPort", String.valueOf(lab.aws().smtpPort()));

    stack.ok("up", "--yes");
    JsonObject outputs = stack.outputs();
    assertEquals("\"" + outputs.get("stsRecord").getAsString() + "\"",
        stsTxt().orElseThrow());
    assertEquals(0, outputs.getAsJsonObject("verification").get("errors").getAsInt(),
        outputs.toString());
    assertServed(policy(Mode.TESTING), "mta-sts");
    stack.ok("destroy", "--yes");
    assertFalse(lab.api().hasRepository(OWNER, "mta-sts"));
  }

  @Test
  void theSameDomainInPulumiYamlIsDeclaredByTheProviderThroughConstruct() throws Exception {
    stack = stack(Stack.resourceProjectFile(REPOSITORY, "/yaml-github-pages-program/Pulumi.yaml"));
    stack.ok("config", "set", "domain", DOMAIN);
    stack.ok("config", "set", "mode", "testing");
    stack.ok("config", "set", "mx", MX);
    stack.ok("config", "set", "rua", RUA);
    stack.ok("config", "set", "route53ZoneId", lab.aws().zoneId(DOMAIN));
    stack.ok("config", "set", "githubOwner", OWNER);
    stack.ok("config", "set", "githubRepository", "mta-sts");
    stack.ok("config", "set", "verifyTimeout", "60");
    stack.ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    stack.ok("config", "set", "verifySmtpPort", String.valueOf(lab.aws().smtpPort()));
    stack.ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject outputs = stack.outputs();
    assertEquals(testing.id().value(), outputs.get("policyId").getAsString());
    assertEquals(0, outputs.getAsJsonObject("verification").get("errors").getAsInt(), outputs.toString());
    assertServed(testing, "mta-sts");
    // RFC 8461 §3.1: the policy host served the body before any _mta-sts record existed.
    assertEquals(Optional.empty(), observations.get(0).stsTxt(), observations.toString());
    JsonArray resources = stack.resources();
    assertTrue(Stack.resource(resources, "mtasts:index:MtaSts::" + NAME).isPresent(), resources.toString());
    // RFC 8461 §3.1 in the stored state: the _mta-sts record waits for the policy-host
    // verification, which waits for the site.
    assertTrue(Stack.dependsOn(resources, "mtasts:aws:Record::" + NAME + "-sts",
        "mtasts:index:Verification::" + NAME + "-verify-policy-host"), resources.toString());
    assertTrue(Stack.dependsOn(resources, "mtasts:index:Verification::" + NAME + "-verify-policy-host",
        "mtasts:github:PagesSite::" + NAME + "-site"), resources.toString());

    // The same steps as the Java program's: the engine plans the constructed component as "same"
    // and shows the changes of its children.
    stack.ok("config", "set", "mode", "enforce");
    JsonObject preview = JsonParser.parseString(stack.ok("preview", "--json").stdout()).getAsJsonObject();
    assertEquals(enforceSteps(), Stack.changedSteps(preview), preview.toString());
    stack.ok("up", "--yes");
    assertServed(policy(Mode.ENFORCE), "mta-sts");
    stack.ok("preview", "--expect-no-changes");

    stack.ok("destroy", "--yes");
    assertFalse(lab.api().hasRepository(OWNER, "mta-sts"), "the repository the site created is deleted with it");
    assertTrue(stack.resources().isEmpty(), "destroy leaves nothing in the state");
    stack.assertSecretNowhere(TOKEN, work);
  }

  /** What testing -> enforce changes: the policy, the site's file, the checks, the id. */
  private static Set<String> enforceSteps() {
    return Stack.enforceSteps(NAME, "mtasts:github:PagesSite::" + NAME + "-site",
        "mtasts:aws:Record::" + NAME + "-sts");
  }

  /** The site's repository, Pages and records as they must be after an up. */
  private void assertServed(Policy policy, String repository) {
    PagesSiteChecks.assertServes(lab, repository, DOMAIN, policy);
    assertEquals(List.of(OWNER + ".github.io"), lab.aws().values(DOMAIN, "mta-sts." + DOMAIN,
        "CNAME").stream().map(v -> v.replaceAll("\\.$", "").toLowerCase(Locale.ROOT)).toList());
    assertEquals(Optional.of(txt(policy)), stsTxt());
    assertEquals(List.of("\"v=TLSRPTv1; rua=" + RUA + "\""),
        lab.aws().values(DOMAIN, "_smtp._tls." + DOMAIN, "TXT"));
  }

  /** {@code mtasts verify} of the domain, as a sender sees it, against the laboratory. */
  private int verifyCli() {
    return Sender.verify(lab.aws().resolver(), lab.aws().caFile(), lab.httpsPort(),
        lab.aws().smtpPort(), DOMAIN);
  }

  private Map<String, String> files(String repository) {
    return PagesSiteChecks.files(lab, repository);
  }

  private String head(String repository) {
    return lab.api().head(OWNER, repository, "main").orElseThrow();
  }

  private Optional<String> stsTxt() {
    return lab.aws().values(DOMAIN, "_mta-sts." + DOMAIN, "TXT").stream().findFirst();
  }

  private static String txt(Policy policy) {
    return "\"v=STSv1; id=" + policy.id().value() + "\"";
  }

  private static Policy policy(Mode mode) {
    return Policy.builder().mode(mode).mx(MX).maxAge(604800).build();
  }
}
