/**
 * The resources of the {@code aws} module of the {@code mtasts} package, over the cloud
 * operations of {@link io.github.mtasts.aws}: {@code mtasts:aws:Record} (a Route 53 record set:
 * the record resource of {@link io.github.mtasts.provider.dns} over
 * {@link io.github.mtasts.provider.aws.Route53RecordService}), {@code mtasts:aws:Certificate} and
 * {@code mtasts:aws:CertificateValidation} (an ACM certificate for the policy host and the wait
 * for its issuance, {@link io.github.mtasts.provider.aws.AwsCertificateResource},
 * {@link io.github.mtasts.provider.aws.AwsCertificateValidationResource}) and
 * {@code mtasts:aws:PolicySite} (S3 and CloudFront serving the policy, RFC 8461 §3.3,
 * {@link io.github.mtasts.provider.aws.AwsPolicySiteResource}). Their AWS clients are built on
 * first use from the provider settings awsRegion and awsEndpoint
 * ({@link io.github.mtasts.provider.aws.AwsAccess}), so neither starting the plugin nor a Check
 * loads the AWS SDK.
 */
package io.github.mtasts.provider.aws;
