package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.verify.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inputs read from a package schema. */
class PackageSchemaTest {

  private static final PackageSchema SCHEMA = PackageSchema.parse("""
      {"config": {"variables": {"token": {"type": "string", "secret": true,
                                          "defaultInfo": {"environment": ["TOKEN", "OLD_TOKEN"]}}}},
       "types": {"t:m:Kind": {"type": "string", "enum": [{"value": "TXT"}, {"value": "CNAME"}]}},
       "resources": {"t:m:Record": {
         "inputProperties": {
           "zone": {"type": "string", "replaceOnChanges": true},
           "kind": {"$ref": "#/types/t:m:Kind", "replaceOnChanges": true},
           "ttl": {"type": "integer", "default": 300},
           "values": {"type": "array", "items": {"type": "string"}},
           "triggers": {"$ref": "pulumi.json#/Any"}},
         "requiredInputs": ["zone", "kind", "values"]}},
       "functions": {"t:m:look": {"inputs": {"properties": {"domain": {"type": "string"}}, "required": ["domain"]}}}}
      """);

  @Test
  void aResourcesInputsKeepTheirOrderTypesEnumsDefaultsAndRequiredness() {
    InputSchema record = SCHEMA.resource("t:m:Record");
    assertEquals(List.of("zone", "kind", "ttl", "values", "triggers"), record.names());
    PropertySchema kind = record.property("kind").orElseThrow();
    assertEquals(PropertySchema.Type.STRING, kind.type());
    assertEquals(List.of("TXT", "CNAME"), kind.enumValues());
    assertEquals(Optional.of(PropertyValue.of(300)), record.property("ttl").orElseThrow().defaultValue());
    assertEquals(PropertySchema.Type.STRING, record.property("values").orElseThrow().items().orElseThrow().type());
    assertEquals(PropertySchema.Type.ANY, record.property("triggers").orElseThrow().type());
    assertTrue(record.required("values"));
    assertEquals(Set.of("zone", "kind"), record.replaceOnChanges());
  }

  @Test
  void functionsAndSettingsAreReadToo() {
    assertTrue(SCHEMA.function("t:m:look").required("domain"));
    PropertySchema token = SCHEMA.config().property("token").orElseThrow();
    assertTrue(token.secret());
    assertEquals(List.of("TOKEN", "OLD_TOKEN"), token.environment());
  }

  @Test
  void whatTheSchemaDoesNotDeclareIsNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SCHEMA.resource("t:m:Nope")).getMessage().contains("t:m:Nope"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PackageSchema.parse("""
        {"resources": {"t:m:R": {"inputProperties": {"x": {"$ref": "#/types/t:m:Missing"}}}}}
        """)).getMessage().contains("#/types/t:m:Missing"));
  }

  @Test
  void thePackagesSchemaDeclaresTheEnumsItsInputRecordsUse() {
    assertEquals(List.of("TXT", "CNAME"),
        Schema.model().resource("mtasts:aws:Record").property("type").orElseThrow().enumValues());
    assertEquals(List.of("enforce", "testing", "none"),
        Schema.model().resource("mtasts:index:Policy").property("mode").orElseThrow().enumValues());
  }

  @Test
  void theSchemasVerificationScopeListsTheVerifiersScopeWordsNoMoreNoLess() {
    // Scope is the one place of the words; the enum mtasts:index:VerificationScope repeats them
    // for the SDKs, and every input that takes a scope refers to it.
    Set<String> words = Set.copyOf(Scope.words());
    assertEquals(words, Set.copyOf(Schema.model().resource("mtasts:index:Verification").property("scope")
        .orElseThrow().enumValues()));
    assertEquals(Scope.words().size(), Schema.model().resource("mtasts:index:Verification").property("scope")
        .orElseThrow().enumValues().size(), "no word twice");
  }
}
