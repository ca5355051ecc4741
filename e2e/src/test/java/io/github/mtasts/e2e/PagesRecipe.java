package io.github.mtasts.e2e;

import io.github.mtasts.testlab.FakeGitHubApi;
import io.github.mtasts.testlab.FakePagesSite;
import io.github.mtasts.testlab.GitHubPagesLab;
import java.util.Map;

/**
 * The by-hand recipe for MTA-STS on GitHub Pages, its GitHub half as a person does it, whatever
 * DNS the domain is on: a public repository {@code mta-sts} without a README, {@code .nojekyll}
 * and the recipe's sample policy (the same mx twice, LF line ends) pushed; the CNAME record to
 * {@code OWNER.github.io} made in the zone; Pages from {@code main} with the custom domain, for
 * which GitHub commits the {@code CNAME} file; the certificate issued and Enforce HTTPS ticked.
 * The TXT records, the id a date, are the zone's part and each test's.
 */
final class PagesRecipe {
  /** The repository the recipe creates. */
  static final String REPOSITORY = "mta-sts";
  /** The recipe's {@code _mta-sts} id: a date, as its sample record has it. */
  static final String ID = "20240728";

  private PagesRecipe() {}

  /**
   * The recipe's sample policy for one MX host, as pushed: the mx line twice, as the sample
   * lists it.
   *
   * @param mx the MX host
   * @return the body
   */
  static String body(String mx) {
    return "version: STSv1\nmode: testing\nmx: " + mx + "\nmx: " + mx + "\nmax_age: 604800\n";
  }

  /**
   * The import ids of what the recipe made, by the name of the resource of the component
   * {@code name} that adopts it: the repository for the site and its HTTPS setting, {@code
   * ZONE/NAME/TYPE} for each record (the form the refused create names, for Route 53 and
   * Cloudflare alike).
   *
   * @param name the component's name
   * @param zone the zone's id
   * @param domain the mail domain
   * @return the ids by resource name
   */
  static Map<String, String> importIds(String name, String zone, String domain) {
    String repository = GitHubPagesLab.OWNER + "/" + REPOSITORY;
    return Map.of(
        name + "-site", repository,
        name + "-https", repository,
        name + "-policy-host", zone + "/mta-sts." + domain + "/CNAME",
        name + "-tlsrpt", zone + "/_smtp._tls." + domain + "/TXT",
        name + "-sts", zone + "/_mta-sts." + domain + "/TXT");
  }

  /**
   * The recipe's GitHub steps, with the CNAME record made where the domain's zone is in between
   * (GitHub checks it when the custom domain is set).
   *
   * @param lab the laboratory
   * @param domain the mail domain
   * @param mx the MX host
   * @param cnameRecord makes {@code mta-sts.DOMAIN} a CNAME to {@code OWNER.github.io}
   */
  static void byHand(GitHubPagesLab lab, String domain, String mx, Runnable cnameRecord) {
    FakeGitHubApi api = lab.api();
    String owner = GitHubPagesLab.OWNER;
    api.createEmptyRepository(owner, REPOSITORY);
    api.push(owner, REPOSITORY, "main",
        Map.of(".nojekyll", "", PagesSiteChecks.POLICY_PATH, body(mx)));
    cnameRecord.run();
    FakePagesSite pages = api.enablePages(owner, REPOSITORY, "main", "mta-sts." + domain);
    api.push(owner, REPOSITORY, "main", Map.of("CNAME", "mta-sts." + domain));
    while (!pages.certificateIssued()) {
      api.advanceCertificates();
    }
    api.enforceHttps(owner, REPOSITORY);
  }
}
