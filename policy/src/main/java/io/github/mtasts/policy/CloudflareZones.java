package io.github.mtasts.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Cloudflare zone as a person gives it: by its id or by its name. The one rule that the SDK
 * (when a program's arguments are built) and the Cloudflare client (before any request, and so
 * the provider's Check) both apply, so that a zone one accepts the other never refuses. It lives
 * in the policy core because that is the lowest layer both depend on; these are Cloudflare's
 * rules, not RFC 8461's.
 */
public final class CloudflareZones {

  /**
   * The {@code identifier} schema of Cloudflare's API description holds at most 32 characters;
   * zone ids fill it with 32 lower-case hexadecimal digits.
   */
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  private CloudflareZones() {}

  /**
   * Whether a text is a zone id as the API writes it.
   *
   * @param text the text, may be null
   * @return whether it is 32 lower-case hexadecimal digits
   */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /**
   * Tells why a text is neither a zone id nor a zone name. A zone's name is a domain name of at
   * least two labels: a zone on Cloudflare is a registered domain or a name below one.
   *
   * @param zone the zone as given, may be null; white space around it and upper case are accepted
   * @return the reason and the fix, a clause to follow the rejected value in a message; empty
   *     when the zone is usable
   */
  public static Optional<String> problem(String zone) {
    String given = normalized(zone);
    return isId(given) ? Optional.empty() : fix(DomainName.parseMailDomain(given));
  }

  /**
   * The zone in the form Cloudflare's API takes: an id in lower case, or a name in its ASCII
   * form.
   *
   * @param zone the zone as given
   * @return the id or the name
   * @throws IllegalArgumentException when {@link #problem} finds one
   */
  public static String canonical(String zone) {
    String given = normalized(zone);
    if (isId(given)) {
      return given;
    }
    ParseResult<DomainName> name = DomainName.parseMailDomain(given);
    fix(name).ifPresent(fix -> {
      throw new IllegalArgumentException(Excerpt.quote(String.valueOf(zone)) + ": " + fix);
    });
    return name.orElseThrow().ascii();
  }

  private static Optional<String> fix(ParseResult<DomainName> name) {
    return name.isValid() ? Optional.empty()
        : Optional.of("give the zone's id (32 hexadecimal digits) or its name, such as example.com ("
            + name.errors().get(0).message() + ")");
  }

  private static String normalized(String zone) {
    return zone == null ? "" : zone.strip().toLowerCase(Locale.ROOT);
  }
}
