package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;
import java.util.Optional;

/**
 * Where an {@link MtaSts} component serves the policy file
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3): a web host with a
 * certificate valid for {@code mta-sts.<domain>} that answers without redirects.
 *
 * <p>A hosting is a strategy the component calls: {@link #declare} declares the site for the
 * domain and the body, and asks the component's DNS (through the {@link SiteRequest}) for the
 * records it needs there, such as the {@code mta-sts} host name pointing at the site and the
 * record that validates its certificate, or manages that name itself. Another hosting is another
 * implementation of this interface, with the component unchanged.
 */
public interface Hosting {

  /**
   * Serves the policy from a private S3 bucket through a CloudFront distribution with the alias
   * {@code mta-sts.<domain>} and an ACM certificate (requested in us-east-1, the region CloudFront
   * takes certificates from). The bucket is named {@code mta-sts-<domain with dashes>}.
   *
   * @return the hosting
   */
  static Hosting s3CloudFront() {
    return new S3CloudFrontHosting(Optional.empty());
  }

  /**
   * Like {@link #s3CloudFront()}, with a bucket name of one's own (bucket names are global across
   * all AWS accounts, so the default may be taken).
   *
   * @param bucketName 3 to 63 lower-case letters, digits and hyphens
   * @return the hosting
   * @throws InvalidInputException when the name cannot be the policy bucket's name
   */
  static Hosting s3CloudFront(String bucketName) {
    return new S3CloudFrontHosting(Optional.of(bucketName));
  }

  /**
   * Serves the policy from a Cloudflare Worker at {@code mta-sts.<domain>}, a Workers custom
   * domain for which Cloudflare makes the DNS record and the certificate: it works with
   * {@link Dns#cloudflare(String)} only. Every component with this hosting shares the Worker
   * script {@code mtasts-policy}, each with its own domain's body, so that a fleet of domains is
   * one Worker. The provider needs Account / Workers Scripts / Edit on the account (its settings
   * {@code cloudflareApiToken} and {@code cloudflareAccountId}).
   *
   * @return the hosting
   */
  static Hosting cloudflareWorker() {
    return new CloudflareWorkerHosting(Optional.empty());
  }

  /**
   * Like {@link #cloudflareWorker()}, in a Worker script of one's own name (for example one
   * Worker per team, or a name that the account's other Workers do not use).
   *
   * @param scriptName 1 to 63 lower-case letters, digits, '-' and '_'
   * @return the hosting
   * @throws InvalidInputException when the name cannot be a Worker script's name
   */
  static Hosting cloudflareWorker(String scriptName) {
    return new CloudflareWorkerHosting(Optional.of(scriptName));
  }

  /**
   * Serves the policy from a public repository with GitHub Pages, as the by-hand recipe does:
   * the repository (created, or adopted when it is empty), its files in one commit, Pages from
   * the default branch's root, the custom domain {@code mta-sts.<domain>}, the CNAME record
   * pointing it at {@code OWNER.github.io} in the component's DNS, the wait for GitHub's
   * certificate, then enforced HTTPS. One repository serves one mail domain: give each domain
   * its own.
   *
   * @param owner the user or organisation that owns the repository, e.g. {@code example-org}
   * @param repository the repository's name, e.g. {@code mta-sts}
   * @return the hosting; {@link GitHubPagesHosting#certificateTimeout} changes how long the
   *     certificate is waited for
   * @throws InvalidInputException when GitHub would refuse the owner or the name
   */
  static GitHubPagesHosting githubPages(String owner, String repository) {
    return new GitHubPagesHosting(owner, repository, Optional.empty());
  }

  /**
   * Declares what serves the policy for one domain, as children of the component.
   *
   * @param request the domain, the body, and the component's DNS and resource options
   * @return the site: its URL, and the resources that must exist before the policy is served
   */
  HostedSite declare(SiteRequest request);

  /**
   * Tells why this hosting cannot be deployed with a DNS target, so that the pair is refused
   * when the component's arguments are built rather than half-way through a deployment.
   *
   * @param dns the DNS target of the same component
   * @return the reason, naming both, or empty when they work together
   */
  default Optional<String> incompatibility(Dns dns) {
    return Optional.empty();
  }

  /**
   * Describes this hosting in messages, the way a program writes it.
   *
   * @return for example {@code Hosting.s3CloudFront()}
   */
  String describe();
}
