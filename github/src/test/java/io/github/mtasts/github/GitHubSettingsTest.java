package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings and names refused before any request, each naming the field and the fix. */
class GitHubSettingsTest {

  @Test
  void theDefaultsPointAtGitHubAndTheTokenIsTrimmed() {
    GitHubSettings settings = GitHubSettings.builder().token("  ghp_abc\n").owner("octo").build();
    assertEquals(GitHubSettings.GITHUB_API + "/", settings.apiUrl());
    assertEquals("ghp_abc", settings.token());
    assertTrue(settings.toString().contains("token=(set, not shown)"), settings.toString());
    assertEquals(Optional.of("octo"), settings.owner());
    assertEquals(Optional.empty(), GitHubSettings.builder().token("ghp_abc").build().owner(),
        "an owner is a default for callers, not required: operations name the repository's");
  }

  @Test
  void aMissingOrBlankTokenIsRefusedNamingTheSettingToSet() {
    InvalidSpecException missing = assertThrows(InvalidSpecException.class, () ->
        GitHubSettings.builder().owner("octo").build());
    assertEquals("githubToken", missing.field());
    assertTrue(missing.getMessage().contains("GITHUB_TOKEN"), missing.getMessage());
    assertThrows(InvalidSpecException.class, () -> GitHubSettings.builder().token(" \n"));
  }

  @Test
  void aMalformedOwnerIsRefusedWithTheRule() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () ->
        GitHubSettings.builder().owner("-octo"));
    assertEquals("githubOwner", e.field());
    assertTrue(e.getMessage().contains("'-octo'"), e.getMessage());
    assertTrue(e.getMessage().contains("single hyphens"), e.getMessage());
  }

  @Test
  void repositoryNamesAreCheckedAndComparedWithoutCase() {
    assertEquals(RepositoryName.of("Octo", "MTA-STS"), RepositoryName.parse("octo/mta-sts"));
    assertEquals("repository", assertThrows(InvalidSpecException.class, () ->
        RepositoryName.parse("octo")).field());
    assertThrows(InvalidSpecException.class, () -> RepositoryName.of("octo", "site.git"));
    assertThrows(InvalidSpecException.class, () -> RepositoryName.of("octo", ".."));
  }

  @Test
  void sitePathsMustBeRelativeAndPlain() {
    for (String bad : new String[] {"/CNAME", "a//b", "../x", "a\\b", ""}) {
      assertEquals("path", assertThrows(InvalidSpecException.class, () ->
          SiteFiles.builder().file(bad, "x")).field(), bad);
    }
    assertThrows(InvalidSpecException.class, () ->
        SiteFiles.builder().file("CNAME", "a").file("CNAME", "b"));
  }
}
