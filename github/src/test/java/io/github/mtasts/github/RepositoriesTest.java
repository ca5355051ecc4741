package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repositories against the fake GitHub API; each test names the real behaviour it stands for. */
class RepositoriesTest {

  private GitHubLab lab;

  @BeforeEach
  void start() throws Exception {
    lab = GitHubLab.start();
  }

  @AfterEach
  void stop() {
    lab.close();
  }

  @Test
  void aRepositoryOfTheTokensUserIsCreatedPublicWithACommitOnItsDefaultBranch() {
    // repos/create-for-authenticated-user with auto_init: the default branch exists at once.
    Repository created = lab.github.repositories().create(GitHubLab.repository("mta-sts"),
        "MTA-STS policy", lab.waits());
    assertEquals("main", created.defaultBranch());
    assertFalse(created.isPrivate());
    assertTrue(created.admin());
    assertTrue(lab.api.head(GitHubLab.USER, "mta-sts", "main").isPresent());
    assertTrue(lab.api.calls().stream()
        .anyMatch(c -> c.operationId().equals("repos/create-for-authenticated-user")));
  }

  @Test
  void aRepositoryOfAnOrganisationIsCreatedThroughTheOrganisationsEndpoint() {
    // repos/create-in-org when the owner is not the token's user.
    RepositoryName name = RepositoryName.of(GitHubLab.ORG, "mta-sts");
    Repository created = lab.github.repositories().create(name, "policy", lab.waits());
    assertEquals(name, created.name());
    assertTrue(lab.api.calls().stream()
        .anyMatch(c -> c.operationId().equals("repos/create-in-org")));
  }

  @Test
  void anExistingRepositoryIsReportedWithItsStateNeverTakenOver() {
    // 422 "name already exists on this account".
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
    RepositoryExistsException e = assertThrows(RepositoryExistsException.class, () ->
        lab.github.repositories().create(GitHubLab.repository("mta-sts"), "policy", lab.waits()));
    assertEquals(GitHubLab.repository("mta-sts"), e.existing().name());
    assertTrue(e.getMessage().contains("adopt"), e.getMessage());
  }

  @Test
  void aCreateWhoseAnswerIsLostInA502ReturnsTheRepositoryItMade() {
    // A 502 after the write: the repository exists, the client saw a server error.
    lab.api.failAfter("repos/create-for-authenticated-user");
    Repository created = lab.github.repositories().create(GitHubLab.repository("mta-sts"),
        "policy", lab.waits());
    assertEquals("main", created.defaultBranch());
    assertTrue(lab.progress.stream().anyMatch(p -> p.contains("was created")), lab.progress
        .toString());
  }

  @Test
  void anOrganisationTheUserIsNotAMemberOfIsRefusedWithTheReason() {
    lab.api.organization("other-org");
    GitHubException e = assertThrows(GitHubException.class, () -> lab.github.repositories()
        .create(RepositoryName.of("other-org", "mta-sts"), "policy", lab.waits()));
    assertEquals(403, e.status());
    assertTrue(e.getMessage().contains("admin access to the organization"), e.getMessage());
  }

  @Test
  void aMissingRepositoryReadsAsEmptyAndDeletingItTwiceSucceeds() {
    // repos/get 404; repos/delete 204 then 404.
    RepositoryName name = GitHubLab.repository("mta-sts");
    assertEquals(Optional.empty(), lab.github.repositories().get(name, lab.waits()));
    lab.api.createRepository(GitHubLab.USER, "mta-sts", false);
    assertTrue(lab.github.repositories().get(name, lab.waits()).isPresent());
    lab.github.repositories().delete(name, lab.waits());
    assertFalse(lab.api.hasRepository(GitHubLab.USER, "mta-sts"));
    lab.github.repositories().delete(name, lab.waits());
    assertTrue(lab.progress.stream().anyMatch(p -> p.contains("already gone")));
  }
}
