package io.github.mtasts.cloudflare;

import java.util.Optional;

/**
 * What of one mail domain's policy host exists at Cloudflare: its body in the Worker script,
 * and the custom domain {@code mta-sts.DOMAIN} that sends the host's requests to that script.
 * Both are needed for senders to get the policy; a host with one of them is what an operation
 * that stopped part way left, and the next update completes it.
 *
 * @param script the Worker's script name
 * @param domain the mail domain
 * @param body the body the script serves for the domain, if it serves one
 * @param customDomain the custom domain of {@code mta-sts.DOMAIN} attached to this script, if any
 */
public record PolicyHost(String script, String domain, Optional<String> body,
    Optional<CustomDomain> customDomain) {

  /** RFC 8461 §3.3: the policy host of a domain. */
  static String hostname(String domain) {
    return "mta-sts." + domain;
  }

  /**
   * Returns the policy host.
   *
   * @return {@code mta-sts.DOMAIN}
   */
  public String hostname() {
    return hostname(domain);
  }

  /**
   * Whether senders get the policy: the script serves a body and the host is attached to it.
   *
   * @return true when both exist
   */
  public boolean complete() {
    return body.isPresent() && customDomain.isPresent();
  }
}
