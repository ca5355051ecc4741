package io.github.mtasts.testlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake's object ids are Git's, so that ids a client computes match the fake's. */
class FakeGitObjectsTest {

  @Test
  void blobAndTreeIdsAreThoseGitComputes() {
    FakeGitObjects objects = new FakeGitObjects();
    // `git hash-object /dev/null` and the well-known id of the empty tree.
    assertEquals("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", objects.putBlob(new byte[0]));
    assertEquals("4b825dc642cb6eb9a060e54bf8d69288fbee4904", objects.putTree(Map.of()));
  }

  @Test
  void nestedPathsBuildSubtreesAndKeepTheBase() {
    FakeGitObjects objects = new FakeGitObjects();
    String readme = objects.putBlob("# site\n".getBytes(StandardCharsets.UTF_8));
    String base = objects.putTree(Map.of("README.md",
        new FakeGitObjects.Entry("100644", "blob", readme)));
    String policy = objects.putBlob("version: STSv1\r\n".getBytes(StandardCharsets.UTF_8));
    String tree = objects.withPaths(base, Map.of(".well-known/mta-sts.txt",
        new FakeGitObjects.Entry("100644", "blob", policy)));
    Map<String, FakeGitObjects.Entry> files = objects.flatten(tree, false);
    assertEquals(readme, files.get("README.md").sha());
    assertEquals(policy, files.get(".well-known/mta-sts.txt").sha());
    assertTrue(objects.flatten(tree, true).containsKey(".well-known"));
  }

  @Test
  void onlyADescendantIsAFastForward() {
    FakeGitObjects objects = new FakeGitObjects();
    String tree = objects.putTree(Map.of());
    String root = objects.putCommit(new FakeGitObjects.Commit(tree, List.of(), "a",
        "n", "e", Instant.EPOCH));
    String child = objects.putCommit(new FakeGitObjects.Commit(tree, List.of(root), "b",
        "n", "e", Instant.EPOCH));
    String sibling = objects.putCommit(new FakeGitObjects.Commit(tree, List.of(root),
        "c", "n", "e", Instant.EPOCH));
    assertTrue(objects.isAncestor(root, child));
    assertFalse(objects.isAncestor(child, sibling));
  }
}
