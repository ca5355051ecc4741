package io.github.mtasts.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.sdk.enums.VerificationScope;
import io.github.mtasts.sdk.enums.Mode;
import io.github.mtasts.sdk.Dns;
import io.github.mtasts.sdk.Hosting;
import io.github.mtasts.sdk.MtaStsArgs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The root program's stack configuration: every key read, every error named by its key. */
class StackConfigTest {

  private final Map<String, String> config = new HashMap<>(Map.of(
      "domain", "example.com",
      "mode", "testing",
      "mx", "mx1.example.com, *.mail.example.net",
      "rua", "mailto:tlsrpt@example.com",
      "route53ZoneId", "Z0123456789ABCDEFGHIJ"));

  private MtaStsArgs read() {
    return StackConfig.read(key -> Optional.ofNullable(config.get(key)));
  }

  private List<String> errors() {
    return assertThrows(InvalidConfigException.class, this::read).errors();
  }

  @Test
  void aMinimalConfigurationGivesTheComponentItsInputs() {
    MtaStsArgs args = read();

    assertEquals("example.com", args.domain());
    assertEquals(Mode.TESTING, args.mode());
    assertEquals(List.of("mx1.example.com", "*.mail.example.net"), args.mx());
    assertEquals(Duration.ofDays(7), args.maxAge(), "one week unless set");
    assertEquals(List.of("mailto:tlsrpt@example.com"), args.tlsRptRua());
    assertEquals(Dns.route53("Z0123456789ABCDEFGHIJ"), args.dns());
    assertEquals(Hosting.s3CloudFront(), args.hosting());
  }

  @Test
  void optionalKeysAndStructuredLists() {
    config.put("mx", "[\"mx1.example.com\",\"mx2.example.com\"]");
    config.put("maxAge", "86400");
    config.put("bucketName", "policy-bucket");
    config.put("verifyTimeout", "120");
    config.put("verifyFailOn", "warning");
    config.put("verifyScope", "policy-and-records");
    config.put("verifyHttpsPort", "8443");
    config.put("verifySmtpPort", "2525");
    MtaStsArgs args = read();

    assertEquals(List.of("mx1.example.com", "mx2.example.com"), args.mx());
    assertEquals(Duration.ofDays(1), args.maxAge());
    assertEquals(Hosting.s3CloudFront("policy-bucket"), args.hosting());
    assertEquals(Optional.of(Duration.ofMinutes(2)), args.verification().timeout());
    assertEquals(Optional.of("warning"), args.verification().failOn());
    assertEquals(Optional.of(VerificationScope.POLICY_AND_RECORDS), args.verification().scope());
    assertEquals(OptionalInt.of(8443), args.verification().httpsPort());
    assertEquals(OptionalInt.of(2525), args.verification().smtpPort());
  }

  @Test
  void missingKeysAreNamedWithTheCommandThatSetsThem() {
    config.clear();
    List<String> errors = errors();

    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("config domain is required: pulumi config set domain"),
        errors.get(0));
    assertTrue(errors.get(1).startsWith("config mode is required"), errors.get(1));
    assertTrue(errors.get(2).startsWith("config route53ZoneId is required"), errors.get(2));
  }

  @Test
  void invalidValuesAreNamedByKeyWithValueAndFix() {
    config.put("mode", "enforced");
    config.put("mx", "mx1.example.com,,");
    config.put("maxAge", "one week");
    config.put("rua", "tlsrpt@example.com");
    config.put("route53ZoneId", "example.com");
    config.put("bucketName", "Bucket_Name");
    config.put("verifyFailOn", "always");
    config.put("verifyScope", "no-mx");
    List<String> errors = errors();

    assertEquals(Set.of("mode", "mx", "maxAge", "rua", "route53ZoneId", "bucketName",
        "verifyFailOn", "verifyScope"), errors.stream().map(e -> e.split("[ :]")[1]).collect(Collectors.toSet()),
        errors.toString());
    assertEquals(8, errors.size(), "one error per key: " + errors);
    assertTrue(errors.contains("config verifyScope: 'no-mx' is not one of all, policy-host, policy-and-records:"
        + " pulumi config set verifyScope policy-and-records where the network blocks outgoing port 25."),
        errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("config mode: mode 'enforced'")),
        errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("config maxAge: 'one week' is not a"
        + " whole number") && e.contains("pulumi config set maxAge 604800")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("config rua: rua URI"
        + " 'tlsrpt@example.com'")), errors.toString());
    assertTrue(errors.stream().noneMatch(e -> e.contains("MtaStsArgs.")),
        "speaks of config keys, not of Java arguments: " + errors);
  }

  @Test
  void anInvalidListIsNamed() {
    config.put("mx", "[1, [2]]");
    List<String> errors = errors();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("config mx: '[1, [2]]' is neither a list of strings"),
        errors.get(0));
  }

  @Test
  void githubPagesHostingTakesTheRepositoryAsOwnerSlashName() {
    config.put("hosting", "github-pages");
    config.put("githubRepository", "example-org/mta-sts");
    assertEquals(Hosting.githubPages("example-org", "mta-sts"), read().hosting());
  }

  @Test
  void githubPagesHostingWithoutARepositoryOrWithAnotherHostingsKeyIsNamedByKey() {
    config.put("hosting", "github-pages");
    config.put("bucketName", "policy-bucket");
    List<String> errors = errors();
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.contains("config bucketName is set, but hosting is github-pages, which does not"
        + " read it: pulumi config rm bucketName, or set hosting to the choice that reads it."),
        errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("config githubRepository is required:"
        + " pulumi config set githubRepository VALUE")), errors.toString());
  }

  @Test
  void aRepositoryGitHubWouldRefuseIsNamedByItsKeyWithEveryOtherProblem() {
    config.put("hosting", "github-pages");
    config.put("githubRepository", "-octo/site.git");
    config.put("maxAge", "a week");
    List<String> errors = errors();
    assertEquals(Set.of("githubRepository", "maxAge"), errors.stream()
        .map(e -> e.substring("config ".length()).split("[ :]")[0]).collect(Collectors.toSet()),
        errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("config githubRepository: owner '-octo'"
        + " is not a GitHub login")), errors.toString());
    config.put("githubRepository", "mta-sts");
    config.remove("maxAge");
    assertEquals(List.of("config githubRepository: 'mta-sts' is not OWNER/NAME: pulumi config set"
        + " githubRepository example-org/mta-sts."), errors());
  }

  @Test
  void aGitHubRepositoryWithAnotherHostingIsRefusedByItsKey() {
    config.put("githubRepository", "example-org/mta-sts");
    assertEquals(List.of("config githubRepository is set, but hosting is s3-cloudfront, which does"
        + " not read it: pulumi config rm githubRepository, or set hosting to the choice that reads"
        + " it."), errors());
  }

  @Test
  void cloudflareDnsWithAWorkerOrWithS3AndCloudFront() {
    config.remove("route53ZoneId");
    config.put("dns", "cloudflare");
    config.put("cloudflareZone", "Example.com");
    assertEquals(Dns.cloudflare("example.com"), read().dns());
    assertEquals(Hosting.s3CloudFront(), read().hosting(), "S3 with CloudFront unless set");

    config.put("hosting", "cloudflare-worker");
    assertEquals(Hosting.cloudflareWorker(), read().hosting());
    config.put("workerScript", "fleet");
    assertEquals(Hosting.cloudflareWorker("fleet"), read().hosting());
  }

  @Test
  void theKeysOfEveryChoiceAreCheckedAtOnce() {
    config.put("mode", "enforced");
    config.put("dns", "cloudflare");
    config.put("hosting", "cloudflare-worker");
    config.put("bucketName", "policy-bucket");
    config.put("workerScript", "Our Policies");
    List<String> errors = errors();

    assertEquals(Set.of("mode", "route53ZoneId", "cloudflareZone", "bucketName", "workerScript"),
        errors.stream().map(e -> e.split("[ :]")[1]).collect(Collectors.toSet()), errors.toString());
    assertEquals(5, errors.size(), "one error per key: " + errors);
    assertTrue(errors.contains("config route53ZoneId is set, but dns is cloudflare, which does not"
        + " read it: pulumi config rm route53ZoneId, or set dns to the choice that reads it."), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("config cloudflareZone is required: pulumi"
        + " config set cloudflareZone VALUE")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("config workerScript: Worker script name"
        + " 'Our Policies'")), errors.toString());
  }

  @Test
  void aWorkerWithRoute53IsRefusedUnderTheHostingKeyNamingBoth() {
    config.put("hosting", "cloudflare-worker");
    List<String> errors = errors();

    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("config hosting: Hosting.cloudflareWorker() cannot be used"
        + " with Dns.route53(\"Z0123456789ABCDEFGHIJ\")"), errors.get(0));
  }

  @Test
  void aChoiceIsOneOfItsWords() {
    config.put("dns", "azure");
    config.put("hosting", "netlify");
    List<String> errors = errors();

    assertEquals(List.of("config dns: 'azure' is not one of route53, cloudflare: pulumi config set dns route53.",
        "config hosting: 'netlify' is not one of s3-cloudfront, cloudflare-worker, github-pages: pulumi"
            + " config set hosting s3-cloudfront."), errors);
  }
}
