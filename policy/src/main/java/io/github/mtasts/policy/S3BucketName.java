package io.github.mtasts.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of the S3 bucket that holds a domain's policy file, when the policy is hosted on S3
 * behind CloudFront: the one naming rule that the SDK (when a program's arguments are built) and
 * the provider (in Check) both apply, so that a name one accepts the other never refuses. It
 * lives in the policy core because that is the lowest layer both depend on; it is not an RFC
 * 8461 rule.
 *
 * <p>S3's general purpose bucket naming rules: 3 to 63 lower-case letters, digits, dots and
 * hyphens, beginning and ending with a letter or digit, with reserved prefixes and suffixes.
 * This rule is stricter in one way: dots are refused, because a bucket name with dots breaks the
 * TLS certificate of virtual-hosted bucket URLs ({@code *.s3.amazonaws.com} covers one label).
 */
public final class S3BucketName {

  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
  private static final int MAX_LENGTH = 63;

  private S3BucketName() {}

  /**
   * Tells how to fix a name that cannot be the policy bucket's name.
   *
   * @param name the name as given, may be null
   * @return the fix, a clause to follow the rejected value in a message; empty when the name
   *     is valid
   */
  public static Optional<String> problem(String name) {
    if (name == null || !SHAPE.matcher(name).matches()) {
      return Optional.of("use 3 to 63 lower-case letters, digits and hyphens, starting and ending"
          + " with a letter or digit, such as mta-sts-example-com (no dots: they break the TLS"
          + " certificate of virtual-hosted bucket URLs)");
    }
    if (name.startsWith("xn--") || name.startsWith("sthree-") || name.endsWith("-s3alias")
        || name.endsWith("--ol-s3") || name.endsWith("--x-s3")) {
      return Optional.of("S3 reserves the prefixes xn-- and sthree- and the suffixes -s3alias,"
          + " --ol-s3 and --x-s3: choose another name");
    }
    return Optional.empty();
  }

  /**
   * Returns the bucket name derived from a mail domain: {@code mta-sts-example-com} for {@code
   * example.com}; a name longer than S3 allows is cut and ends in a hash of the domain, so two
   * long domains do not share a bucket. Bucket names are global across all AWS accounts, so the
   * name may be taken: then choose another.
   *
   * @param domain the mail domain, in A-label form
   * @return a name {@link #problem} accepts
   */
  public static String forDomain(String domain) {
    String normalized = domain.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    String name = "mta-sts-" + normalized.replace('.', '-').replace('_', '-');
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, 50) + "-" + sha256(normalized).substring(0, 12);
    }
    return name.replaceAll("-+$", "");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
