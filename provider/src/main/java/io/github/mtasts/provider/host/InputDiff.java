package io.github.mtasts.provider.host;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pulumirpc.Provider.PropertyDiff;

/**
 * Compares recorded inputs with new inputs property by property: what the engine shows in a
 * preview and what decides between no-op, update and replacement.
 *
 * <p>Values are compared revealed, so wrapping a value in a secret is not a change by itself;
 * no value ever leaves this class, only property names and change kinds. A new value that is
 * not known yet counts as an update: it may differ once known.
 */
public final class InputDiff {

  private InputDiff() {}

  /**
   * Diffs two sets of inputs.
   *
   * @param olds the recorded inputs
   * @param news the new checked inputs (may hold unknowns)
   * @param replaceOnChange the properties whose change requires a replacement
   * @param ignored top-level properties to treat as unchanged (the ignoreChanges option)
   * @return the changes, in the order of the union of property names
   */
  public static DiffResult diff(PropertyMap olds, PropertyMap news, Set<String> replaceOnChange, Set<String> ignored) {
    Set<String> keys = new LinkedHashSet<>(olds.keys());
    keys.addAll(news.keys());
    Map<String, PropertyDiff.Kind> changes = new LinkedHashMap<>();
    for (String key : keys) {
      if (ignored.contains(key)) {
        continue;
      }
      boolean replace = replaceOnChange.contains(key);
      Optional<PropertyValue> before = olds.get(key);
      Optional<PropertyValue> after = news.get(key);
      if (before.isEmpty() && after.isPresent()) {
        changes.put(key, replace ? PropertyDiff.Kind.ADD_REPLACE : PropertyDiff.Kind.ADD);
      } else if (before.isPresent() && after.isEmpty()) {
        changes.put(key, replace ? PropertyDiff.Kind.DELETE_REPLACE : PropertyDiff.Kind.DELETE);
      } else if (before.isPresent()
          && (after.get().containsUnknowns() || !before.get().reveal().equals(after.get().reveal()))) {
        changes.put(key, replace ? PropertyDiff.Kind.UPDATE_REPLACE : PropertyDiff.Kind.UPDATE);
      }
    }
    return new DiffResult(changes, false);
  }
}
