package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.PropertyDiff.Kind;

/** Property-level diffs and their kinds. */
class InputDiffTest {

  private static final PropertyMap OLD = PropertyMap.builder().put("a", "1").put("b", "2").put("c", "3").build();

  @Test
  void namesEachChangeWithItsKind() {
    PropertyMap news = PropertyMap.builder().put("a", "1").put("b", "changed").put("d", "new").build();
    DiffResult diff = InputDiff.diff(OLD, news, Set.of(), Set.of());
    assertEquals(Map.of("b", Kind.UPDATE, "c", Kind.DELETE, "d", Kind.ADD), diff.changes());
    assertEquals(List.of(), diff.replaces());
  }

  @Test
  void replaceOnChangePropertiesUseTheReplaceKinds() {
    PropertyMap news = PropertyMap.builder().put("a", "x").put("b", "2").put("d", "new").build();
    DiffResult diff = InputDiff.diff(OLD, news, Set.of("a", "c", "d"), Set.of());
    assertEquals(Map.of("a", Kind.UPDATE_REPLACE, "c", Kind.DELETE_REPLACE, "d", Kind.ADD_REPLACE), diff.changes());
    assertEquals(Set.of("a", "c", "d"), Set.copyOf(diff.replaces()));
  }

  @Test
  void anUnknownNewValueIsAnUpdateAndIgnoredPropertiesAreNot() {
    PropertyMap news = OLD.toBuilder().put("a", PropertyValue.UNKNOWN).put("b", "changed").build();
    assertEquals(Map.of("a", Kind.UPDATE), InputDiff.diff(OLD, news, Set.of(), Set.of("b")).changes());
  }

  @Test
  void wrappingInASecretIsNoChange() {
    PropertyMap news = OLD.toBuilder().put("a", new PropertyValue.Secret(PropertyValue.of("1"))).build();
    assertFalse(InputDiff.diff(OLD, news, Set.of(), Set.of()).hasChanges());
  }
}
