package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.sdk.enums.Mode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Hosting#githubPages} under the unchanged {@link MtaSts} component, against Pulumi's mock
 * engine: the site, then the {@code mta-sts} CNAME in the component's DNS, then the certificate
 * wait, then the verifications; the names GitHub would refuse, refused when the args are built;
 * and one repository per domain.
 */
class GitHubPagesHostingTest {
  private static final String ZONE = "Z0123456789ABCDEFGHIJ";

  private final ProviderMocks mocks = new ProviderMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  private static MtaStsArgs.Builder args(String domain, Hosting hosting) {
    return MtaStsArgs.builder()
        .domain(domain)
        .mode(Mode.TESTING)
        .mx("mx1.example.com")
        .maxAge(Duration.ofDays(7))
        .tlsRptRua("mailto:tlsrpt@example.com")
        .dns(Dns.route53(ZONE))
        .hosting(hosting);
  }

  private TestResult run(boolean preview, Consumer<Context> program) {
    return PulumiTest.withMocks(mocks)
        .withOptions(TestOptions.builder().preview(preview).build())
        .runTest(program);
  }

  @ParameterizedTest(name = "preview={0}")
  @ValueSource(booleans = {true, false})
  void declaresTheSiteTheCnameAndTheCertificateWaitUnderTheComponent(boolean preview) {
    TestResult result = run(preview, ctx -> new MtaSts("example-com",
        args("example.com", Hosting.githubPages("Octo", "mta-sts")).build()));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(Set.of(
        "mtasts:index:MtaSts::example-com",
        "mtasts:index:Policy::example-com-policy",
        "mtasts:github:PagesSite::example-com-site",
        "mtasts:aws:Record::example-com-policy-host",
        "mtasts:github:PagesHttps::example-com-https",
        "mtasts:aws:Record::example-com-tlsrpt",
        "mtasts:index:Verification::example-com-verify-policy-host",
        "mtasts:aws:Record::example-com-sts",
        "mtasts:index:Verification::example-com-verify-all"), Set.copyOf(mocks.names()));
  }

  @Test
  void theCnamePointsAtTheOwnersGitHubIoAndTheWaitTakesTheSitesRepository() {
    TestResult result = run(false, ctx -> new MtaSts("example-com",
        args("example.com", Hosting.githubPages("Octo", "mta-sts")
            .certificateTimeout(Duration.ofHours(6))).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    String body = args("example.com", Hosting.githubPages("Octo", "mta-sts")).build().policy()
        .render();

    assertEquals(Map.of("owner", "Octo", "repository", "mta-sts", "domain", "example.com",
        "policy", body), mocks.named("example-com-site").inputs);
    assertEquals(Map.of("zoneId", ZONE, "name", "mta-sts.example.com", "type", "CNAME",
        "ttl", 300, "values", List.of("octo.github.io")),
        ProviderMocks.numbers(mocks.named("example-com-policy-host").inputs));
    assertEquals(Map.of("repository", "Octo/mta-sts", "domain", "example.com",
        "policyHostFqdn", "mta-sts.example.com", "timeout", 21600),
        ProviderMocks.numbers(mocks.named("example-com-https").inputs));
  }

  @Test
  void theSiteComesFirstThenTheRecordThenTheCertificateThenTheVerifications() {
    TestResult result = run(false, ctx -> new MtaSts("example-com",
        args("example.com", Hosting.githubPages("octo", "mta-sts")).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());

    // GitHub: the custom domain is set on the site before DNS points at GitHub, and the DNS
    // check wants the record before the certificate is issued.
    assertTrue(mocks.index("start example-com-policy-host") > mocks.index("done example-com-site"),
        mocks.events.toString());
    assertTrue(mocks.index("start example-com-https")
        > mocks.index("done example-com-policy-host"), mocks.events.toString());
    // RFC 8461 §3.3: the policy is fetched over HTTPS, so it is verified after the certificate;
    // §3.1: the id is announced only after that.
    assertTrue(mocks.index("start example-com-verify-policy-host")
        > mocks.index("done example-com-https"), mocks.events.toString());
    assertTrue(mocks.index("start example-com-sts")
        > mocks.index("done example-com-verify-policy-host"), mocks.events.toString());
  }

  @Test
  void twoComponentsNamingOneRepositoryAreRefusedBecauseASiteHasOneCustomDomain() {
    TestResult result = run(true, ctx -> {
      new MtaSts("example-com", args("example.com", Hosting.githubPages("octo", "mta-sts"))
          .build());
      new MtaSts("example-org", args("example.org", Hosting.githubPages("Octo", "MTA-STS"))
          .build());
    });

    assertNotEquals(0, result.exitCode());
    assertTrue(result.exceptions().stream().anyMatch(e -> e instanceof InvalidInputException
        && e.getMessage().contains("Hosting.githubPages(\"Octo\", \"MTA-STS\") already serves"
            + " example.com in this program")
        && e.getMessage().contains("give example.org a repository of its own, such as"
            + " Hosting.githubPages(\"Octo\", \"mta-sts-example-org\")")),
        result.exceptions().toString());
  }

  @Test
  void oneRepositoryPerDomainDeploysEveryDomain() {
    TestResult result = run(true, ctx -> {
      new MtaSts("example-com", args("example.com",
          Hosting.githubPages("octo", "mta-sts-example-com")).build());
      new MtaSts("example-org", args("example.org",
          Hosting.githubPages("octo", "mta-sts-example-org")).build());
    });
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    // A second program run may use the repository again: the rule holds within one run.
    PulumiTest.cleanup();
    assertEquals(0, run(true, ctx -> new MtaSts("example-net", args("example.net",
        Hosting.githubPages("octo", "mta-sts-example-com")).build())).exitCode());
  }

  @Test
  void namesGitHubWouldRefuseAreRefusedWhenTheHostingIsMade() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> Hosting.githubPages("-octo", "site.git"));
    assertEquals(2, e.problems().size(), e.problems().toString());
    assertTrue(e.getMessage().contains("MtaStsArgs.hosting: owner '-octo' is not a GitHub login")
        && e.getMessage().contains("repository 'site.git' is not a repository name"),
        e.getMessage());
    assertTrue(assertThrows(InvalidInputException.class, () -> Hosting.githubPages("octo",
        "mta-sts").certificateTimeout(Duration.ofDays(3))).getMessage()
        .contains("from 1 to 172800"));
    assertEquals("Hosting.githubPages(\"octo\", \"mta-sts\")",
        Hosting.githubPages("octo", "mta-sts").describe());
  }

  @Test
  void aPolicyHostTooLongForGitHubsCertificateStopsTheProgram() {
    String domain = "a".repeat(50) + ".example.com";
    TestResult result = run(true, ctx -> new MtaSts("long",
        args(domain, Hosting.githubPages("octo", "mta-sts")).build()));
    assertNotEquals(0, result.exitCode());
    assertTrue(result.exceptions().stream().anyMatch(e -> e.getMessage() != null
        && e.getMessage().contains("MtaStsArgs.domain: GitHub Pages obtains no certificate")),
        result.exceptions().toString());
  }
}
