package io.github.mtasts.testlab;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The users, organisations and tokens of {@link FakeGitHubApi}, and who may do what: a user
 * administers the repositories of their own account and of the organisations they belong to
 * ("Repository roles for an organization": members here are owners); anyone may read a public
 * repository. Guarded by the fake's lock.
 */
final class FakeGitHubAccounts {

  /** A user or an organisation. */
  static final class Account {
    final String login;
    final long id;
    final boolean organization;
    final Set<String> members = new HashSet<>();
    boolean paidPlan;
    String defaultBranch = "main";

    Account(String login, long id, boolean organization) {
      this.login = login;
      this.id = id;
      this.organization = organization;
    }
  }

  /**
   * A token of a user: with {@code permissions} null it may do everything (a classic token with
   * every scope); else it is a fine-grained token with these repository permissions.
   */
  record Token(String login, Set<String> permissions) {}

  private final AtomicLong ids;
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();

  FakeGitHubAccounts(AtomicLong ids) {
    this.ids = ids;
  }

  void user(String login) {
    accounts.put(key(login), new Account(login, ids.incrementAndGet(), false));
  }

  void organization(String login, String... members) {
    Account org = new Account(login, ids.incrementAndGet(), true);
    for (String member : members) {
      org.members.add(key(member));
    }
    accounts.put(key(login), org);
  }

  void token(String login, String secret, String... permissions) {
    account(login);
    tokens.put(secret, new Token(login, permissions.length == 0 ? null : Set.of(permissions)));
  }

  /** The token a secret stands for. */
  Optional<Token> token(String secret) {
    return Optional.ofNullable(tokens.get(secret));
  }

  /** An account that must exist. */
  Account account(String login) {
    Account account = accounts.get(key(login));
    if (account == null) {
      throw new IllegalArgumentException("no account " + login + " in the fake: add it first");
    }
    return account;
  }

  /** An account, if it exists. */
  Optional<Account> find(String login) {
    return Optional.ofNullable(accounts.get(key(login)));
  }

  boolean isAdmin(Token token, FakeRepository repo) {
    Account owner = account(repo.owner);
    return owner.organization ? owner.members.contains(key(token.login()))
        : owner.login.equalsIgnoreCase(token.login());
  }

  boolean canRead(Token token, FakeRepository repo) {
    return !repo.isPrivate || isAdmin(token, repo);
  }

  /** users/get-authenticated: GET /user; 200 with the login. */
  FakeGitHubReply authenticated(Token token) {
    Account user = account(token.login());
    JsonObject json = new JsonObject();
    json.addProperty("login", user.login);
    json.addProperty("id", user.id);
    json.addProperty("type", "User");
    return FakeGitHubReply.of(200, json);
  }

  /** Logins and repository names are compared without regard to case, as GitHub does. */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
