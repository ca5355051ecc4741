package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checked inputs decoded into a record, by component name and type. */
class InputRecordTest {

  enum Scope { ALL, POLICY_HOST }

  record Inputs(String domain, Scope scope, Duration timeout, long ttl, Optional<Integer> port,
      Optional<List<String>> mx, Optional<PropertyValue> triggers) {}

  @Test
  void eachComponentTakesTheInputOfItsName() {
    Inputs inputs = InputRecord.decode(PropertyMap.builder()
        .put("domain", "example.com")
        .put("scope", "policy-host")
        .put("timeout", PropertyValue.of(600))
        .put("ttl", PropertyValue.of(300))
        .put("mx", PropertyValue.ofTexts(List.of("mx1.example.com")))
        .put("triggers", PropertyValue.of(true))
        .put("__defaults", PropertyValue.ofTexts(List.of()))
        .build(), Inputs.class);
    assertEquals(new Inputs("example.com", Scope.POLICY_HOST, Duration.ofMinutes(10), 300, Optional.empty(),
        Optional.of(List.of("mx1.example.com")), Optional.of(PropertyValue.of(true))), inputs);
    assertEquals(List.of("domain", "scope", "timeout", "ttl", "port", "mx", "triggers"), InputRecord.names(Inputs.class));
  }

  @Test
  void inputsThatWereNotCheckedAreABug() {
    PropertyMap missing = PropertyMap.builder().put("scope", "all").build();
    assertTrue(assertThrows(IllegalStateException.class, () -> InputRecord.decode(missing, Inputs.class))
        .getMessage().contains("domain"));
    PropertyMap unknown = PropertyMap.builder().put("domain", PropertyValue.UNKNOWN).put("scope", "all")
        .put("timeout", PropertyValue.of(1)).put("ttl", PropertyValue.of(1)).build();
    assertTrue(assertThrows(IllegalStateException.class, () -> InputRecord.decode(unknown, Inputs.class))
        .getMessage().contains("not known yet"));
    assertTrue(assertThrows(IllegalStateException.class, () -> InputRecord.constant(Scope.class, "everything"))
        .getMessage().contains("everything"));
  }
}
