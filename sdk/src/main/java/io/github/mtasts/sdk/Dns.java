package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where an {@link MtaSts} component publishes its DNS records: the {@code _mta-sts} and
 * {@code _smtp._tls} TXT records, the {@code mta-sts} host name of the policy site and the record
 * that validates its certificate.
 *
 * <p>Route 53 is the one implementation today; the interface is sealed so that each DNS service
 * is a value the component knows how to use.
 */
public sealed interface Dns permits Dns.Route53 {

  /**
   * Publishes the records in an existing Route 53 hosted zone that holds the mail domain.
   *
   * @param zoneId the hosted zone id, for example {@code Z0123456789ABCDEFGHIJ}; the
   *     {@code /hostedzone/} prefix of the API's long form is accepted
   * @return the DNS target
   * @throws InvalidInputException when the id cannot be a hosted zone id
   */
  static Dns route53(String zoneId) {
    return new Route53(zoneId);
  }

  /**
   * A Route 53 hosted zone.
   *
   * @param zoneId the hosted zone id without the {@code /hostedzone/} prefix
   */
  record Route53(String zoneId) implements Dns {
    private static final String LONG_FORM_PREFIX = "/hostedzone/";
    // Route 53 zone ids are upper-case letters and digits (for example Z0123456789ABCDEFGHIJ).
    private static final Pattern ZONE_ID = Pattern.compile("[A-Z0-9]{1,32}");

    /**
     * Checks the id and drops the {@code /hostedzone/} prefix.
     *
     * @param zoneId the hosted zone id
     * @throws InvalidInputException when the id cannot be a hosted zone id
     */
    public Route53 {
      String given = zoneId == null ? "" : zoneId.strip();
      String id = given.startsWith(LONG_FORM_PREFIX)
          ? given.substring(LONG_FORM_PREFIX.length()) : given;
      if (!ZONE_ID.matcher(id).matches()) {
        throw new InvalidInputException(List.of(Problem.error("dns", 0, given,
            "MtaStsArgs.dns: Route 53 hosted zone id '" + given + "' is not a zone id: give the"
                + " id of the zone that holds the domain, as `aws route53 list-hosted-zones` shows"
                + " it, such as Z0123456789ABCDEFGHIJ.")));
      }
      zoneId = id;
    }
  }
}
