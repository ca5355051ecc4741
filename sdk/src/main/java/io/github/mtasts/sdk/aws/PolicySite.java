package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mtasts.sdk.MtastsPackage;
import javax.annotation.Nullable;

/**
 * The HTTPS host that serves a domain's MTA-STS policy at {@code
 * https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3): a private S3 bucket with the
 * policy object, read by a CloudFront distribution through origin access control, answering for
 * {@code mta-sts.<domain>} with an ACM certificate.
 *
 * <p>A new policy body is uploaded and the CDN's copy invalidated before the update returns, so a
 * {@code _mta-sts} record that depends on the site announces a body senders can fetch. A creation
 * that fails part way keeps what it made; the next update completes it. Domain and bucket identify
 * the site (a change replaces it). The provider id, also the import id, is the bucket name.
 *
 * <pre>{@code
 * var site = new PolicySite("example-com", PolicySiteArgs.builder()
 *     .domain("example.com")
 *     .certificateArn(validation.certificateArn())
 *     .policy(policy.body())
 *     .build());
 * ctx.export("policyUrl", site.policyUrl());
 * }</pre>
 */
@ResourceType(type = PolicySite.TYPE)
public class PolicySite extends CustomResource {

  /** The resource type token the provider serves. */
  public static final String TYPE = "mtasts:aws:PolicySite";

  @Export(name = "domain", refs = {String.class}, tree = "[0]")
  private Output<String> domain;

  @Export(name = "certificateArn", refs = {String.class}, tree = "[0]")
  private Output<String> certificateArn;

  @Export(name = "policy", refs = {String.class}, tree = "[0]")
  private Output<String> policy;

  @Export(name = "bucketName", refs = {String.class}, tree = "[0]")
  private Output<String> bucketName;

  @Export(name = "cacheControl", refs = {String.class}, tree = "[0]")
  private Output<String> cacheControl;

  @Export(name = "bucketRegion", refs = {String.class}, tree = "[0]")
  private Output<String> bucketRegion;

  @Export(name = "distributionId", refs = {String.class}, tree = "[0]")
  private Output<String> distributionId;

  @Export(name = "distributionArn", refs = {String.class}, tree = "[0]")
  private Output<String> distributionArn;

  @Export(name = "distributionDomainName", refs = {String.class}, tree = "[0]")
  private Output<String> distributionDomainName;

  @Export(name = "oacId", refs = {String.class}, tree = "[0]")
  private Output<String> oacId;

  @Export(name = "policyUrl", refs = {String.class}, tree = "[0]")
  private Output<String> policyUrl;

  @Export(name = "policySha256", refs = {String.class}, tree = "[0]")
  private Output<String> policySha256;

  /**
   * Declares the resource.
   *
   * @param name the unique name of the resource in the program
   * @param args its inputs
   */
  public PolicySite(String name, PolicySiteArgs args) {
    this(name, args, null);
  }

  /**
   * Declares the resource with resource options.
   *
   * @param name the unique name of the resource in the program
   * @param args its inputs
   * @param options options such as {@code dependsOn} or an explicit {@link
   * io.github.mtasts.sdk.Provider}, or {@code null}
   */
  public PolicySite(String name, PolicySiteArgs args, @Nullable CustomResourceOptions options) {
    super(TYPE, name, args, MtastsPackage.resourceOptions(options, Codegen.empty()));
  }

  private PolicySite(String name, Output<String> id, @Nullable CustomResourceOptions options) {
    super(TYPE, name, null, MtastsPackage.resourceOptions(options, id));
  }

  /**
   * Looks up a resource already in the stack's state by its provider id.
   *
   * @param name the unique name of the resulting resource
   * @param id the provider id
   * @param options options for the lookup, or {@code null}
   * @return the resource with its stored outputs
   */
  public static PolicySite get(
      String name, Output<String> id, @Nullable CustomResourceOptions options) {
    return new PolicySite(name, id, options);
  }

  /**
   * Returns the mail domain.
   *
   * @return for example {@code example.com}
   */
  public Output<String> domain() {
    return domain;
  }

  /**
   * Returns the ACM certificate the distribution presents.
   *
   * @return an ACM ARN in us-east-1
   */
  public Output<String> certificateArn() {
    return certificateArn;
  }

  /**
   * Returns the policy body the site serves.
   *
   * @return the body, as given
   */
  public Output<String> policy() {
    return policy;
  }

  /**
   * Returns the S3 bucket that holds the policy, also the provider id.
   *
   * @return the bucket name
   */
  public Output<String> bucketName() {
    return bucketName;
  }

  /**
   * Returns the Cache-Control header of the policy object.
   *
   * @return for example {@code max-age=300}
   */
  public Output<String> cacheControl() {
    return cacheControl;
  }

  /**
   * Returns the AWS region of the bucket.
   *
   * @return for example {@code eu-west-1}
   */
  public Output<String> bucketRegion() {
    return bucketRegion;
  }

  /**
   * Returns the id of the CloudFront distribution.
   *
   * @return for example {@code E2ABCDEF123456}
   */
  public Output<String> distributionId() {
    return distributionId;
  }

  /**
   * Returns the ARN of the CloudFront distribution.
   *
   * @return the ARN
   */
  public Output<String> distributionArn() {
    return distributionArn;
  }

  /**
   * Returns the domain name of the CloudFront distribution: the target of the {@code
   * mta-sts.<domain>} CNAME.
   *
   * @return for example {@code d111abcdef8.cloudfront.net}
   */
  public Output<String> distributionDomainName() {
    return distributionDomainName;
  }

  /**
   * Returns the id of the origin access control through which the distribution reads the bucket.
   *
   * @return the id
   */
  public Output<String> oacId() {
    return oacId;
  }

  /**
   * Returns where senders fetch the policy (RFC 8461 §3.3).
   *
   * @return {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
   */
  public Output<String> policyUrl() {
    return policyUrl;
  }

  /**
   * Returns the SHA-256 of the body the site serves.
   *
   * @return 64 hex digits
   */
  public Output<String> policySha256() {
    return policySha256;
  }
}
