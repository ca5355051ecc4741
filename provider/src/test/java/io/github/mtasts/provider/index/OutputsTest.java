package io.github.mtasts.provider.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.RecordingLog;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The outputs the index resources return are the ones the schema declares, nested types included. */
class OutputsTest {

  private static final JsonObject SCHEMA = JsonParser.parseString(Schema.json("1.2.3")).getAsJsonObject();
  private static final String URN = "urn:pulumi:d::p::t::n";

  private static Set<String> declared(String section, String token, String member) {
    return SCHEMA.getAsJsonObject(section).getAsJsonObject(token).getAsJsonObject(member).keySet();
  }

  @Test
  void aPolicyReturnsTheDeclaredOutputs() {
    PropertyMap inputs = PropertyMap.builder().put("mode", "testing").put("mx", PropertyValue.ofTexts(List.of("mx.example.com")))
        .put("maxAge", PropertyValue.of(604800)).put("rua", PropertyValue.ofTexts(List.of("mailto:r@example.com"))).build();
    PropertyMap outputs = new PolicyResource().create(new RecordingLog().context(URN, false), inputs).outputs();
    assertEquals(declared("resources", PolicyResource.TOKEN, "properties"), outputs.keys());
  }

  @Test
  void aVerificationReturnsTheDeclaredOutputsAndTypes() {
    Report report = new Report("example.com", Scope.ALL,
        List.of(Check.builder("sts-txt", Check.Severity.PASS).message("ok").build()), Duration.ZERO, Optional.empty());
    PropertyMap all = PropertyMap.builder().put("domain", "example.com").put("expectedPolicy", "version: STSv1\r\nmode: none\r\nmax_age: 1\r\n")
        .put("expectedId", "a1").put("resolver", "system").put("httpsPort", PropertyValue.of(443)).put("smtpPort", PropertyValue.of(25))
        .put("triggers", "t").build();
    PropertyMap checked = new VerificationResource().check(PropertyMap.empty(), all).inputs();
    PropertyMap outputs = new VerificationResource((in, config) -> report, Duration.ZERO)
        .create(new RecordingLog().context(URN, false), checked).outputs();
    assertEquals(declared("resources", VerificationResource.TOKEN, "properties").stream().filter(k -> !k.equals("caFile"))
        .collect(Collectors.toSet()), outputs.keys());
    PropertyMap check = (PropertyMap) ((PropertyValue.Array) outputs.get("checks").orElseThrow()).elements().get(0);
    assertEquals(declared("types", "mtasts:index:VerificationCheck", "properties"), check.keys());
    assertEquals(declared("types", "mtasts:index:VerificationSummary", "properties"),
        ((PropertyMap) outputs.get("summary").orElseThrow()).keys());
  }
}
