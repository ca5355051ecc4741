package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mtasts.sdk.outputs.VerificationCheck;
import io.github.mtasts.sdk.outputs.VerificationSummary;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A live check of a mail domain's MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) setup, done the way
 * a sending mail server discovers and trusts a policy: the TXT records, the HTTPS policy fetch,
 * MX coverage and STARTTLS of every MX host.
 *
 * <p>The provider runs the checks on create and on every update (any input change), retrying
 * failing checks until {@code timeout}; the update fails when a check reaches the
 * {@code failOn} severity. Put it after the resources that publish the policy
 * ({@code dependsOn}) so that it verifies what they deployed.
 *
 * <pre>{@code
 * var check = new Verification("example-com", VerificationArgs.builder()
 *     .domain("example.com")
 *     .expectedPolicy(policy.body())
 *     .expectedId(policy.policyId())
 *     .build());
 * ctx.export("verified", check.ok());
 * }</pre>
 */
@ResourceType(type = Verification.TYPE)
public class Verification extends CustomResource {

  /** The resource type token the provider serves. */
  public static final String TYPE = "mtasts:index:Verification";

  @Export(name = "domain", refs = {String.class}, tree = "[0]")
  private Output<String> domain;

  @Export(name = "expectedPolicy", refs = {String.class}, tree = "[0]")
  private Output</* @Nullable */ String> expectedPolicy;

  @Export(name = "expectedId", refs = {String.class}, tree = "[0]")
  private Output</* @Nullable */ String> expectedId;

  @Export(name = "scope", refs = {String.class}, tree = "[0]")
  private Output<String> scope;

  @Export(name = "failOn", refs = {String.class}, tree = "[0]")
  private Output<String> failOn;

  @Export(name = "timeout", refs = {Integer.class}, tree = "[0]")
  private Output<Integer> timeout;

  @Export(name = "resolver", refs = {String.class}, tree = "[0]")
  private Output</* @Nullable */ String> resolver;

  @Export(name = "caFile", refs = {String.class}, tree = "[0]")
  private Output</* @Nullable */ String> caFile;

  @Export(name = "httpsPort", refs = {Integer.class}, tree = "[0]")
  private Output</* @Nullable */ Integer> httpsPort;

  @Export(name = "smtpPort", refs = {Integer.class}, tree = "[0]")
  private Output</* @Nullable */ Integer> smtpPort;

  @Export(name = "triggers", refs = {Object.class}, tree = "[0]")
  private Output</* @Nullable */ Object> triggers;

  @Export(name = "ok", refs = {Boolean.class}, tree = "[0]")
  private Output<Boolean> ok;

  @Export(name = "summary", refs = {VerificationSummary.class}, tree = "[0]")
  private Output<VerificationSummary> summary;

  @Export(name = "checks", refs = {List.class, VerificationCheck.class}, tree = "[0,1]")
  private Output<List<VerificationCheck>> checks;

  @Export(name = "verifiedAt", refs = {String.class}, tree = "[0]")
  private Output<String> verifiedAt;

  /**
   * Declares a verification.
   *
   * @param name the unique name of the resource in the program
   * @param args what to verify
   */
  public Verification(String name, VerificationArgs args) {
    this(name, args, null);
  }

  /**
   * Declares a verification with resource options.
   *
   * @param name the unique name of the resource in the program
   * @param args what to verify
   * @param options options such as {@code dependsOn} or an explicit {@link Provider}, or
   *     {@code null}
   */
  public Verification(String name, VerificationArgs args, @Nullable CustomResourceOptions options) {
    super(TYPE, name, args, MtastsPackage.resourceOptions(options, Codegen.empty()));
  }

  private Verification(String name, Output<String> id, @Nullable CustomResourceOptions options) {
    super(TYPE, name, null, MtastsPackage.resourceOptions(options, id));
  }

  /**
   * Looks up a verification already in the stack's state by its provider id.
   *
   * @param name the unique name of the resulting resource
   * @param id the provider id of the verification
   * @param options options for the lookup, or {@code null}
   * @return the verification with its stored outputs
   */
  public static Verification get(
      String name, Output<String> id, @Nullable CustomResourceOptions options) {
    return new Verification(name, id, options);
  }

  /**
   * Returns the verified mail domain.
   *
   * @return the domain
   */
  public Output<String> domain() {
    return domain;
  }

  /**
   * Returns the policy body that had to be served.
   *
   * @return the body, empty when none was expected
   */
  public Output<Optional<String>> expectedPolicy() {
    return Codegen.optional(expectedPolicy);
  }

  /**
   * Returns the policy id the {@code _mta-sts} record had to carry.
   *
   * @return the id, empty when none was expected
   */
  public Output<Optional<String>> expectedId() {
    return Codegen.optional(expectedId);
  }

  /**
   * Returns which checks ran.
   *
   * @return {@code all} (the default) or {@code policy-host}
   */
  public Output<String> scope() {
    return scope;
  }

  /**
   * Returns the severity that fails the update.
   *
   * @return {@code error} (the default), {@code warning} or {@code never}
   */
  public Output<String> failOn() {
    return failOn;
  }

  /**
   * Returns how long failing checks were retried.
   *
   * @return seconds (600 unless set)
   */
  public Output<Integer> timeout() {
    return timeout;
  }

  /**
   * Returns the DNS resolver the checks used, when one was set.
   *
   * @return {@code host[:port]} or {@code system}
   */
  public Output<Optional<String>> resolver() {
    return Codegen.optional(resolver);
  }

  /**
   * Returns the file of extra trust anchors, when one was set.
   *
   * @return the PEM file path
   */
  public Output<Optional<String>> caFile() {
    return Codegen.optional(caFile);
  }

  /**
   * Returns the HTTPS port override, when one was set.
   *
   * @return the port
   */
  public Output<Optional<Integer>> httpsPort() {
    return Codegen.optional(httpsPort);
  }

  /**
   * Returns the SMTP port override, when one was set.
   *
   * @return the port
   */
  public Output<Optional<Integer>> smtpPort() {
    return Codegen.optional(smtpPort);
  }

  /**
   * Returns the value whose change re-runs the verification.
   *
   * @return the triggers, as given
   */
  public Output<Optional<Object>> triggers() {
    return Codegen.optional(triggers);
  }

  /**
   * Returns whether no check reached the {@code failOn} severity.
   *
   * @return {@code true} when the domain passed
   */
  public Output<Boolean> ok() {
    return ok;
  }

  /**
   * Returns how many checks ended in each severity.
   *
   * @return the counts
   */
  public Output<VerificationSummary> summary() {
    return summary;
  }

  /**
   * Returns every check with its finding.
   *
   * @return the checks in the order they ran
   */
  public Output<List<VerificationCheck>> checks() {
    return checks;
  }

  /**
   * Returns when the checks last ran.
   *
   * @return an RFC 3339 timestamp
   */
  public Output<String> verifiedAt() {
    return verifiedAt;
  }
}
