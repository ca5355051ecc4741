package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.CloudflareLab;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stack run with the real Pulumi CLI against a {@link CloudflareLab}, as the Cloudflare
 * end-to-end tests share it: the commands and what they showed, the API token given to the
 * stack as a user pastes it, and the checks that it shows nowhere (no command output, no state,
 * no file of the project or the backend), as given, stripped or in lower case.
 */
final class CloudflareStack {

  /** Every command starts JVMs (program, plugin) and may run verifications: generous, bounded. */
  static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
  /** The token as a user pastes it, white space around it. */
  static final String PASTED_TOKEN = "  " + CloudflareLab.TOKEN + " ";

  private final Stack stack;
  private final Path work;

  private CloudflareStack(Stack stack, Path work) {
    this.stack = stack;
    this.work = work;
  }

  /**
   * Prepares a project whose Pulumi.yaml is given, with the account id in the environment (the
   * provider's fallback CLOUDFLARE_ACCOUNT_ID) and the token in the stack as a secret.
   *
   * @param pulumiBin the Pulumi binaries
   * @param work the test's scratch directory
   * @param projectFile the text of Pulumi.yaml
   * @param lab the laboratory
   * @return the stack, initialised
   * @throws IOException when the project cannot be written
   */
  static CloudflareStack init(Path pulumiBin, Path work, String projectFile, CloudflareLab lab)
      throws IOException {
    Stack stack = Stack.create(pulumiBin, Repository.root(), work, projectFile, COMMAND_TIMEOUT,
        Map.of("CLOUDFLARE_ACCOUNT_ID", CloudflareLab.ACCOUNT));
    stack.ok("config", "set", "--secret", "mtasts:cloudflareApiToken", PASTED_TOKEN);
    stack.ok("config", "set", "mtasts:cloudflareApiBaseUrl", lab.api().baseUrl());
    stack.ok("config", "set", "mtasts:verifyResolver", lab.resolver());
    stack.ok("config", "set", "mtasts:verifyCaFile", lab.caFile().toString());
    return new CloudflareStack(stack, work);
  }

  /** {@link Stack#ok}. */
  CommandResult ok(String... args) {
    return stack.ok(args);
  }

  /** {@link Stack#fails}. */
  CommandResult fails(String... args) {
    return stack.fails(args);
  }

  /** {@link Stack#configurePages}. */
  void configurePages(String domain, String mx, String rua, String repository, int httpsPort,
      int smtpPort) {
    stack.configurePages(domain, mx, rua, repository, httpsPort, smtpPort);
  }

  /** {@link Stack#adopt}. */
  void adopt(Path importFile, Map<String, String> ids) throws IOException {
    stack.adopt(importFile, ids);
  }

  /** {@link Stack#outputs}. */
  JsonObject outputs() {
    return stack.outputs();
  }

  /** {@link Stack#resources}. */
  JsonArray resources() {
    return stack.resources();
  }

  /**
   * Previews the next update, as a user does ({@code --diff}) and as JSON, and checks that the
   * previews changed nothing at Cloudflare: the fake received reads only.
   *
   * @param lab the laboratory
   * @return the JSON preview
   */
  JsonObject previewChangingNothing(CloudflareLab lab) {
    int before = lab.api().requests().size();
    ok("preview", "--diff");
    JsonObject preview = JsonParser.parseString(ok("preview", "--json").stdout()).getAsJsonObject();
    List<String> requests = lab.api().requests();
    assertEquals(List.of(), requests.subList(before, requests.size()).stream()
        .filter(r -> !r.startsWith("GET ")).toList(), "a preview changes nothing at Cloudflare");
    return preview;
  }

  /**
   * The token in none of its forms (as given, stripped, in any case) in any command's output so
   * far, in the exported state, or in any file of the project, the backend and the Pulumi home.
   */
  void assertTokenNowhere() throws IOException {
    assertSecretNowhere(CloudflareLab.TOKEN);
  }

  /**
   * Another secret given to the stack (another cloud's token) nowhere, as {@link
   * #assertTokenNowhere} checks the Cloudflare token.
   *
   * @param secret the secret, as the service takes it
   */
  void assertSecretNowhere(String secret) throws IOException {
    stack.assertSecretNowhere(secret, work);
  }

  /**
   * RFC 8461 §3.1: senders fetch the policy when the id changes, so the new body was served while
   * the record still announced the old id.
   *
   * @param observations every observation of the test
   * @param since how many there were before the update
   * @param next the new policy
   * @param previous the policy before the update
   */
  static void assertServedBeforeTheIdChanged(List<Observation> observations, int since, Policy next,
      Policy previous) {
    Observation first = observations.subList(since, observations.size()).stream()
        .filter(o -> o.body().equals(next.render())).findFirst()
        .orElseThrow(() -> new AssertionError("the new body was never served: " + observations));
    assertEquals(Optional.of("\"v=STSv1; id=" + previous.id().value() + "\""), first.stsTxt(),
        observations.toString());
  }

  /** The content of a TXT record as the fake holds it (quoted), if there is one. */
  static Optional<String> txt(CloudflareLab lab, String domain, String name) {
    return lab.api().records(lab.zoneId(domain)).stream()
        .filter(r -> r.name().equals(name) && r.type().equals("TXT"))
        .map(r -> r.content()).findFirst();
  }
}
