package io.github.mtasts.provider;

import static io.github.mtasts.testlab.Wire.list;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.RunningPlugin;
import io.github.mtasts.testlab.Wire;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.UpdateRequest;

/**
 * Requests a hostile or careless engine, program or state file could send, generated here from
 * the schema the packaged plugin serves, and sent over gRPC as the engine sends them: every
 * input of every resource and function gets malformed special values and bad values of its
 * type. The plugin must answer each with check failures or an error that names the property as
 * the schema spells it, quote what it was given in bounded excerpts, and never fail inside.
 */
class HostileRequestsPluginIT {

  /** The signatures of the engine's special objects, written out as the engine writes them. */
  private static final String REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e";
  private static final String OUTPUT = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
  private static final String ASSET = "c44067f5952c0a294b673a41bacd8c17";

  /** A value far beyond any a resource takes: a message must quote it as an excerpt. */
  private static final String HUGE = "h".repeat(1 << 20);
  /** The longest failure message accepted: a few excerpts and a sentence, whatever the input. */
  private static final int MAX_MESSAGE = 2_000;

  private static final String ARN = "arn:aws:acm:us-east-1:123456789012:certificate/1f9c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f";
  private static final String BODY = Policy.builder().mode(Mode.TESTING).mx("mx1.example.com").maxAge(604800).build().render();

  /** Valid inputs of each resource, so that a bad value of one property is the only problem. */
  private static final Map<String, Struct> VALID = Map.of(
      "mtasts:index:Policy", struct("mode", "testing", "mx", list("mx1.example.com"), "maxAge", 604800,
          "rua", list("mailto:tlsrpt@example.com")),
      "mtasts:index:Verification", struct("domain", "example.com", "expectedPolicy", BODY, "expectedId", "abc123",
          "timeout", 60, "resolver", "127.0.60.1:53", "httpsPort", 443, "smtpPort", 25),
      "mtasts:aws:Record", struct("zoneId", "Z0123456789ABCDEFGHIJ", "name", "_mta-sts.example.com", "type", "TXT",
          "ttl", 300, "values", list("v=STSv1; id=abc123")),
      "mtasts:aws:Certificate", struct("domain", "mta-sts.example.com"),
      "mtasts:aws:CertificateValidation", struct("certificateArn", ARN, "timeout", 600),
      "mtasts:aws:PolicySite", struct("domain", "example.com", "certificateArn", ARN, "policy", BODY,
          "bucketName", "mta-sts-example-com", "cacheControl", "max-age=300"),
      // One argument stays unknown, so that no argument set passes and no lookup runs.
      "mtasts:index:checkMxCoverage", struct("domain", "example.com", "mode", unknown(), "mx", list("mx1.example.com")));

  /** Values that are wrong for a resource as a whole, beyond their type: the rules of RFCs and services. */
  private static final Map<String, Map<String, List<Value>>> SPECIFIC = Map.of(
      "mtasts:index:Policy", Map.of("maxAge", List.of(Wire.value(99_999_999_999L))),
      "mtasts:index:Verification", Map.of(
          "expectedPolicy", List.of(Wire.value("version: STSv1\r\nmode: bogus\r\n"), Wire.value("mode: testing\n" + HUGE)),
          "expectedId", List.of(Wire.value("not an id!"), Wire.value(HUGE))),
      "mtasts:aws:Record", Map.of("values", List.of(list("v=STSv1; id=bad!"), list("v=STSv1; id=a", "v=STSv1; id=b"),
          list("v=STSv1; id=" + HUGE))),
      "mtasts:aws:PolicySite", Map.of("policy", List.of(Wire.value("mode: bogus")), "domain",
          List.of(Wire.value("mta-sts.example.com"))));

  @RegisterExtension
  static final RunningPlugin plugin = RunningPlugin.extension(MotoExtension.PROCESS_ENVIRONMENT);

  private static JsonObject schema;

  @BeforeAll
  static void readSchema() {
    // Nothing leaves loopback, whatever passes: DNS and AWS are addresses nothing answers on.
    plugin.configure("verifyResolver", "127.0.60.1:53", "awsEndpoint", "http://127.0.60.1:9", "awsRegion", "us-east-1");
    schema = JsonParser.parseString(plugin.provider().getSchema(GetSchemaRequest.getDefaultInstance()).getSchema())
        .getAsJsonObject();
  }

  /** One resource or function and its inputs as the schema declares them. */
  private record Target(String token, boolean function, JsonObject inputs) {
    Struct valid() {
      return VALID.getOrDefault(token, Struct.getDefaultInstance());
    }
  }

  private static List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (Map.Entry<String, JsonElement> resource : schema.getAsJsonObject("resources").entrySet()) {
      JsonObject declared = resource.getValue().getAsJsonObject();
      if (!declared.has("isComponent") || !declared.get("isComponent").getAsBoolean()) {
        targets.add(new Target(resource.getKey(), false, declared.getAsJsonObject("inputProperties")));
      }
    }
    for (Map.Entry<String, JsonElement> function : schema.getAsJsonObject("functions").entrySet()) {
      targets.add(new Target(function.getKey(), true,
          function.getValue().getAsJsonObject().getAsJsonObject("inputs").getAsJsonObject("properties")));
    }
    return targets;
  }

  /** Malformed forms of the engine's special objects, by what they are. */
  private static Map<String, Value> malformed() {
    Map<String, Value> values = new LinkedHashMap<>();
    values.put("a resource reference with neither id nor URN", Wire.value(struct(Wire.SIG, REFERENCE)));
    values.put("a resource reference whose URN is a number", Wire.value(struct(Wire.SIG, REFERENCE, "urn", 7)));
    values.put("a resource reference whose id is a list", Wire.value(struct(Wire.SIG, REFERENCE,
        "urn", "urn:pulumi:dev::mail::mtasts:index:Policy::p", "id", list("x"))));
    values.put("a secret without a value", Wire.value(struct(Wire.SIG, Wire.SECRET_SIG)));
    values.put("a special object whose signature is a number", Wire.value(struct(Wire.SIG, 42)));
    values.put("a special object of an unknown signature", Wire.value(struct(Wire.SIG, "0123456789abcdef")));
    values.put("an asset", Wire.value(struct(Wire.SIG, ASSET, "text", "x")));
    values.put("an output value whose secret flag is a string", Wire.value(struct(Wire.SIG, OUTPUT, "value", "x",
        "secret", "yes")));
    values.put("a list holding a resource reference without id or URN", list(struct(Wire.SIG, REFERENCE)));
    values.put("an object holding a resource reference without id or URN",
        Wire.value(struct("inner", Wire.value(struct(Wire.SIG, REFERENCE)))));
    return values;
  }

  /** Values of the wrong shape or beyond the rules for a property of the given schema type. */
  private static List<Value> badValues(JsonObject property) {
    List<Value> values = new ArrayList<>(List.of(Wire.value(HUGE), Wire.value(Double.NaN),
        Wire.value(Double.POSITIVE_INFINITY), Wire.value(true), list(), Wire.value(struct("a", 1))));
    String type = property.has("type") ? property.get("type").getAsString() : property.get("$ref").getAsString();
    switch (type) {
      case "string" -> values.addAll(List.of(Wire.value(""), Wire.value(" "), Wire.value("exa mple..com."),
          Wire.value("\u0000\u001b[2J"), Wire.value("ｅｘａｍｐｌｅ.com"), Wire.value("127.0.0.1"), Wire.value("-x-.")));
      case "integer" -> values.addAll(List.of(Wire.value(-1), Wire.value(0), Wire.value(1.5), Wire.value(1e12),
          Wire.value(9_007_199_254_740_993.0)));
      case "array" -> values.addAll(List.of(list(""), list("mx..example.com"), list(HUGE), list("\"quoted\""),
          list("mailto:"), list("*.*.example.com"), list(7)));
      default -> values.addAll(List.of(Wire.value("Nope"), Wire.value("TESTING"), Wire.value("")));
    }
    return values;
  }

  @Test
  void malformedSpecialValuesInAnyInputAreRefusedNamingTheProperty() {
    List<String> wrong = new ArrayList<>();
    for (Target target : targets()) {
      for (String property : target.inputs().keySet()) {
        malformed().forEach((what, value) -> {
          Struct news = target.valid().toBuilder().putFields(property, value).build();
          String request = target.token() + " with " + property + " " + what;
          try {
            List<CheckFailure> failures = failures(target, news);
            if (failures.stream().noneMatch(failure -> failure.getProperty().equals(property))) {
              wrong.add(request + ": no failure of " + property + ": " + failures);
            }
          } catch (StatusRuntimeException e) {
            String description = String.valueOf(e.getStatus().getDescription());
            if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT || !description.startsWith(property)) {
              wrong.add(request + ": " + e.getStatus().getCode() + " " + description);
            }
          }
        });
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  @Test
  void everyFailureOfABadValueNamesItsPropertyAsTheSchemaSpellsItInABoundedMessage() {
    List<String> wrong = new ArrayList<>();
    for (Target target : targets()) {
      for (String property : target.inputs().keySet()) {
        List<Value> values = new ArrayList<>(badValues(target.inputs().getAsJsonObject(property)));
        values.addAll(SPECIFIC.getOrDefault(target.token(), Map.of()).getOrDefault(property, List.of()));
        for (Value value : values) {
          Struct news = target.valid().toBuilder().putFields(property, value).build();
          String request = target.token() + " with " + property + " " + excerpt(value.toString());
          List<CheckFailure> failures;
          try {
            failures = failures(target, news);
          } catch (StatusRuntimeException e) {
            wrong.add(request + ": " + e.getStatus().getCode() + " " + excerpt(String.valueOf(e.getStatus().getDescription())));
            continue;
          }
          for (CheckFailure failure : failures) {
            if (!namesProperty(failure.getReason(), failure.getProperty())) {
              wrong.add(request + ": the failure of " + failure.getProperty() + " does not name it: "
                  + excerpt(failure.getReason()));
            }
            if (failure.getReason().length() > MAX_MESSAGE) {
              wrong.add(request + ": the failure of " + failure.getProperty() + " has " + failure.getReason().length()
                  + " characters: " + excerpt(failure.getReason()));
            }
          }
        }
      }
    }
    assertEquals(List.of(), wrong.stream().distinct().toList(), String.join("\n", wrong.stream().distinct().toList()));
  }

  @Test
  void theValidInputsOfTheseTestsPassTheirChecks() {
    for (Target target : targets()) {
      if (VALID.containsKey(target.token()) && !target.function()) {
        assertEquals(List.of(), failures(target, target.valid()), target.token());
      }
    }
  }

  @Test
  void anUnknownPropertyOfAMillionCharactersIsNamedByAnExcerpt() {
    Struct news = VALID.get("mtasts:index:Policy").toBuilder().putFields(HUGE, Wire.value("x")).build();
    CheckResponse response = plugin.provider().check(CheckRequest.newBuilder()
        .setUrn("urn:pulumi:dev::mail::mtasts:index:Policy::p").setNews(news).build());
    assertEquals(1, response.getFailuresCount(), excerpt(response.toString()));
    assertTrue(response.getFailures(0).getReason().length() < MAX_MESSAGE, excerpt(response.getFailures(0).getReason()));
    assertTrue(response.getFailures(0).getReason().contains("hhhh"), excerpt(response.getFailures(0).getReason()));
  }

  @Test
  void aCaFileThatNeverEndsIsRefusedAtItsLimit() {
    // /dev/zero never ends, a directory is no file: both are refused before more than the
    // limit is read, so that no Check waits and no thread of the plugin keeps reading.
    for (String file : List.of("/dev/zero", "/")) {
      Map<String, String> failures = plugin.failures("urn:pulumi:dev::mail::mtasts:index:Verification::ca",
          VALID.get("mtasts:index:Verification").toBuilder().putFields("caFile", Wire.value(file)).build());
      assertEquals(List.of("caFile"), List.copyOf(failures.keySet()), failures.toString());
      assertTrue(failures.get("caFile").startsWith("caFile " + file + " is a "), failures.get("caFile"));
    }
    Map<String, String> config = failures(plugin.provider().checkConfig(CheckRequest.newBuilder()
        .setUrn("urn:pulumi:dev::mail::pulumi:providers:mtasts::default")
        .setNews(struct("verifyCaFile", "/dev/zero")).build()).getFailuresList());
    assertTrue(config.get("verifyCaFile").startsWith("verifyCaFile /dev/zero is a device"), config.toString());
  }

  @Test
  void anUpdateOrDeleteWhoseRecordedStateLacksWhatItNeedsNamesItAndTheFix() {
    String urn = "urn:pulumi:dev::mail::mtasts:aws:PolicySite::site";
    Struct news = plugin.checked(urn, VALID.get("mtasts:aws:PolicySite"));
    Struct complete = news.toBuilder().putFields("bucketRegion", Wire.value("us-east-1"))
        .putFields("policyUrl", Wire.value("https://mta-sts.example.com/.well-known/mta-sts.txt")).build();
    // What is broken, by the output the message must name.
    List<Map.Entry<String, Struct>> broken = List.of(
        Map.entry("bucketRegion", Struct.getDefaultInstance()),
        Map.entry("bucketRegion", complete.toBuilder().removeFields("bucketRegion").build()),
        Map.entry("bucketRegion", complete.toBuilder().putFields("bucketRegion", Wire.value(7)).build()),
        Map.entry("bucketName", complete.toBuilder().putFields("bucketName", list("a")).build()),
        Map.entry("oacId", complete.toBuilder().putFields("oacId", Wire.value(true)).build()));
    List<String> wrong = new ArrayList<>();
    broken.forEach(entry -> {
      String property = entry.getKey();
      Struct olds = entry.getValue();
      for (boolean delete : List.of(false, true)) {
        try {
          if (delete) {
            plugin.provider().delete(DeleteRequest.newBuilder().setUrn(urn).setId("mta-sts-example-com")
                .setProperties(olds).build());
          } else {
            plugin.provider().update(UpdateRequest.newBuilder().setUrn(urn).setId("mta-sts-example-com")
                .setOlds(olds).setNews(news).build());
          }
          wrong.add((delete ? "delete" : "update") + " without " + property + " succeeded");
        } catch (StatusRuntimeException e) {
          String description = String.valueOf(e.getStatus().getDescription());
          if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT || !description.contains(property)
              || !description.contains("pulumi refresh")) {
            wrong.add((delete ? "delete" : "update") + " with " + property + " broken: " + e.getStatus());
          }
        }
      }
    });
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  @Test
  void everyResourceRefusesAnUpdateOrDeleteOfAnIdThatIsNoneOfItsIdsNamingIt() {
    List<String> wrong = new ArrayList<>();
    for (Target target : targets()) {
      if (target.function()) {
        continue;
      }
      String urn = "urn:pulumi:dev::mail::" + target.token() + "::broken";
      try {
        plugin.provider().delete(DeleteRequest.newBuilder().setUrn(urn).setId("no such id").build());
      } catch (StatusRuntimeException e) {
        // Deleting what changes nothing outside the stack may succeed; a refusal names the id.
        if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT
            || !String.valueOf(e.getStatus().getDescription()).contains("'no such id'")) {
          wrong.add(target.token() + " delete: " + e.getStatus());
        }
      }
    }
    assertEquals(List.of(), wrong, String.join("\n", wrong));
  }

  @Test
  void aSecretInputIsMaskedInEveryFormAFailureDerivesFromIt() {
    // A token no message may show in any case: the secret part of every value below.
    String token = "S3cret" + Long.toHexString(Double.doubleToLongBits(Math.random())).toUpperCase();
    String lower = token.toLowerCase(java.util.Locale.ROOT);
    String longName = (token + "x").repeat(300 / (token.length() + 1) + 1) + ".example.com";
    // Trailing dots (dropped in the message's hint), upper case (folded when read), quotes (dropped
    // from a TXT value), surrounding spaces and a name too long to quote whole (an excerpt).
    List<Map.Entry<String, Struct>> requests = List.of(
        Map.entry("mtasts:aws:Certificate", struct("domain", Wire.secret("mta-sts." + token + ".Example.COM."))),
        Map.entry("mtasts:aws:Certificate", struct("domain", Wire.secret(" MTA-STS." + token.toUpperCase() + "..EXAMPLE.COM "))),
        Map.entry("mtasts:aws:Certificate", struct("domain", Wire.secret(longName))),
        Map.entry("mtasts:aws:Record", VALID.get("mtasts:aws:Record").toBuilder()
            .putFields("name", Wire.secret("_mta-sts." + token + ".Example.COM.")).build()),
        Map.entry("mtasts:aws:Record", VALID.get("mtasts:aws:Record").toBuilder()
            .putFields("values", Wire.secret(list("\"v=STSv1; id=" + token + "\""))).build()),
        Map.entry("mtasts:aws:Record", VALID.get("mtasts:aws:Record").toBuilder().putFields("type", Wire.value("CNAME"))
            .putFields("name", Wire.value("mta-sts.example.com"))
            .putFields("values", Wire.secret(list(token + ".CloudFront.NET."))).build()),
        Map.entry("mtasts:aws:PolicySite", VALID.get("mtasts:aws:PolicySite").toBuilder()
            .putFields("domain", Wire.secret(token + ".Example.COM.")).build()),
        Map.entry("mtasts:aws:PolicySite", VALID.get("mtasts:aws:PolicySite").toBuilder()
            .putFields("bucketName", Wire.secret("Bucket-" + token + ".")).build()));
    for (Map.Entry<String, Struct> request : requests) {
      CheckResponse response = plugin.provider().check(CheckRequest.newBuilder()
          .setUrn("urn:pulumi:dev::mail::" + request.getKey() + "::secret").setNews(request.getValue()).build());
      String text = response.toString();
      assertTrue(response.getFailuresCount() > 0 && text.contains("[secret]"), request + ": " + text);
      assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(lower), request + ": " + text);
    }
  }

  private static Map<String, String> failures(List<CheckFailure> failures) {
    Map<String, String> byProperty = new LinkedHashMap<>();
    failures.forEach(failure -> byProperty.put(failure.getProperty(), failure.getReason()));
    return byProperty;
  }

  private static List<CheckFailure> failures(Target target, Struct news) {
    if (target.function()) {
      return plugin.provider().invoke(InvokeRequest.newBuilder().setTok(target.token()).setArgs(news).build())
          .getFailuresList();
    }
    String urn = "urn:pulumi:dev::mail::" + target.token() + "::hostile";
    return plugin.provider().check(CheckRequest.newBuilder().setUrn(urn).setType(target.token()).setNews(news).build())
        .getFailuresList();
  }

  /** Whether a message names a property as a word of its own: maxAge, not max_age or maxAges. */
  private static boolean namesProperty(String message, String property) {
    return Pattern.compile("(?<![\\p{Alnum}_])" + Pattern.quote(property) + "(?![\\p{Alnum}_])").matcher(message).find();
  }

  private static String excerpt(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + " characters)";
  }
}
