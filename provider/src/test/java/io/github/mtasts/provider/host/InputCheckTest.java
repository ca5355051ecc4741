package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the schema says, checked by {@link InputCheck} before a resource's own rules. */
class InputCheckTest {

  private static final InputSchema SITE = PackageSchema.parse("""
      {"types": {"t:m:Color": {"type": "string", "enum": [{"value": "red"}, {"value": "dark-blue"}]}},
       "resources": {"t:m:Site": {
         "inputProperties": {
           "name": {"type": "string"},
           "color": {"$ref": "#/types/t:m:Color", "default": "red"},
           "ttl": {"type": "integer", "default": 300},
           "hosts": {"type": "array", "items": {"type": "string"}},
           "enabled": {"type": "boolean"},
           "extra": {"$ref": "pulumi.json#/Any"}},
         "requiredInputs": ["name", "hosts"]}}}
      """).resource("t:m:Site");

  private static Map<String, String> failures(PropertyMap inputs) {
    return new InputCheck(SITE, inputs).failures().stream()
        .collect(Collectors.toMap(CheckResult.Failure::property, CheckResult.Failure::reason));
  }

  @Test
  void eachPropertyGetsOneSentenceNamingWhatIsWrong() {
    Map<String, String> failures = failures(PropertyMap.builder()
        .put("color", "green")
        .put("ttl", PropertyValue.of(1.5))
        .put("hosts", new PropertyValue.Array(List.of(PropertyValue.of("a"), PropertyValue.of(7))))
        .put("enabled", "yes")
        .put("colour", "red")
        .build());
    assertEquals(Map.of(
        "name", "name is required",
        "color", "color must be one of dark-blue, red, got 'green'",
        "ttl", "ttl must be a whole number, got 1.5",
        "hosts", "hosts[1] must be a string, got a number",
        "enabled", "enabled must be true or false, got a string",
        "colour", "colour is not a property of this resource; the properties are: name, color, ttl, hosts, enabled, extra"),
        failures);
  }

  @Test
  void aWordInTheWrongCaseIsNamedInTheRightOne() {
    assertEquals("color must be one of dark-blue, red, got 'Dark-Blue'; the values are case-sensitive: write \"dark-blue\"",
        failures(PropertyMap.builder().put("name", "n").put("hosts", PropertyValue.ofTexts(List.of()))
            .put("color", "Dark-Blue").build()).get("color"));
  }

  @Test
  void defaultsApplyToWhatIsNotSetAndUnknownsWaitForTheirValue() {
    InputCheck check = new InputCheck(SITE, PropertyMap.builder()
        .put("name", PropertyValue.UNKNOWN)
        .put("hosts", new PropertyValue.Array(List.of(PropertyValue.UNKNOWN)))
        .put("ttl", PropertyValue.NULL)
        .put("extra", PropertyValue.of(true))
        .put("__defaults", PropertyValue.ofTexts(List.of()))
        .build());
    assertEquals(List.of(), check.failures());
    assertEquals(Optional.of(PropertyValue.of("red")), check.inputs().get("color"));
    assertEquals(Optional.of(PropertyValue.of(300)), check.inputs().get("ttl"));
    assertEquals(Optional.of(300L), check.wholeNumber("ttl"));
    assertEquals(Optional.empty(), check.text("name"), "an unknown value is not read");
    assertFalse(check.texts("hosts").isPresent());
  }

  @Test
  void aResourceRuleReadsOnlyValuesThatPassedTheSchemaAndKeepsTheFirstFailure() {
    InputCheck check = new InputCheck(SITE, PropertyMap.builder().put("name", PropertyValue.of(3))
        .put("hosts", PropertyValue.ofTexts(List.of("a"))).put("ttl", PropertyValue.of(-1)).build());
    assertEquals(Optional.empty(), check.text("name"));
    check.fail("name", "a second reason");
    assertEquals(Optional.empty(), check.integer("ttl", 0, 86400, "seconds"));
    assertEquals(Map.of("name", "name must be a string, got a number",
        "ttl", "ttl must be a whole number of seconds from 0 to 86400, got -1"),
        check.failures().stream().collect(Collectors.toMap(CheckResult.Failure::property, CheckResult.Failure::reason)));
  }
}
