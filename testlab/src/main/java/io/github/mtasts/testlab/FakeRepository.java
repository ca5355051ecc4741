package io.github.mtasts.testlab;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One repository of {@link FakeGitHubApi}: its identity and settings, its branches, its Git
 * objects and its Pages site. Guarded by the fake's lock, like all of its state.
 */
final class FakeRepository {
  final String owner;
  final String name;
  final long id;
  final Instant created = Instant.now();
  final Map<String, String> branches = new LinkedHashMap<>();
  final FakeGitObjects objects = new FakeGitObjects();
  boolean isPrivate;
  String description;
  String defaultBranch;
  FakePagesSite pages;

  FakeRepository(String owner, String name, long id) {
    this.owner = owner;
    this.name = name;
    this.id = id;
  }

  /** {@code owner/name}, as GitHub spells it. */
  String fullName() {
    return owner + "/" + name;
  }
}
