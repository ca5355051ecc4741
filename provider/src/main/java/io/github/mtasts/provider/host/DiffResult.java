package io.github.mtasts.provider.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulumirpc.Provider.PropertyDiff;

/**
 * The difference between a resource's recorded inputs and its new inputs, property by property.
 *
 * @param changes the changed top-level properties and how each changed
 * @param deleteBeforeReplace whether a replacement must delete the old resource first
 */
public record DiffResult(Map<String, PropertyDiff.Kind> changes, boolean deleteBeforeReplace) {

  /** Copies the changes, keeping their order. */
  public DiffResult {
    changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }

  /**
   * Whether anything changed.
   *
   * @return true when an update or a replacement is needed
   */
  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /**
   * The properties whose change requires a replacement.
   *
   * @return the property names
   */
  public List<String> replaces() {
    return changes.entrySet().stream()
        .filter(change -> switch (change.getValue()) {
          case ADD_REPLACE, DELETE_REPLACE, UPDATE_REPLACE -> true;
          default -> false;
        })
        .map(Map.Entry::getKey)
        .toList();
  }
}
