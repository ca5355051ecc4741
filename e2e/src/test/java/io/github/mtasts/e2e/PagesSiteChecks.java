package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FakePagesSite;
import io.github.mtasts.testlab.GitHubPagesLab;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a policy site on GitHub Pages holds after an up, as the fake GitHub API shows it, whatever
 * DNS the domain is on: the branch's files and the Pages site of one repository of
 * {@link GitHubPagesLab#OWNER}.
 */
final class PagesSiteChecks {
  /** Where GitHub Pages serves the policy from, RFC 8461 §3.2's path. */
  static final String POLICY_PATH = ".well-known/mta-sts.txt";

  private PagesSiteChecks() {}

  /**
   * The files of a repository's {@code main} branch, as UTF-8 text by path.
   *
   * @param lab the laboratory
   * @param repository the repository's name
   * @return the files, sorted by path
   */
  static Map<String, String> files(GitHubPagesLab lab, String repository) {
    Map<String, String> files = new TreeMap<>();
    lab.api().files(GitHubPagesLab.OWNER, repository, "main")
        .forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return files;
  }

  /**
   * The repository holds the policy, {@code .nojekyll} and the {@code CNAME} file, and its Pages
   * site has the custom domain {@code mta-sts.DOMAIN} with an approved certificate and HTTPS
   * enforced.
   *
   * @param lab the laboratory
   * @param repository the repository's name
   * @param domain the mail domain
   * @param policy the policy it must serve
   */
  static void assertServes(GitHubPagesLab lab, String repository, String domain, Policy policy) {
    Map<String, String> files = files(lab, repository);
    assertEquals(policy.render(), files.get(POLICY_PATH));
    assertEquals("", files.get(".nojekyll"));
    assertEquals("mta-sts." + domain, files.get("CNAME"));
    FakePagesSite pages = lab.api().pages(GitHubPagesLab.OWNER, repository).orElseThrow();
    assertEquals("mta-sts." + domain, pages.cname());
    assertEquals("approved", pages.certificateState());
    assertTrue(pages.httpsEnforced());
  }

  /**
   * After a destroy that leaves an adopted site in place: the repository is there, its branch
   * holds the policy, and its Pages site keeps the custom domain with HTTPS enforced.
   *
   * @param lab the laboratory
   * @param repository the repository's name
   * @param domain the mail domain
   * @param policy the policy it still serves
   */
  static void assertLeftServing(GitHubPagesLab lab, String repository, String domain,
      Policy policy) {
    assertTrue(lab.api().hasRepository(GitHubPagesLab.OWNER, repository));
    assertEquals(policy.render(), files(lab, repository).get(POLICY_PATH));
    FakePagesSite pages = lab.api().pages(GitHubPagesLab.OWNER, repository).orElseThrow();
    assertEquals("mta-sts." + domain, pages.cname());
    assertTrue(pages.httpsEnforced());
  }
}
