package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mtasts.sdk.MtastsPackage;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Waits until ACM has issued a certificate, which it does once the certificate's validation record
 * resolves publicly; the deployment shows the progress. Take its {@code certificateArn} where an
 * issued certificate is needed, so that those resources wait too.
 *
 * <p>Deleting it changes nothing. The provider id is the certificate ARN.
 *
 * <pre>{@code
 * var validation = new CertificateValidation("policy-host", CertificateValidationArgs.builder()
 *     .certificateArn(certificate.arn())
 *     .validationRecordFqdns(validationRecord.fqdn().applyValue(List::of))
 *     .build());
 * }</pre>
 */
@ResourceType(type = CertificateValidation.TYPE)
public class CertificateValidation extends CustomResource {

  /** The resource type token the provider serves. */
  public static final String TYPE = "mtasts:aws:CertificateValidation";

  @Export(name = "certificateArn", refs = {String.class}, tree = "[0]")
  private Output<String> certificateArn;

  @Export(name = "validationRecordFqdns", refs = {List.class, String.class}, tree = "[0,1]")
  private Output</* @Nullable */ List<String>> validationRecordFqdns;

  @Export(name = "timeout", refs = {Integer.class}, tree = "[0]")
  private Output<Integer> timeout;

  @Export(name = "status", refs = {String.class}, tree = "[0]")
  private Output<String> status;

  /**
   * Declares the resource.
   *
   * @param name the unique name of the resource in the program
   * @param args its inputs
   */
  public CertificateValidation(String name, CertificateValidationArgs args) {
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
  public CertificateValidation(String name, CertificateValidationArgs args, @Nullable CustomResourceOptions options) {
    super(TYPE, name, args, MtastsPackage.resourceOptions(options, Codegen.empty()));
  }

  private CertificateValidation(String name, Output<String> id, @Nullable CustomResourceOptions options) {
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
  public static CertificateValidation get(
      String name, Output<String> id, @Nullable CustomResourceOptions options) {
    return new CertificateValidation(name, id, options);
  }

  /**
   * Returns the ARN of the issued certificate.
   *
   * @return an ACM ARN in us-east-1
   */
  public Output<String> certificateArn() {
    return certificateArn;
  }

  /**
   * Returns the names of the validation records the wait started after.
   *
   * @return the names, empty when none were given
   */
  public Output<Optional<List<String>>> validationRecordFqdns() {
    return Codegen.optional(validationRecordFqdns);
  }

  /**
   * Returns how long the wait may last.
   *
   * @return seconds (2700 unless set)
   */
  public Output<Integer> timeout() {
    return timeout;
  }

  /**
   * Returns ACM's status of the certificate.
   *
   * @return {@code ISSUED} once the wait succeeded
   */
  public Output<String> status() {
    return status;
  }
}
