package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.sdk.enums.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.S3BucketName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The component's inputs are checked by the policy core when they are built, field by field. */
class MtaStsArgsTest {

  private static MtaStsArgs.Builder valid() {
    return MtaStsArgs.builder()
        .domain("Example.COM")
        .mode(Mode.TESTING)
        .mx("mx1.example.com", "*.mail.example.net")
        .maxAge(Duration.ofDays(7))
        .tlsRptRua("mailto:tlsrpt@example.com")
        .dns(Dns.route53("/hostedzone/Z0123456789ABCDEFGHIJ"))
        .hosting(Hosting.s3CloudFront());
  }

  @Test
  void validInputsDescribeThePolicyTheCoreRenders() {
    MtaStsArgs args = valid().build();

    assertEquals("example.com", args.domain(), "domains compare in lower case");
    assertEquals(Policy.builder().mode(io.github.mtasts.policy.Mode.TESTING).mx("mx1.example.com", "*.mail.example.net")
        .maxAge(604800).build(), args.policy());
    assertEquals("v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
        args.tlsRptRecord().orElseThrow().render());
    assertEquals(Dns.route53("Z0123456789ABCDEFGHIJ"), args.dns(), "the long form is cut");
    assertEquals("Dns.route53(\"Z0123456789ABCDEFGHIJ\")", args.dns().describe());
    assertEquals(Hosting.s3CloudFront(), args.hosting());
    assertEquals(VerificationOptions.defaults(), args.verification());
  }

  @Test
  void anInternationalDomainIsKeptInItsIdna2008ALabelForm() {
    // IDNA2008 maps nothing: ß stays ß (xn--strae-oqa), it is not the IDNA2003 "strasse".
    assertEquals("xn--strae-oqa.de", valid().domain("Straße.de").build().domain());
  }

  @Test
  void withoutReportUrisThereIsNoTlsRptRecord() {
    MtaStsArgs args = valid().tlsRptRua(List.of()).build();
    assertEquals(Optional.empty(), args.tlsRptRecord());
    assertEquals(List.of(), args.tlsRptRua());
  }

  @Test
  void modeNoneNeedsNoMx() {
    MtaStsArgs args = valid().mode("none").mx(List.of()).build();
    assertEquals(Mode.NONE, args.mode());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mode token  | mode        | 'Enforce' | write 'enforce'",
      "mx          | mx          | 'mx1..example.com' | empty label",
      "mx address  | mx          | '192.0.2.1' | IP address",
      "maxAge      | maxAge      | 31557601 | above the RFC 8461 limit",
      "maxAge part | maxAge      | PT1.5S | whole number of seconds",
      "rua         | tlsRptRua   | 'tlsrpt@example.com' | mailto:tlsrpt@example.com",
      "domain      | domain      | 'exa mple.com' | invalid label",
      "wildcard    | domain      | '*.example.com' | wildcard",
      "one label   | domain      | 'localhost' | single label",
      "domain ip   | domain      | '192.0.2.1' | IP address",
  })
  void badInputIsRejectedNamingTheFieldTheValueAndTheFix(
      String scenario, String field, String value, String fix) {
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> breakField(field, value).apply(valid()).build());

    assertEquals(1, error.problems().size(), error.getMessage());
    Problem problem = error.problems().get(0);
    assertEquals(field, problem.field());
    assertTrue(problem.message().startsWith("MtaStsArgs." + field), problem.message());
    assertTrue(problem.message().contains(value), problem.message());
    assertTrue(problem.message().contains(fix), problem.message());
  }

  private static UnaryOperator<MtaStsArgs.Builder> breakField(String field, String value) {
    return switch (field) {
      case "mode" -> b -> b.mode(value);
      case "mx" -> b -> b.mx("mx1.example.com", value);
      case "maxAge" -> b -> value.startsWith("PT") ? b.maxAge(Duration.parse(value))
          : b.maxAge(Long.parseLong(value));
      case "tlsRptRua" -> b -> b.tlsRptRua(value);
      case "domain" -> b -> b.domain(value);
      default -> throw new IllegalArgumentException(field);
    };
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> MtaStsArgs.builder().mode("strict").mx("a..b").maxAge(-1).tlsRptRua("ftp://x")
            .build());

    assertEquals(List.of("domain", "mode", "mx", "maxAge", "tlsRptRua", "dns", "hosting"),
        error.problems().stream().map(Problem::field).toList(), error.getMessage());
    assertTrue(error.getMessage().contains("Dns.route53("), error.getMessage());
    assertTrue(error.getMessage().contains("Hosting.s3CloudFront()"), error.getMessage());
  }

  @Test
  void missingInputsAreNamed() {
    InvalidInputException noMx =
        assertThrows(InvalidInputException.class, () -> valid().mx(List.of()).build());
    assertEquals(List.of("mx"), noMx.problems().stream().map(Problem::field).toList());
    assertTrue(noMx.getMessage().startsWith("MtaStsArgs.mx"), noMx.getMessage());

    InvalidInputException none = assertThrows(InvalidInputException.class,
        () -> MtaStsArgs.builder().domain("example.com").dns(Dns.route53("Z1"))
            .hosting(Hosting.s3CloudFront()).build());
    assertEquals(List.of("mode", "maxAge"),
        none.problems().stream().map(Problem::field).toList(), none.getMessage());
  }

  @Test
  void zoneIdsAndBucketNamesAreCheckedWhenGiven() {
    InvalidInputException zone =
        assertThrows(InvalidInputException.class, () -> Dns.route53("example.com"));
    assertTrue(zone.getMessage().contains("'example.com'")
        && zone.getMessage().contains("list-hosted-zones"), zone.getMessage());

    InvalidInputException bucket =
        assertThrows(InvalidInputException.class, () -> Hosting.s3CloudFront("My_Bucket"));
    assertTrue(bucket.getMessage().contains("'My_Bucket'")
        && bucket.getMessage().contains("lower-case"), bucket.getMessage());
    assertEquals("Hosting.s3CloudFront(\"mta-sts-example-com\")",
        Hosting.s3CloudFront("mta-sts-example-com").describe());
  }

  @Test
  void aBucketNameTheProviderWouldRefuseIsRefusedHereWithTheSameRule() {
    // S3 allows dots, but the provider's Check refuses them (virtual-hosted bucket URLs break);
    // both apply S3BucketName, so a program never passes here and fails in preview.
    InvalidInputException dotted = assertThrows(InvalidInputException.class,
        () -> Hosting.s3CloudFront("mta-sts.example.com"));
    assertTrue(dotted.getMessage().contains("'mta-sts.example.com'")
        && dotted.getMessage().contains(S3BucketName.problem("mta-sts.example.com").orElseThrow()),
        dotted.getMessage());
  }

  @Test
  void aHostingThatCannotWorkWithTheDnsIsRefusedNamingBoth() {
    Hosting needsAnotherDns = new Hosting() {
      @Override
      public HostedSite declare(SiteRequest request) {
        throw new AssertionError("never declared: the args are refused first");
      }

      @Override
      public Optional<String> incompatibility(Dns dns) {
        return Optional.of("its custom domain needs the zone on another DNS service");
      }

      @Override
      public String describe() {
        return "Hosting.elsewhere()";
      }
    };
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> valid().hosting(needsAnotherDns).build());
    assertEquals(List.of("hosting"), error.problems().stream().map(Problem::field).toList());
    assertTrue(error.getMessage().contains("Hosting.elsewhere() cannot be used with"
        + " Dns.route53(\"Z0123456789ABCDEFGHIJ\"): its custom domain needs the zone"),
        error.getMessage());
  }

  @Test
  void aWorkerWithRoute53IsRefusedNamingBothAndTheWayOut() {
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> valid().hosting(Hosting.cloudflareWorker()).build());
    assertEquals(List.of("hosting"), error.problems().stream().map(Problem::field).toList());
    assertTrue(error.getMessage().contains("Hosting.cloudflareWorker() cannot be used with"
        + " Dns.route53(\"Z0123456789ABCDEFGHIJ\")") && error.getMessage().contains("Dns.cloudflare("),
        error.getMessage());
    assertEquals(Hosting.cloudflareWorker(), valid().dns(Dns.cloudflare("example.com"))
        .hosting(Hosting.cloudflareWorker()).build().hosting());
    assertEquals(Hosting.s3CloudFront(), valid().dns(Dns.cloudflare("example.com")).build().hosting(),
        "S3 with CloudFront takes its records from any DNS");
  }

  @Test
  void aCloudflareZoneIsAnIdOrANameAndAScriptNameIsOne() {
    assertEquals("Dns.cloudflare(\"023e105f4ecef8ad9ca31a8372d0c353\")",
        Dns.cloudflare(" 023E105F4ECEF8AD9CA31A8372D0C353 ").describe());
    assertEquals(Dns.cloudflare("example.com"), Dns.cloudflare("Example.COM"));
    InvalidInputException notAZone = assertThrows(InvalidInputException.class,
        () -> Dns.cloudflare("not a zone"));
    assertTrue(notAZone.getMessage().contains("MtaStsArgs.dns: Cloudflare zone 'not a zone'"),
        notAZone.getMessage());
    assertEquals("Hosting.cloudflareWorker(\"fleet\")", Hosting.cloudflareWorker("fleet").describe());
    InvalidInputException badScript = assertThrows(InvalidInputException.class,
        () -> Hosting.cloudflareWorker("My Policies"));
    assertTrue(badScript.getMessage().contains("Worker script name 'My Policies'"),
        badScript.getMessage());
  }

  @Test
  void verificationOptionsAreChecked() {
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> VerificationOptions.builder().timeout(Duration.ofMillis(1500)).failOn("fatal")
            .httpsPort(0).smtpPort(70000).build());
    assertEquals(List.of("timeout", "failOn", "httpsPort", "smtpPort"),
        error.problems().stream().map(Problem::field).toList(), error.getMessage());
    assertTrue(error.getMessage().contains("'fatal'"), error.getMessage());
  }
}
