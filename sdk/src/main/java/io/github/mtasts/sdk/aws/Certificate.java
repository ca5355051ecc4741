package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mtasts.sdk.MtastsPackage;
import io.github.mtasts.sdk.aws.outputs.ValidationRecord;
import java.util.List;
import javax.annotation.Nullable;

/**
 * An ACM certificate for the MTA-STS policy host, which must present a certificate valid for {@code
 * mta-sts.<domain>} (RFC 8461 §3.3): requested in us-east-1, the only region CloudFront takes
 * certificates from, and validated through DNS.
 *
 * <p>The creation returns once ACM exposes the validation record; publish it with a {@link Record}
 * and wait for issuance with a {@link CertificateValidation}. Another domain replaces the
 * certificate, the new one requested before the old one is deleted. The provider id is the
 * certificate ARN.
 *
 * <pre>{@code
 * var certificate = new Certificate("policy-host", CertificateArgs.builder()
 *     .domain("mta-sts.example.com")
 *     .build());
 * var record = certificate.validationRecords().applyValue(records -> records.get(0));
 * }</pre>
 */
@ResourceType(type = Certificate.TYPE)
public class Certificate extends CustomResource {

  /** The resource type token the provider serves. */
  public static final String TYPE = "mtasts:aws:Certificate";

  @Export(name = "domain", refs = {String.class}, tree = "[0]")
  private Output<String> domain;

  @Export(name = "arn", refs = {String.class}, tree = "[0]")
  private Output<String> arn;

  @Export(name = "validationRecords", refs = {List.class, ValidationRecord.class}, tree = "[0,1]")
  private Output<List<ValidationRecord>> validationRecords;

  @Export(name = "status", refs = {String.class}, tree = "[0]")
  private Output<String> status;

  /**
   * Declares the resource.
   *
   * @param name the unique name of the resource in the program
   * @param args its inputs
   */
  public Certificate(String name, CertificateArgs args) {
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
  public Certificate(String name, CertificateArgs args, @Nullable CustomResourceOptions options) {
    super(TYPE, name, args, MtastsPackage.resourceOptions(options, Codegen.empty()));
  }

  private Certificate(String name, Output<String> id, @Nullable CustomResourceOptions options) {
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
  public static Certificate get(
      String name, Output<String> id, @Nullable CustomResourceOptions options) {
    return new Certificate(name, id, options);
  }

  /**
   * Returns the certified host name.
   *
   * @return for example {@code mta-sts.example.com}
   */
  public Output<String> domain() {
    return domain;
  }

  /**
   * Returns the certificate ARN, also the provider id.
   *
   * @return an ACM ARN in us-east-1
   */
  public Output<String> arn() {
    return arn;
  }

  /**
   * Returns the DNS records ACM looks up before it issues the certificate.
   *
   * @return the records to publish
   */
  public Output<List<ValidationRecord>> validationRecords() {
    return validationRecords;
  }

  /**
   * Returns ACM's status of the certificate when it was last read.
   *
   * @return for example {@code PENDING_VALIDATION} or {@code ISSUED}
   */
  public Output<String> status() {
    return status;
  }
}
