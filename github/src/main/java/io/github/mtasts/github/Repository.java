package io.github.mtasts.github;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * What this package reads of a repository ("Get a repository", schema {@code full-repository}):
 * enough to decide whether it can serve a policy site and whether it may be adopted.
 *
 * @param name owner and name, as GitHub spells them
 * @param defaultBranch the branch Pages publishes from, e.g. {@code main}
 * @param isPrivate whether the repository is private (Pages then needs a paid plan)
 * @param archived whether the repository is archived (read-only)
 * @param admin whether the token's owner has admin rights on it (needed to configure Pages)
 * @param description the repository's description, if it has one
 */
public record Repository(RepositoryName name, String defaultBranch, boolean isPrivate,
    boolean archived, boolean admin, Optional<String> description) {

  static Repository fromJson(JsonObject json, String operation) {
    String fullName = Json.required(json, "full_name", operation);
    return new Repository(RepositoryName.parse(fullName),
        Json.required(json, "default_branch", operation),
        Json.bool(json, "private"),
        Json.bool(json, "archived"),
        Json.bool(Json.object(json, "permissions"), "admin"),
        Json.string(json, "description"));
  }
}
