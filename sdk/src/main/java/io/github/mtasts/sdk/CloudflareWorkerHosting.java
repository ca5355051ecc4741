package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.sdk.cloudflare.PolicyWorker;
import io.github.mtasts.sdk.cloudflare.PolicyWorkerArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The policy served by a Cloudflare Worker: a {@link PolicyWorker} puts the body into a Worker
 * script and attaches {@code mta-sts.<domain>} to it as a Workers custom domain, for which
 * Cloudflare makes the DNS record and the certificate; so it asks the component's DNS for no
 * record, and needs the domain's zone on Cloudflare. Components that name the same script share
 * one Worker, each with its own domain's body.
 */
final class CloudflareWorkerHosting implements Hosting {
  /** The script every component shares unless told otherwise: a fleet is one Worker. */
  static final String DEFAULT_SCRIPT = "mtasts-policy";
  /** The API description's {@code script_name}: {@code ^[a-z0-9_][a-z0-9-_]*$}, here at most 63. */
  private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9_][a-z0-9-_]{0,62}");

  private final Optional<String> scriptName;

  /**
   * Checks the script name with the rule the provider applies too.
   *
   * @param scriptName the script's name, or empty for {@value #DEFAULT_SCRIPT}
   * @throws InvalidInputException when it cannot be a Worker script's name
   */
  CloudflareWorkerHosting(Optional<String> scriptName) {
    this.scriptName = Objects.requireNonNull(scriptName, "scriptName");
    scriptName.filter(name -> !SCRIPT_NAME.matcher(name).matches()).ifPresent(name -> {
      throw new InvalidInputException(List.of(Problem.error("hosting", 0, name,
          "MtaStsArgs.hosting: Worker script name '" + name + "' is not one: use 1 to 63"
              + " lower-case letters, digits, '-' and '_', not starting with '-', such as "
              + DEFAULT_SCRIPT + ".")));
    });
  }

  @Override
  public HostedSite declare(SiteRequest request) {
    // incompatibility() let only Cloudflare DNS through: the custom domain is in its zone.
    CloudflareDns dns = (CloudflareDns) request.dns();
    var worker = new PolicyWorker(request.resourceName("worker"), PolicyWorkerArgs.builder()
        .scriptName(scriptName.orElse(DEFAULT_SCRIPT))
        .zoneId(dns.zoneId(request.options()))
        .domain(request.domain())
        .policy(request.policyBody())
        .build(), request.options(request.policy()));
    return new HostedSite(worker.policyUrl(), List.of(worker));
  }

  @Override
  public Optional<String> incompatibility(Dns dns) {
    if (dns instanceof CloudflareDns) {
      return Optional.empty();
    }
    return Optional.of("a Worker answers for mta-sts.<domain> as a Workers custom domain, for"
        + " which Cloudflare makes the DNS record and the certificate, so the domain's zone must"
        + " be on Cloudflare. Use Dns.cloudflare(\"<zone id or name>\"), or serve the policy with"
        + " Hosting.s3CloudFront() from this DNS.");
  }

  @Override
  public String describe() {
    return scriptName.map(name -> "Hosting.cloudflareWorker(\"" + name + "\")")
        .orElse("Hosting.cloudflareWorker()");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CloudflareWorkerHosting hosting && hosting.scriptName.equals(scriptName);
  }

  @Override
  public int hashCode() {
    return scriptName.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
