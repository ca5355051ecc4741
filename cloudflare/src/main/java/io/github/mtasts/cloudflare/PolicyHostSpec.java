package io.github.mtasts.cloudflare;

/**
 * What serves one mail domain's MTA-STS policy from a Worker: the script (which may serve other
 * domains too), the zone of the policy host {@code mta-sts.DOMAIN}, the domain and its body.
 *
 * @param script the Worker's script name, such as {@code mtasts-policy}
 * @param zoneId the zone that holds {@code mta-sts.DOMAIN}, 32 hexadecimal digits
 * @param domain the mail domain, lower case, an internationalised name as its A-labels
 * @param body the canonical policy body (RFC 8461 §3.2), served byte for byte
 */
public record PolicyHostSpec(String script, String zoneId, String domain, String body) {

  /**
   * Checks every part before anything is sent.
   *
   * @throws InvalidSpecException naming the invalid part, its value (a body is not repeated
   *     whole) and the fix
   */
  public PolicyHostSpec {
    WorkerScript.checkName("scriptName", script);
    zoneId = Zones.checkId("zoneId", zoneId);
    domain = DnsNames.check("domain", domain);
    // The rules of a served body: a valid policy in its canonical rendering.
    PolicyWorkerScript.builder().policy(domain, body);
  }

  /**
   * Returns the policy host.
   *
   * @return {@code mta-sts.DOMAIN}
   */
  public String hostname() {
    return PolicyHost.hostname(domain);
  }
}
