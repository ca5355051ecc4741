package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One commit of several files through the Git database API of the fake GitHub API. */
class ContentsTest {

  private static final String POLICY = "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\n"
      + "max_age: 604800\r\n";
  private static final RepositoryName NAME = GitHubLab.repository("mta-sts");

  private GitHubLab lab;

  @BeforeEach
  void start() throws Exception {
    lab = GitHubLab.start();
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  private static SiteFiles site(String policy) {
    return SiteFiles.builder().file(".nojekyll", new byte[0])
        .file(".well-known/mta-sts.txt", policy).file("CNAME", "mta-sts.example.com\n").build();
  }

  @Test
  void threeFilesLandInOneCommitOnTopOfTheHeadKeepingTheOtherFiles() {
    String before = lab.api.head(GitHubLab.USER, "mta-sts", "main").orElseThrow();
    CommitResult result = lab.github.contents().commit(NAME, "main", site(POLICY),
        "Publish the MTA-STS policy", lab.waits());
    assertTrue(result.committed());
    assertEquals(before, result.parent());
    assertEquals(List.of(".nojekyll", ".well-known/mta-sts.txt", "CNAME"), result.changedPaths());
    // One commit: its only parent is the old head.
    assertEquals(List.of(before), lab.api.parents(GitHubLab.USER, "mta-sts", result.head()));
    Map<String, byte[]> files = lab.api.files(GitHubLab.USER, "mta-sts", "main");
    assertArrayEquals(POLICY.getBytes(StandardCharsets.UTF_8),
        files.get(".well-known/mta-sts.txt"));
    assertArrayEquals(new byte[0], files.get(".nojekyll"));
    assertTrue(files.containsKey("README.md"), files.keySet().toString());
    // The ref update was a compare-and-swap: force false.
    assertTrue(lab.api.calls().stream().anyMatch(c -> c.operationId().equals("git/update-ref")));
  }

  @Test
  void theSameFilesAgainMakeNoCommitAndAChangedBodyChangesOnlyItsFile() {
    CommitResult first = lab.github.contents().commit(NAME, "main", site(POLICY), "Publish",
        lab.waits());
    CommitResult again = lab.github.contents().commit(NAME, "main", site(POLICY), "Publish",
        lab.waits());
    assertFalse(again.committed());
    assertEquals(first.head(), again.head());
    CommitResult changed = lab.github.contents().commit(NAME, "main",
        site(POLICY.replace("testing", "enforce")), "Enforce", lab.waits());
    assertEquals(List.of(".well-known/mta-sts.txt"), changed.changedPaths());
  }

  @Test
  void aPushBetweenTheReadAndTheRefUpdateIsReportedAndKept() {
    // git/update-ref with force false: 422 "Update is not a fast forward".
    lab.api.onNext("git/update-ref", () -> lab.api.push(GitHubLab.USER, "mta-sts", "main",
        Map.of("pushed.txt", "theirs")));
    ConcurrentPushException e = assertThrows(ConcurrentPushException.class, () ->
        lab.github.contents().commit(NAME, "main", site(POLICY), "Publish", lab.waits()));
    String head = lab.api.head(GitHubLab.USER, "mta-sts", "main").orElseThrow();
    assertEquals(head, e.actualHead());
    Map<String, byte[]> files = lab.api.files(GitHubLab.USER, "mta-sts", "main");
    assertArrayEquals("theirs".getBytes(StandardCharsets.UTF_8), files.get("pushed.txt"));
    assertFalse(files.containsKey("CNAME"), files.keySet().toString());
    assertTrue(e.getMessage().contains("nothing was overwritten"), e.getMessage());
    // Running it again commits on top of what was pushed.
    CommitResult again = lab.github.contents().commit(NAME, "main", site(POLICY), "Publish",
        lab.waits());
    assertEquals(head, again.parent());
  }

  @Test
  void aRefUpdateWhoseAnswerIsLostInA502IsFoundDone() {
    // A 502 after the write: the branch moved, the client saw a server error.
    lab.api.failAfter("git/update-ref");
    CommitResult result = lab.github.contents().commit(NAME, "main", site(POLICY), "Publish",
        lab.waits());
    assertEquals(result.head(), lab.api.head(GitHubLab.USER, "mta-sts", "main").orElseThrow());
    assertTrue(lab.progress.stream().anyMatch(p -> p.contains("was moved")), lab.progress
        .toString());
  }

  @Test
  void aServerErrorOnABlobIsRetried() {
    lab.api.failBefore("git/create-blob", 500);
    CommitResult result = lab.github.contents().commit(NAME, "main", site(POLICY), "Publish",
        lab.waits());
    assertTrue(result.committed());
  }

  @Test
  void filesReadBackAreTheCommittedBytesAndMissingOnesAreLeftOut() {
    CommitResult result = lab.github.contents().commit(NAME, "main", site(POLICY), "Publish",
        lab.waits());
    BranchFiles read = lab.github.contents().read(NAME, "main",
        List.of(".well-known/mta-sts.txt", "CNAME", "missing.txt"), lab.waits());
    assertEquals(result.head(), read.head());
    assertEquals(java.util.Optional.of(POLICY), read.files().text(".well-known/mta-sts.txt"));
    assertEquals(2, read.files().paths().size());
  }

  @Test
  void aBranchThatDoesNotExistIsAClearError() {
    // git/get-ref answers 404 for a missing branch (and 409 for a repository without commits).
    GitHubException e = assertThrows(GitHubException.class, () -> lab.github.contents()
        .commit(NAME, "gh-pages", site(POLICY), "Publish", lab.waits()));
    assertTrue(e.getMessage().contains("branch gh-pages of octo/mta-sts does not exist"),
        e.getMessage());
  }

  @Test
  void blobIdsAreGitsObjectIds() {
    // Git's ids of an empty file and of "hello world\n", as `git hash-object` prints them.
    assertEquals("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", SiteFiles.blobId(new byte[0]));
    assertEquals("3b18e512dba79e4c8300dd08aeb37f8e728b8dad",
        SiteFiles.blobId("hello world\n".getBytes(StandardCharsets.UTF_8)));
  }
}
