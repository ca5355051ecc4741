package io.github.mtasts.provider.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.sdk.Dns;
import io.github.mtasts.sdk.Hosting;
import io.github.mtasts.sdk.MtaStsArgs;
import io.github.mtasts.sdk.VerificationOptions;
import io.github.mtasts.sdk.enums.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The inputs of {@code mtasts:index:MtaSts} as a program in another language sends them, read
 * into the Java component's args: the same rules as a Java program's, messages naming the
 * property as the program wrote it.
 */
class MtaStsInputsTest {

  private static PropertyMap object(Object... keysAndValues) {
    PropertyMap.Builder map = PropertyMap.builder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], value(keysAndValues[i + 1]));
    }
    return map.build();
  }

  private static PropertyValue value(Object value) {
    if (value instanceof PropertyValue property) {
      return property;
    } else if (value instanceof String text) {
      return PropertyValue.of(text);
    } else if (value instanceof Number number) {
      return PropertyValue.of(number.doubleValue());
    } else if (value instanceof List<?> list) {
      return new PropertyValue.Array(list.stream().map(MtaStsInputsTest::value).toList());
    }
    throw new IllegalArgumentException(String.valueOf(value));
  }

  private static PropertyMap valid(Object... overrides) {
    PropertyMap.Builder inputs = object(
        "domain", "example.com",
        "mode", "testing",
        "mx", List.of("mx1.example.com", "*.mail.example.net"),
        "tlsRptRua", List.of("mailto:tlsrpt@example.com"),
        "dns", object("route53ZoneId", "Z0123456789ABCDEFGHIJ"),
        "hosting", object("s3CloudFront", object())).toBuilder();
    for (int i = 0; i < overrides.length; i += 2) {
      if (overrides[i + 1] == null) {
        inputs.remove((String) overrides[i]);
      } else {
        inputs.put((String) overrides[i], value(overrides[i + 1]));
      }
    }
    return inputs.build();
  }

  @Test
  void validInputsGiveTheArgsAJavaProgramWouldBuild() {
    MtaStsArgs args = MtaStsInputs.args(valid(
        "maxAge", 86400,
        "hosting", object("s3CloudFront", object("bucketName", "mail-policy")),
        "verification", object("timeout", 120, "failOn", "warning", "smtpPort", 2525)));

    assertEquals("example.com", args.domain());
    assertEquals(Mode.TESTING, args.mode());
    assertEquals(List.of("mx1.example.com", "*.mail.example.net"), args.mx());
    assertEquals(Duration.ofDays(1), args.maxAge());
    assertEquals(List.of("mailto:tlsrpt@example.com"), args.tlsRptRua());
    assertEquals(Dns.route53("Z0123456789ABCDEFGHIJ"), args.dns());
    assertEquals(Hosting.s3CloudFront("mail-policy"), args.hosting());
    assertEquals(VerificationOptions.builder().timeout(Duration.ofMinutes(2)).failOn("warning")
        .smtpPort(2525).build(), args.verification());
  }

  @Test
  void theSchemasDefaultMaxAgeIsAWeek() {
    assertEquals(Duration.ofDays(7), MtaStsInputs.args(valid()).maxAge());
  }

  @Test
  void everyProblemIsReportedAtOnceByItsPropertyPath() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid(
            "mx", List.of("mx..example.com"),
            "maxAge", 99999999,
            "dns", object("route53ZoneId", "example.com"),
            "hosting", object("s3CloudFront", object("bucketName", "a.b")))));

    String message = error.getMessage();
    assertTrue(message.startsWith("4 inputs are not usable:"), message);
    assertTrue(message.contains("- dns.route53ZoneId: Route 53 hosted zone id 'example.com'"), message);
    assertTrue(message.contains("- hosting.s3CloudFront: bucket name 'a.b'"), message);
    assertTrue(message.contains("- mx: mx 'mx..example.com' has an empty label"), message);
    assertTrue(message.contains("- maxAge: max_age 99999999 is above the RFC 8461 limit"), message);
    assertTrue(!message.contains("MtaStsArgs"), "no Java class named: " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no DNS target       | dns     | {}                                      | dns must set exactly one of cloudflareZone, route53ZoneId, and sets none",
      "no hosting          | hosting | {}                                      | hosting must set exactly one of cloudflareWorker, githubPages, s3CloudFront, and sets none",
      "an unknown DNS key  | dns     | {\"route53Zone\":\"Z1\"}                 | dns.route53Zone is not a property",
      "a wrong mode        | mode    | \"Enforce\"                             | write \"enforce\"",
      "a zero timeout      | verification | {\"timeout\":0}                    | verification.timeout must be a positive whole number of seconds, got 0"})
  void aBadInputIsNamedWithTheFix(String what, String property, String json, String expected) {
    PropertyValue given = json.equals("{}") ? object() : json.startsWith("{")
        ? parse(json) : PropertyValue.of(json.substring(1, json.length() - 1));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid(property, given)));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }

  @Test
  void cloudflareDnsWithAWorkerGivesTheArgsAJavaProgramWouldBuild() {
    MtaStsArgs args = MtaStsInputs.args(valid(
        "dns", object("cloudflareZone", "Example.com"),
        "hosting", object("cloudflareWorker", object("script", "fleet"))));

    assertEquals(Dns.cloudflare("example.com"), args.dns());
    assertEquals(Hosting.cloudflareWorker("fleet"), args.hosting());
    assertEquals(Hosting.cloudflareWorker(), MtaStsInputs.args(valid(
        "dns", object("cloudflareZone", "example.com"),
        "hosting", object("cloudflareWorker", object()))).hosting(), "the shared script unless named");
  }

  @Test
  void githubPagesGivesTheArgsAJavaProgramWouldBuildWithAnyDns() {
    PropertyMap pages = object("githubPages", object("owner", "example-org", "repository", "mta-sts"));

    assertEquals(Hosting.githubPages("example-org", "mta-sts"),
        MtaStsInputs.args(valid("hosting", pages)).hosting());
    MtaStsArgs onCloudflare = MtaStsInputs.args(valid(
        "dns", object("cloudflareZone", "example.com"), "hosting", pages));
    assertEquals(Dns.cloudflare("example.com"), onCloudflare.dns());
    assertEquals(Hosting.githubPages("example-org", "mta-sts"), onCloudflare.hosting());
  }

  @Test
  void aWorkerWithRoute53IsRefusedNamingBothInputs() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid("hosting", object("cloudflareWorker", object()))));

    String message = error.getMessage();
    assertTrue(message.startsWith("hosting.cloudflareWorker cannot be used with dns.route53ZoneId:"
        + " a Worker answers for mta-sts.<domain> as a Workers custom domain"), message);
    assertEquals(1, message.split("\n").length, "one problem, not also 'hosting is required': " + message);
  }

  @Test
  void twoDnsServicesOrTwoHostingsAreRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid(
            "dns", object("route53ZoneId", "Z0123456789ABCDEFGHIJ", "cloudflareZone", "example.com"),
            "hosting", object("s3CloudFront", object(),
                "githubPages", object("owner", "example-org", "repository", "mta-sts")))));

    String message = error.getMessage();
    assertTrue(message.contains("- dns must set exactly one of cloudflareZone, route53ZoneId, and sets"
        + " cloudflareZone and route53ZoneId"), message);
    assertTrue(message.contains("- hosting must set exactly one of cloudflareWorker, githubPages,"
        + " s3CloudFront, and sets githubPages and s3CloudFront"), message);
  }

  @Test
  void theNewTargetsProblemsAreNamedByTheirPath() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid(
            "dns", object("cloudflareZone", "not a zone"),
            "hosting", object("githubPages", object("owner", "-octo")))));

    String message = error.getMessage();
    assertTrue(message.contains("- dns.cloudflareZone: "), message);
    assertTrue(message.contains("not a zone"), message);
    assertTrue(message.contains("- hosting.githubPages.repository is required"), message);
    assertTrue(!message.contains("MtaStsArgs"), "no Java class named: " + message);

    IllegalArgumentException owner = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid("hosting", object("githubPages",
            object("owner", "-octo", "repository", "mta-sts")))));
    assertTrue(owner.getMessage().startsWith("hosting.githubPages: owner '-octo' is not a GitHub login"),
        owner.getMessage());

    IllegalArgumentException script = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid("dns", object("cloudflareZone", "example.com"),
            "hosting", object("cloudflareWorker", object("script", "Our Policies", "scriptName", "x")))));
    assertTrue(script.getMessage().startsWith("hosting.cloudflareWorker.scriptName is not a property"),
        script.getMessage());
  }

  @Test
  void requiredInputsAreNamed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> MtaStsInputs.args(valid("domain", null, "dns", null)));
    assertTrue(error.getMessage().contains("domain is required"), error.getMessage());
    assertTrue(error.getMessage().contains("dns is required"), error.getMessage());
    assertEquals(2, error.getMessage().split("\n  - ").length - 1, error.getMessage());
  }

  @Test
  void modeNoneNeedsNoMx() {
    assertEquals(List.of(), MtaStsInputs.args(valid("mode", "none", "mx", null)).mx());
  }

  /** A one-level JSON object of strings and numbers, as the table writes it. */
  private static PropertyMap parse(String json) {
    PropertyMap.Builder map = PropertyMap.builder();
    for (String pair : json.substring(1, json.length() - 1).split(",")) {
      String[] kv = pair.split(":", 2);
      String key = kv[0].strip().replace("\"", "");
      String raw = kv[1].strip();
      map.put(key, raw.startsWith("\"") ? PropertyValue.of(raw.replace("\"", ""))
          : PropertyValue.of(Double.parseDouble(raw)));
    }
    return map.build();
  }
}
