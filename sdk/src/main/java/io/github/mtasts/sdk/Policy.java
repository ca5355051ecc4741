package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An MTA-STS policy (RFC 8461 §3.2) computed from its inputs: the canonical policy body,
 * the policy id derived from that body, and the DNS TXT values that announce it.
 *
 * <p>The provider computes every output from the inputs alone, so preview shows the same
 * values that an update stores. Any input change is an in-place update.
 *
 * <pre>{@code
 * var policy = new Policy("example-com", PolicyArgs.builder()
 *     .mode("testing")
 *     .mx("mx1.example.com", "*.mail.example.net")
 *     .maxAge(604800)
 *     .rua("mailto:tlsrpt@example.com")
 *     .build());
 * ctx.export("stsRecord", policy.stsRecord());
 * }</pre>
 */
@ResourceType(type = Policy.TYPE)
public class Policy extends CustomResource {

  /** The resource type token the provider serves. */
  public static final String TYPE = "mtasts:index:Policy";

  @Export(name = "mode", refs = {String.class}, tree = "[0]")
  private Output<String> mode;

  @Export(name = "mx", refs = {List.class, String.class}, tree = "[0,1]")
  private Output<List<String>> mx;

  @Export(name = "maxAge", refs = {Integer.class}, tree = "[0]")
  private Output<Integer> maxAge;

  @Export(name = "rua", refs = {List.class, String.class}, tree = "[0,1]")
  private Output</* @Nullable */ List<String>> rua;

  @Export(name = "body", refs = {String.class}, tree = "[0]")
  private Output<String> body;

  @Export(name = "policyId", refs = {String.class}, tree = "[0]")
  private Output<String> policyId;

  @Export(name = "stsRecord", refs = {String.class}, tree = "[0]")
  private Output<String> stsRecord;

  @Export(name = "tlsRptRecord", refs = {String.class}, tree = "[0]")
  private Output</* @Nullable */ String> tlsRptRecord;

  /**
   * Declares a policy.
   *
   * @param name the unique name of the resource in the program
   * @param args the policy inputs
   */
  public Policy(String name, PolicyArgs args) {
    this(name, args, null);
  }

  /**
   * Declares a policy with resource options.
   *
   * @param name the unique name of the resource in the program
   * @param args the policy inputs
   * @param options options such as an explicit {@link Provider}, or {@code null}
   */
  public Policy(String name, PolicyArgs args, @Nullable CustomResourceOptions options) {
    super(TYPE, name, args, MtastsPackage.resourceOptions(options, Codegen.empty()));
  }

  private Policy(String name, Output<String> id, @Nullable CustomResourceOptions options) {
    super(TYPE, name, null, MtastsPackage.resourceOptions(options, id));
  }

  /**
   * Looks up a policy already in the stack's state by its provider id.
   *
   * @param name the unique name of the resulting resource
   * @param id the provider id of the policy
   * @param options options for the lookup, or {@code null}
   * @return the policy with its stored outputs
   */
  public static Policy get(
      String name, Output<String> id, @Nullable CustomResourceOptions options) {
    return new Policy(name, id, options);
  }

  /**
   * Returns the policy mode.
   *
   * @return {@code enforce}, {@code testing} or {@code none}
   */
  public Output<String> mode() {
    return mode;
  }

  /**
   * Returns the allowed MX host patterns.
   *
   * @return the patterns as they appear in the body
   */
  public Output<List<String>> mx() {
    return mx;
  }

  /**
   * Returns the policy lifetime.
   *
   * @return seconds a sender may cache the policy
   */
  public Output<Integer> maxAge() {
    return maxAge;
  }

  /**
   * Returns the TLS-RPT report destinations.
   *
   * @return the URIs, empty when none were given
   */
  public Output<Optional<List<String>>> rua() {
    return Codegen.optional(rua);
  }

  /**
   * Returns the canonical policy body, as served at
   * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3).
   *
   * @return the body, CRLF line ends
   */
  public Output<String> body() {
    return body;
  }

  /**
   * Returns the policy id derived from the body: it changes exactly when the body changes.
   *
   * @return 1 to 32 letters and digits (RFC 8461 §3.1)
   */
  public Output<String> policyId() {
    return policyId;
  }

  /**
   * Returns the value of the {@code _mta-sts} TXT record (RFC 8461 §3.1).
   *
   * @return for example {@code v=STSv1; id=...}
   */
  public Output<String> stsRecord() {
    return stsRecord;
  }

  /**
   * Returns the value of the {@code _smtp._tls} TXT record (RFC 8460 §3).
   *
   * @return for example {@code v=TLSRPTv1; rua=mailto:...}, empty when no rua was given
   */
  public Output<Optional<String>> tlsRptRecord() {
    return Codegen.optional(tlsRptRecord);
  }
}
