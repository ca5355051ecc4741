package io.github.mtasts.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the four AWS service clients this package uses, each on first use, all sharing one
 * HTTP client, the same credentials, the endpoint override and the retry strategy.
 *
 * <p>Retries: every client uses the SDK's standard retry strategy, set explicitly, with
 * {@link AwsSettings#maxAttempts()} attempts: throttling errors, HTTP 5xx and I/O errors are
 * retried with exponential backoff and jitter, and a {@code Retry-After} header on the failed
 * response lengthens the delay to at least what it asks.
 *
 * <p>Thread-safe. Close it to release the HTTP connections.
 */
public final class AwsClients implements AutoCloseable {

  /** CloudFront accepts viewer certificates only from ACM in this region. */
  static final Region CERTIFICATE_REGION = Region.US_EAST_1;

  private final AwsSettings settings;
  private final SdkHttpClient http;
  private Route53Client route53;
  private AcmClient acm;
  private S3Client s3;
  private CloudFrontClient cloudFront;
  private Region bucketRegion;

  private AwsClients(AwsSettings settings) {
    this.settings = settings;
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(60))
        .build();
  }

  /**
   * Creates the factory; no client is built and nothing is called yet.
   *
   * @param settings how to reach AWS
   * @return the factory
   */
  public static AwsClients create(AwsSettings settings) {
    return new AwsClients(settings);
  }

  /**
   * Returns the settings the clients are built with.
   *
   * @return the settings
   */
  public AwsSettings settings() {
    return settings;
  }

  synchronized Route53Client route53() {
    if (route53 == null) {
      // Route 53 is a global service signed for us-east-1, which Region.AWS_GLOBAL stands for.
      route53 = configure(Route53Client.builder(), Region.AWS_GLOBAL).build();
    }
    return route53;
  }

  synchronized AcmClient acm() {
    if (acm == null) {
      acm = configure(AcmClient.builder(), CERTIFICATE_REGION).build();
    }
    return acm;
  }

  synchronized CloudFrontClient cloudFront() {
    if (cloudFront == null) {
      cloudFront = configure(CloudFrontClient.builder(), Region.AWS_GLOBAL).build();
    }
    return cloudFront;
  }

  synchronized S3Client s3() {
    if (s3 == null) {
      // Emulators answer on one host and port: buckets go in the path, not the host name.
      s3 = configure(S3Client.builder(), bucketRegion())
          .forcePathStyle(settings.endpointOverride().isPresent())
          .build();
    }
    return s3;
  }

  /**
   * Returns the region of the policy bucket: the configured one, else the default chain's.
   *
   * @return the region
   * @throws InvalidSpecException when neither names a region
   */
  synchronized Region bucketRegion() {
    if (bucketRegion == null) {
      if (settings.region().isPresent()) {
        bucketRegion = Region.of(settings.region().get());
      } else {
        try {
          bucketRegion = new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
          throw new InvalidSpecException("region", null,
              "no AWS region found: set the provider's region, or AWS_REGION, or a region in the"
                  + " AWS profile");
        }
      }
    }
    return bucketRegion;
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, Region region) {
    builder.region(region)
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(settings.maxAttempts())
                .build())
            .apiCallAttemptTimeout(Duration.ofSeconds(60))
            .build());
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    // Shared, so the SDK does not close it with each service client: close() does.
    builder.httpClient(http);
    return builder;
  }

  @Override
  public synchronized void close() {
    for (SdkClient client : new SdkClient[] {route53, acm, s3, cloudFront}) {
      if (client != null) {
        client.close();
      }
    }
    http.close();
  }
}
