package io.github.mtasts.policy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks one {@code rua} URI of a TLS-RPT record (RFC 8460 §3). */
final class ReportUri {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
  private static final Pattern HEX2 = Pattern.compile("[0-9A-Fa-f]{2}");
  // RFC 3986 §3.3 pchar = unreserved / pct-encoded / sub-delims / ":" / "@"; a path also holds
  // '/', a query or fragment '/' and '?'. Every '%' has been checked to start a pct-encoded octet
  // before these patterns run, so '%' stands for one in the classes below: each part is then a
  // single character class, which the regex engine matches in a loop, where an alternation under
  // '*' recursed once per character and overflowed the stack on a URI of a few thousand
  // characters.
  private static final String PATH_CHAR = "[A-Za-z0-9._~!$&'()*+,;=:@%/-]";
  private static final String QUERY_CHAR = "[A-Za-z0-9._~!$&'()*+,;=:@%/?-]";
  // RFC 3986 §3: "//" authority path-abempty [ "?" query ] [ "#" fragment ], where authority
  // is [ userinfo "@" ] host [ ":" port ] and port is *DIGIT (§3.2.3); path-abempty is
  // *( "/" segment ), empty or a '/' followed by pchars and more '/'.
  private static final Pattern HTTPS_REST =
      Pattern.compile("//(?:[A-Za-z0-9._~!$&'()*+,;=:%-]*@)?"
          + "(?<host>\\[[^\\]/?#@]*\\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)"
          + "(?::[0-9]*)?(?:/" + PATH_CHAR + "*)?(?:\\?" + QUERY_CHAR + "*)?"
          + "(?:#" + QUERY_CHAR + "*)?");
  private static final Pattern IPV_FUTURE =
      Pattern.compile("v[0-9A-Fa-f]+\\.[A-Za-z0-9._~!$&'()*+,;=:-]+");
  private static final Pattern H16 = Pattern.compile("[0-9A-Fa-f]{1,4}");
  private static final Pattern IPV4 =
      Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
  // RFC 3986 §2: unreserved, reserved and '%'; RFC 8460 §3 then takes ',', '!' and ';' away.
  private static final String URI_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@$&'()*+=%";

  private ReportUri() {}

  /** Returns a sentence describing why {@code uri} is not a valid rua URI, or null. */
  static String violation(String uri) {
    String quoted = "rua URI " + Excerpt.quote(uri);
    if (uri.isEmpty()) {
      return "rua has an empty URI (a comma with nothing after it, or two commas in a row): "
          + "remove the extra comma (RFC 8460 §3).";
    }
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      // RFC 8460 §3: commas, exclamation points and semicolons MUST be encoded in a tlsrpt-uri
      if (c == ',' || c == '!' || c == ';') {
        return quoted + " contains '" + c + "', which RFC 8460 §3 requires to be "
            + "percent-encoded: write " + String.format("%%%02X", (int) c) + " instead.";
      }
      if (URI_CHARACTERS.indexOf(c) < 0) {
        String shown = c <= ' ' || c >= 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
        return quoted + " contains " + shown + ", which a URI cannot contain: percent-encode it "
            + "as UTF-8 bytes (RFC 3986 §2.1).";
      }
      if (c == '%' && (i + 3 > uri.length() || !HEX2.matcher(uri.substring(i + 1, i + 3)).matches())) {
        return quoted + " has a '%' that is not followed by two hex digits: write a literal "
            + "'%' as %25 (RFC 3986 §2.1).";
      }
    }
    var scheme = SCHEME.matcher(uri);
    if (!scheme.matches()) {
      return quoted + " has no scheme: RFC 8460 §3 accepts mailto: and https: URIs, such as "
          + "mailto:tlsrpt@example.com. If a comma belongs inside the URI, write it as %2C.";
    }
    String name = scheme.group(1).toLowerCase(Locale.ROOT);
    String rest = uri.substring(scheme.group(1).length() + 1);
    switch (name) {
      case "mailto" -> {
        String to = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        for (String address : addresses(to)) {
          int at = address.lastIndexOf('@');
          if (at <= 0 || at == address.length() - 1) {
            return quoted + " has no mail address: write it as mailto:tlsrpt@example.com "
                + "(RFC 8460 §3, RFC 6068).";
          }
          String violation = mailDomainViolation(address.substring(at + 1), quoted);
          if (violation != null) {
            return violation;
          }
        }
        return null;
      }
      case "https" -> {
        var parts = HTTPS_REST.matcher(rest);
        if (!parts.matches()) {
          return rest.startsWith("//")
              ? quoted + " is not a valid https URI: after https:// come a host, an optional "
                  + "':' and port digits, then a path, as in https://tlsrpt.example.com:8443/v1 "
                  + "(RFC 3986 §3)."
              : quoted + " has no host: write it as https://tlsrpt.example.com/v1 (RFC 8460 §3).";
        }
        String host = parts.group("host");
        if (host.isEmpty()) {
          // RFC 7230 §2.7.2: an https URI with an empty host is invalid.
          return quoted + " has no host: write it as https://tlsrpt.example.com/v1 "
              + "(RFC 8460 §3).";
        }
        if (host.startsWith("[")) {
          return isIpLiteral(host.substring(1, host.length() - 1)) ? null
              : quoted + " has the host " + Excerpt.quote(host) + ", which is not an IPv6 address "
                  + "in brackets: write the host name or a valid address (RFC 3986 §3.2.2).";
        }
        return IPV4.matcher(host).matches() ? null : hostNameViolation(host, quoted);
      }
      default -> {
        return quoted + " uses the scheme " + Excerpt.quote(scheme.group(1) + ":") + "; RFC 8460 §3 accepts only "
            + "mailto: and https: URIs.";
      }
    }
  }

  /**
   * The first rule the host of an https URI breaks, or null: a reg-name, percent-decoded, must be
   * a domain name under the one rule for names ({@link DomainName}), with an optional trailing
   * dot, and one that is no IPv4 address must not end in an all-numeric label. RFC 3986 §3.2.2
   * allows any reg-name, but a sender resolves it in the DNS and checks the report server's
   * certificate against it (RFC 8460 §3), so only a host name can receive reports.
   */
  private static String hostNameViolation(String host, String quoted) {
    String what = "the host " + Excerpt.quote(host) + " of " + quoted;
    String name = percentDecoded(host);
    if (name == null) {
      return what + " holds percent-encoded octets that are not UTF-8: encode an "
          + "internationalized name as UTF-8, or write its A-labels (RFC 3986 §3.2.2).";
    }
    return domainViolation(name.endsWith(".") && name.length() > 1
        ? name.substring(0, name.length() - 1) : name, what);
  }

  /**
   * The first rule a decoded name without trailing dot breaks, or null: the one rule for names
   * ({@link DomainName}), and a last label that is not all digits, which would make the name an
   * address written without brackets, or a typo (RFC 3696 §2: no top-level domain is all-numeric).
   */
  private static String domainViolation(String name, String what) {
    DomainName.Checked checked = DomainName.check(name, what);
    if (!checked.violations().isEmpty()) {
      return checked.violations().get(0);
    }
    if (DomainName.endsInNumericLabel(String.join(".", checked.ascii()))) {
      return what + " ends in an all-numeric label, which no domain name has (RFC 3696 §2), and is "
          + "no valid address either: write the name, or the address as RFC 3986 §3.2.2 does.";
    }
    return null;
  }

  /**
   * The addresses of a mailto URI's {@code to} (RFC 6068 §2: addr-spec *("," addr-spec), the
   * comma percent-encoded in a rua URI): split at %2C only when every part is an address, since a
   * local part may hold an encoded comma too ({@code mailto:a%2Cb@example.com}).
   */
  private static List<String> addresses(String to) {
    List<String> parts = Arrays.asList(to.split("%2[Cc]", -1));
    return parts.stream().allMatch(part -> part.indexOf('@') > 0) ? parts : List.of(to);
  }

  /**
   * The first rule the domain of a mailto address breaks, or null: a domain literal in brackets
   * holding an address (RFC 5321 §4.1.3), or a domain name, percent-decoded, without a trailing
   * dot (RFC 6068 §2: dot-atom-text).
   */
  private static String mailDomainViolation(String domain, String quoted) {
    String what = "the mail domain " + Excerpt.quote(domain) + " of " + quoted;
    if (domain.startsWith("[") && domain.endsWith("]")) {
      String literal = domain.substring(1, domain.length() - 1);
      boolean address = IPV4.matcher(literal).matches()
          || (literal.regionMatches(true, 0, "IPv6:", 0, 5) && isIpLiteral(literal.substring(5)));
      return address ? null : what + " is not an address literal such as [192.0.2.1] or "
          + "[IPv6:2001:db8::1]: write the mail domain's name (RFC 5321 §4.1.3).";
    }
    String name = percentDecoded(domain);
    if (name == null) {
      return what + " holds percent-encoded octets that are not UTF-8: encode an "
          + "internationalized domain as UTF-8, or write its A-labels (RFC 6068 §2).";
    }
    if (name.endsWith(".")) {
      return what + " ends with a dot, which a mail address does not have: remove it "
          + "(RFC 6068 §2, RFC 5322 §3.4.1).";
    }
    return domainViolation(name, what);
  }

  /**
   * Decodes the percent-encoded octets of a URI part as UTF-8 (RFC 3986 §2.1, §3.2.2); every '%'
   * has been checked to start one. Returns null when the octets are not UTF-8.
   */
  private static String percentDecoded(String part) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    ByteArrayOutputStream octets = new ByteArrayOutputStream(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        octets.write(Integer.parseInt(part.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        octets.write(c);
      }
    }
    return Utf8.strict(octets.toByteArray()).orElse(null);
  }

  /** RFC 3986 §3.2.2: IP-literal = "[" ( IPv6address / IPvFuture ) "]", without the brackets. */
  private static boolean isIpLiteral(String inside) {
    if (IPV_FUTURE.matcher(inside).matches()) {
      return true;
    }
    int gap = inside.indexOf("::");
    if (gap >= 0 && inside.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String head = gap < 0 ? inside : inside.substring(0, gap);
    String tail = gap < 0 ? "" : inside.substring(gap + 2);
    List<String> groups = new ArrayList<>();
    if (!head.isEmpty()) {
      groups.addAll(Arrays.asList(head.split(":", -1)));
    }
    if (!tail.isEmpty()) {
      groups.addAll(Arrays.asList(tail.split(":", -1)));
    }
    int pieces = 0;
    for (int i = 0; i < groups.size(); i++) {
      String group = groups.get(i);
      if (i == groups.size() - 1 && IPV4.matcher(group).matches()) {
        pieces += 2; // ls32 may end in an IPv4 address, worth two 16-bit pieces
      } else if (H16.matcher(group).matches()) {
        pieces++;
      } else {
        return false;
      }
    }
    return gap < 0 ? pieces == 8 : pieces <= 7;
  }
}
