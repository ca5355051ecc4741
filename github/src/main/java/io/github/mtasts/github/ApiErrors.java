package io.github.mtasts.github;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns GitHub's error answers into exceptions whose message says what to do. */
final class ApiErrors {

  private ApiErrors() {}

  /** A failure with the advice that fits the status ("Troubleshooting the REST API"). */
  static GitHubException failure(ApiCall call, ApiResponse response) {
    return failure(call, response, defaultAdvice(response));
  }

  /** A failure with the caller's advice. */
  static GitHubException failure(ApiCall call, ApiResponse response, String advice) {
    return new GitHubException(describe(call, response) + (advice.isEmpty() ? "" : "; " + advice)
        + requestIdSuffix(response), response.status(), response.header("x-github-request-id")
        .orElse(null), response.status() >= 500 && !call.idempotent(), null);
  }

  /** "OPERATION failed: GitHub answered STATUS: MESSAGE (validation errors)". */
  static String describe(ApiCall call, ApiResponse response) {
    StringBuilder text = new StringBuilder(call.operation()).append(" failed: GitHub answered ")
        .append(response.status());
    String message = response.message();
    if (!message.isEmpty()) {
      text.append(": ").append(message);
    }
    // validation-error: errors[] with code, field and message ("Troubleshooting the REST API",
    // "Validation Failed").
    List<String> details = new ArrayList<>();
    JsonElement errors = response.object().get("errors");
    if (errors != null && errors.isJsonArray()) {
      for (JsonElement error : errors.getAsJsonArray()) {
        if (error.isJsonObject()) {
          var object = error.getAsJsonObject();
          details.add(Json.string(object, "message").orElseGet(() ->
              Json.string(object, "field").orElse("?") + " " + Json.string(object, "code")
                  .orElse("invalid")));
        } else if (error.isJsonPrimitive()) {
          details.add(error.getAsString());
        }
      }
    }
    if (!details.isEmpty()) {
      text.append(" (").append(String.join("; ", details)).append(')');
    }
    return text.toString();
  }

  static String requestIdSuffix(ApiResponse response) {
    return response.header("x-github-request-id").map(id -> " (request id " + id + ")")
        .orElse("");
  }

  private static String defaultAdvice(ApiResponse response) {
    switch (response.status()) {
      case 401:
        return "GitHub does not accept the token: it is wrong, expired or revoked; create a new"
            + " one with the permissions the README lists and set mtasts:githubToken";
      case 403:
      case 404:
        String permissions = permissionAdvice(response);
        if (!permissions.isEmpty()) {
          return permissions;
        }
        return response.status() == 404
            ? "it does not exist, or the token cannot see it (GitHub answers 404 rather than 403"
                + " for what a token may not read): check the names and the token's repository"
                + " access"
            : "the token's owner lacks the right to do this: it needs admin rights on the"
                + " repository (and, for an organisation, the right to create repositories)";
      default:
        return "";
    }
  }

  /**
   * Names what the token lacks, from {@code x-accepted-github-permissions} (fine-grained tokens
   * and apps: "Troubleshooting the REST API", "Resource not accessible") or
   * {@code x-accepted-oauth-scopes} (classic tokens).
   */
  static String permissionAdvice(ApiResponse response) {
    boolean notAccessible = response.message().toLowerCase(Locale.ROOT)
        .contains("resource not accessible");
    String accepted = response.header("x-accepted-github-permissions").orElse("");
    if (!accepted.isBlank() && (notAccessible || response.status() == 403)) {
      List<String> alternatives = new ArrayList<>();
      for (String set : accepted.split(";")) {
        List<String> each = new ArrayList<>();
        for (String permission : set.split(",")) {
          String[] parts = permission.strip().split("=", 2);
          if (parts.length == 2) {
            each.add("\"" + displayName(parts[0]) + ": "
                + ("write".equals(parts[1]) ? "Read and write" : "Read-only") + "\"");
          }
        }
        alternatives.add(String.join(" and ", each));
      }
      return "the token lacks a permission: this call needs the repository permission "
          + String.join(", or ", alternatives) + "; grant it to the fine-grained token for this"
          + " repository (or use a token that has it)";
    }
    String scopes = response.header("x-accepted-oauth-scopes").orElse("");
    if (!scopes.isBlank() && response.status() == 403) {
      return "the token lacks a scope: this call accepts the scopes " + scopes
          + " (the token has: " + response.header("x-oauth-scopes").orElse("none") + ")";
    }
    return "";
  }

  /** {@code pull_requests} becomes {@code Pull requests}, as the token settings page says. */
  private static String displayName(String permission) {
    String words = permission.strip().replace('_', ' ');
    return words.isEmpty() ? words
        : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
