package io.github.mtasts.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks one {@code rua} URI of a TLS-RPT record (RFC 8460 §3). */
final class ReportUri {
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
  private static final Pattern HEX2 = Pattern.compile("[0-9A-Fa-f]{2}");
  // RFC 3986 §2: unreserved, reserved and '%'; RFC 8460 §3 then takes ',', '!' and ';' away.
  private static final String URI_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@$&'()*+=%";

  private ReportUri() {}

  /** Returns a sentence describing why {@code uri} is not a valid rua URI, or null. */
  static String violation(String uri) {
    String quoted = "rua URI '" + uri + "'";
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
        String address = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
          return quoted + " has no mail address: write it as mailto:tlsrpt@example.com "
              + "(RFC 8460 §3, RFC 6068).";
        }
        return null;
      }
      case "https" -> {
        if (!rest.startsWith("//") || rest.length() == 2 || "/?#".indexOf(rest.charAt(2)) >= 0) {
          return quoted + " has no host: write it as https://tlsrpt.example.com/v1 "
              + "(RFC 8460 §3).";
        }
        return null;
      }
      default -> {
        return quoted + " uses the scheme '" + scheme.group(1) + ":'; RFC 8460 §3 accepts only "
            + "mailto: and https: URIs.";
      }
    }
  }
}
