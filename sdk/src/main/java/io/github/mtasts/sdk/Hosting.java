package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an {@link MtaSts} component serves the policy file
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3): a web host with a
 * certificate valid for {@code mta-sts.<domain>} that answers without redirects.
 *
 * <p>S3 behind CloudFront is the one implementation today. A Cloudflare Worker and GitHub Pages
 * are planned; they are not offered until the component can deploy them, so that no program
 * compiles against a hosting that fails at run time. The interface is sealed so that each hosting
 * is a value the component knows how to deploy.
 */
public sealed interface Hosting permits Hosting.S3CloudFront {

  /**
   * Serves the policy from a private S3 bucket through a CloudFront distribution with the alias
   * {@code mta-sts.<domain>} and an ACM certificate (requested in us-east-1, the region CloudFront
   * takes certificates from). The bucket is named {@code mta-sts-<domain with dashes>}.
   *
   * @return the hosting
   */
  static Hosting s3CloudFront() {
    return new S3CloudFront(Optional.empty());
  }

  /**
   * Like {@link #s3CloudFront()}, with a bucket name of one's own (bucket names are global across
   * all AWS accounts, so the default may be taken).
   *
   * @param bucketName 3 to 63 lower-case letters, digits, dots and hyphens
   * @return the hosting
   * @throws InvalidInputException when the name cannot be an S3 bucket name
   */
  static Hosting s3CloudFront(String bucketName) {
    return new S3CloudFront(Optional.of(bucketName));
  }

  /**
   * A private S3 bucket behind CloudFront.
   *
   * @param bucketName the bucket's name, or empty for the default
   */
  record S3CloudFront(Optional<String> bucketName) implements Hosting {
    // S3 bucket naming rules: 3 to 63 characters, lower-case letters, digits, dots and hyphens,
    // starting and ending with a letter or digit.
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /**
     * Checks the bucket name.
     *
     * @param bucketName the bucket's name, or empty for the default
     * @throws InvalidInputException when the name cannot be an S3 bucket name
     */
    public S3CloudFront {
      if (bucketName == null) {
        bucketName = Optional.empty();
      }
      bucketName.ifPresent(name -> {
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
          throw new InvalidInputException(List.of(Problem.error("hosting", 0, name,
              "MtaStsArgs.hosting: bucket name '" + name + "' is not an S3 bucket name: use 3 to"
                  + " 63 lower-case letters, digits, dots and hyphens, starting and ending with a"
                  + " letter or digit, such as mta-sts-example-com.")));
        }
      });
    }
  }
}
