package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.FakeGitHubApi;
import io.github.mtasts.testlab.FakePagesSite;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy site as operations against the fake GitHub API: the recipe's steps in order, what a
 * create may adopt and what it refuses, a failure part way and the update that finishes it, and
 * a delete that removes only what it created.
 */
class PolicySitesTest {

  private static final String BODY = "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\n"
      + "max_age: 604800\r\n";
  private static final RepositoryName NAME = GitHubLab.repository("mta-sts");
  private static final PolicySiteSpec SPEC = new PolicySiteSpec(NAME, "example.com", BODY);

  private GitHubLab lab;
  private PolicySites sites;

  @BeforeEach
  void start() throws Exception {
    lab = GitHubLab.start();
    sites = new PolicySites(lab.github);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private Map<String, String> files() {
    Map<String, String> files = new TreeMap<>();
    lab.api.files(GitHubLab.USER, "mta-sts", "main")
        .forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return files;
  }

  private List<String> operations() {
    return lab.api.calls().stream().map(FakeGitHubApi.Call::operationId).toList();
  }

  @Test
  void createMakesAPublicRepositoryThenCommitsTheFilesOnceThenTurnsOnPagesAndSetsTheDomain() {
    PolicySiteState state = sites.create(SPEC, lab.waits());

    assertTrue(state.created());
    assertTrue(state.serves(SPEC), state.toString());
    assertEquals(Map.of("README.md", "# mta-sts\n", ".nojekyll", "", ".well-known/mta-sts.txt",
        BODY, "CNAME", "mta-sts.example.com"), files());
    String head = lab.api.head(GitHubLab.USER, "mta-sts", "main").orElseThrow();
    assertEquals(Optional.of(head), state.head());
    // One commit on top of the initial one holds all three files.
    String initial = lab.api.parents(GitHubLab.USER, "mta-sts", head).get(0);
    assertEquals(List.of(), lab.api.parents(GitHubLab.USER, "mta-sts", initial));
    FakePagesSite pages = lab.api.pages(GitHubLab.USER, "mta-sts").orElseThrow();
    assertEquals("main", pages.branch());
    assertEquals("/", pages.path());
    assertEquals("mta-sts.example.com", pages.cname());
    assertEquals(Optional.of("MTA-STS policy of example.com, published by mtasts"),
        lab.api.description(GitHubLab.USER, "mta-sts"));
    // The files are committed before Pages publishes the branch, and the domain set last.
    List<String> order = operations();
    assertTrue(order.indexOf("git/update-ref") < order.indexOf("repos/create-pages-site")
        && order.indexOf("repos/create-pages-site")
            < order.indexOf("repos/update-information-about-pages-site"), order.toString());
  }

  @Test
  void aRepositoryHoldingTheRecipesFilesIsRefusedAndLeftAsItWas() {
    // The by-hand recipe: a repository with .nojekyll, the policy, and the CNAME file GitHub
    // commits when the custom domain is set in the settings.
    lab.api.createEmptyRepository(GitHubLab.USER, "mta-sts");
    lab.api.push(GitHubLab.USER, "mta-sts", "main", Map.of(".nojekyll", "",
        ".well-known/mta-sts.txt", "version: STSv1\nmode: testing\nmx: mx1.example.com\n"
            + "max_age: 604800\n", "CNAME", "mta-sts.example.com"));
    lab.api.enablePages(GitHubLab.USER, "mta-sts", "main", "mta-sts.example.com");
    Map<String, String> before = files();
    int calls = lab.api.calls().size();

    RepositoryExistsException e = assertThrows(RepositoryExistsException.class,
        () -> sites.create(SPEC, lab.waits()));

    assertTrue(e.getMessage().contains("holds 3 files (.nojekyll, .well-known/mta-sts.txt,"
        + " CNAME), and its GitHub Pages site has the custom domain mta-sts.example.com"),
        e.getMessage());
    assertEquals(before, files());
    assertTrue(lab.api.calls().subList(calls, lab.api.calls().size()).stream()
        .allMatch(call -> call.method().equals("GET")), "only reads: " + operations());
  }

  @Test
  void anEmptyRepositoryIsAdoptedItsFirstCommitWrittenThroughTheContentsApiAndKeptOnDelete() {
    lab.api.createEmptyRepository(GitHubLab.USER, "mta-sts");

    PolicySiteState state = sites.create(SPEC, lab.waits());

    assertFalse(state.created());
    assertTrue(state.serves(SPEC), state.toString());
    assertTrue(operations().contains("repos/create-or-update-file-contents"), operations().toString());
    assertEquals(Map.of(".nojekyll", "", ".well-known/mta-sts.txt", BODY, "CNAME",
        "mta-sts.example.com"), files());
    sites.delete(state, lab.waits());
    assertTrue(lab.api.hasRepository(GitHubLab.USER, "mta-sts"));
    assertTrue(lab.progress.stream().anyMatch(p -> p.contains("adopted, not created: left as it"
        + " is")), lab.progress.toString());
  }

  @Test
  void aRepositoryHoldingOnlyTheReadmeTheWebInterfaceAddsIsAdopted() {
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
    assertFalse(sites.create(SPEC, lab.waits()).created());
    assertEquals(BODY, files().get(".well-known/mta-sts.txt"));
  }

  @Test
  void aRepositoryMadeForAnotherDomainIsRefusedBecauseOneSiteHasOneCustomDomain() {
    sites.create(new PolicySiteSpec(NAME, "example.org", BODY), lab.waits());
    RepositoryExistsException e = assertThrows(RepositoryExistsException.class,
        () -> sites.create(SPEC, lab.waits()));
    assertTrue(e.getMessage().contains("serves the MTA-STS policy of example.org")
        && e.getMessage().contains("give example.com a repository of its own"), e.getMessage());
    assertEquals("mta-sts.example.org", lab.api.pages(GitHubLab.USER, "mta-sts").orElseThrow()
        .cname());
  }

  @Test
  void aRepositoryMadeEarlierForTheSameDomainIsTakenAgainAsCreated() {
    // A create whose state was lost: the description tells the repository is the site's.
    sites.create(SPEC, lab.waits());
    PolicySiteState again = sites.create(SPEC, lab.waits());
    assertTrue(again.created());
    assertTrue(again.serves(SPEC));
  }

  @Test
  void aStepThatFailsAfterTheRepositoryKeepsWhatExistsAndUpdateFinishesTheSite() {
    lab.api.failBefore("repos/create-pages-site", 500);

    PolicySiteIncompleteException e = assertThrows(PolicySiteIncompleteException.class,
        () -> sites.create(SPEC, lab.waits()));

    PolicySiteState partial = e.partialState();
    assertTrue(partial.created());
    assertEquals(SPEC.files(), partial.files());
    assertFalse(partial.publishing());
    assertTrue(e.getMessage().contains("run the operation again to finish it"), e.getMessage());
    String head = lab.api.head(GitHubLab.USER, "mta-sts", "main").orElseThrow();

    PolicySiteState finished = sites.update(partial, SPEC, lab.waits());
    assertTrue(finished.serves(SPEC), finished.toString());
    assertTrue(finished.created());
    assertEquals(head, lab.api.head(GitHubLab.USER, "mta-sts", "main").orElseThrow(),
        "the files were committed once");
  }

  @Test
  void aCustomDomainAnotherRepositoryHasStopsTheCreateWithWhatToDo() {
    lab.api.createRepository(GitHubLab.USER, "old-site", false);
    lab.api.enablePages(GitHubLab.USER, "old-site", "main", "mta-sts.example.com");

    PolicySiteIncompleteException e = assertThrows(PolicySiteIncompleteException.class,
        () -> sites.create(SPEC, lab.waits()));

    assertTrue(e.getMessage().contains("is taken by another repository's Pages site"),
        e.getMessage());
    assertTrue(e.partialState().publishing());
    assertEquals(Optional.empty(), e.partialState().customDomain());
  }

  @Test
  void aNewBodyIsOneCommitAndAnUnchangedSiteNone() {
    PolicySiteState first = sites.create(SPEC, lab.waits());
    String enforce = BODY.replace("testing", "enforce");
    PolicySiteSpec changed = new PolicySiteSpec(NAME, "example.com", enforce);

    PolicySiteState second = sites.update(first, changed, lab.waits());

    assertEquals(List.of(first.head().orElseThrow()), lab.api.parents(GitHubLab.USER, "mta-sts",
        second.head().orElseThrow()));
    assertEquals(enforce, files().get(".well-known/mta-sts.txt"));
    assertEquals(second.head(), sites.update(second, changed, lab.waits()).head(),
        "no commit when nothing changed");
  }

  @Test
  void readReportsTheFilesPagesAndCustomDomainAndNothingForAMissingRepository() {
    sites.create(SPEC, lab.waits());
    PolicySiteState read = sites.read(NAME, lab.waits()).orElseThrow();
    assertTrue(read.serves(SPEC));
    assertFalse(read.created(), "a read cannot tell who created the repository");
    assertEquals(Optional.of("example.com"), read.domain());
    assertEquals(Optional.of(BODY), read.policyBody());
    assertEquals(Optional.empty(), sites.read(GitHubLab.repository("missing"), lab.waits()));

    lab.api.createEmptyRepository(GitHubLab.USER, "empty");
    PolicySiteState empty = sites.read(GitHubLab.repository("empty"), lab.waits()).orElseThrow();
    assertEquals(Optional.empty(), empty.head());
    assertFalse(empty.publishing());
  }

  @Test
  void deleteRemovesTheRepositoryItCreated() {
    PolicySiteState state = sites.create(SPEC, lab.waits());
    sites.delete(state, lab.waits());
    assertFalse(lab.api.hasRepository(GitHubLab.USER, "mta-sts"));
  }

  @Test
  void aSiteIsForAMailDomainWhosePolicyHostGitHubCanCertify() {
    assertEquals("domain", assertThrows(InvalidSpecException.class,
        () -> new PolicySiteSpec(NAME, "mta-sts.example.com", BODY)).field());
    InvalidSpecException tooLong = assertThrows(InvalidSpecException.class,
        () -> new PolicySiteSpec(NAME, "a".repeat(50) + ".example.com", BODY));
    assertTrue(tooLong.getMessage().contains("more than 63 characters"), tooLong.getMessage());
    assertTrue(assertThrows(InvalidSpecException.class,
        () -> new PolicySiteSpec(NAME, "Example.COM", BODY)).getMessage()
        .contains("lower case A-labels: example.com"));
  }
}
