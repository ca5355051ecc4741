package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mx patterns of a policy indexed by name, so that the patterns covering a host are found in
 * two lookups instead of one comparison per pattern. RFC 8461 §4.1 leaves a host at most two
 * patterns that can cover it: its own name, and the wildcard one label above it ({@code
 * *.example.com} for {@code mx.example.com}); a policy may list thousands of patterns (a 64 KiB
 * body holds about 8,000), and comparing each with each costs their square.
 */
final class MxIndex {
  private final Map<String, MxPattern> names = new HashMap<>();
  // Keyed by the domain after "*.": "example.com" for *.example.com.
  private final Map<String, MxPattern> wildcards = new HashMap<>();

  MxIndex(Collection<MxPattern> patterns) {
    for (MxPattern pattern : patterns) {
      String text = pattern.toString();
      if (pattern.isWildcard()) {
        wildcards.putIfAbsent(text.substring(2), pattern);
      } else {
        names.putIfAbsent(text, pattern);
      }
    }
  }

  /**
   * The patterns that cover an MX host name, in their sort order (a wildcard sorts first).
   *
   * @param mxHost a host name from an MX record, in any case, with or without the trailing dot
   * @return at most two patterns; none for a name that is no host name
   */
  List<MxPattern> covering(String mxHost) {
    List<MxPattern> covering = new ArrayList<>(2);
    MxPattern.canonicalHost(mxHost).ifPresent(host -> {
      wildcardAbove(host).ifPresent(covering::add);
      Optional.ofNullable(names.get(host)).ifPresent(covering::add);
    });
    covering.sort(null);
    return covering;
  }

  /**
   * The wildcard pattern that covers every host a name pattern matches, if the policy has one.
   *
   * @param pattern a pattern that is not a wildcard
   * @return {@code *.example.com} for {@code mx.example.com}, or empty
   */
  Optional<MxPattern> wildcardCovering(MxPattern pattern) {
    return pattern.isWildcard() ? Optional.empty() : wildcardAbove(pattern.toString());
  }

  /** RFC 8461 §4.1: a wildcard stands for exactly one left-most label of a host name. */
  private Optional<MxPattern> wildcardAbove(String host) {
    int dot = host.indexOf('.');
    return dot <= 0 ? Optional.empty() : Optional.ofNullable(wildcards.get(host.substring(dot + 1)));
  }
}
