package io.github.mtasts.verify;

import io.github.mtasts.policy.Excerpt;
import java.util.List;
import java.util.Objects;

/**
 * The hosts a sending MTA delivers a domain's mail to, as its MX records say (RFC 5321 §5.1):
 * what the mx patterns of an MTA-STS policy must cover (RFC 8461 §4.1).
 *
 * @param domain the domain, normalised
 * @param outcome what the MX lookup found
 * @param hosts the delivery hosts by preference: the MX targets, or the domain itself when it
 *     has no MX record (the implicit MX); empty for a null MX, a domain that does not exist, or
 *     a failed lookup
 * @param description one sentence saying what was found, or why the lookup failed
 */
public record MxHosts(String domain, Outcome outcome, List<String> hosts, String description) {

  /** What the MX lookup of a domain found. */
  public enum Outcome {
    /** MX records name the hosts. */
    MX,
    /** No MX record: mail goes to the domain's own addresses (RFC 5321 §5.1). */
    IMPLICIT_MX,
    /** A null MX (RFC 7505): the domain accepts no mail. */
    NULL_MX,
    /** NXDOMAIN: the domain does not exist. */
    NO_SUCH_DOMAIN,
    /** The resolver gave no usable answer, or the answer was unusable: nothing can be said. */
    LOOKUP_FAILED
  }

  /** Requires every part; copies the hosts. */
  public MxHosts {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(description, "description");
    hosts = List.copyOf(hosts);
  }

  static MxHosts of(String domain, DnsAnswer mx) {
    return switch (mx.status()) {
      case FOUND -> {
        List<String> hosts = MxChecks.hosts(mx);
        yield hosts.isEmpty()
            // RFC 7505 §3: a single MX of preference 0 and target "." says: no mail here.
            ? new MxHosts(domain, Outcome.NULL_MX, hosts, domain + " publishes a null MX (RFC 7505): it accepts no mail")
            : new MxHosts(domain, Outcome.MX, hosts, domain + " receives mail at " + Excerpt.list(hosts));
      }
      // RFC 5321 §5.1: without MX records the domain itself is the implicit MX.
      case NO_DATA -> new MxHosts(domain, Outcome.IMPLICIT_MX, List.of(domain), domain
          + " has no MX record: senders deliver to " + domain + " itself (implicit MX, RFC 5321 §5.1)");
      case NO_SUCH_DOMAIN -> new MxHosts(domain, Outcome.NO_SUCH_DOMAIN, List.of(),
          domain + " does not exist (NXDOMAIN): it receives no mail");
      case OPERATIONAL_FAILURE, BAD_DATA -> new MxHosts(domain, Outcome.LOOKUP_FAILED, List.of(),
          "cannot tell which hosts receive mail for " + domain + ": " + mx.failure());
    };
  }
}
