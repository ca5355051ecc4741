package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mtasts.sdk.MtastsPackage;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A Route 53 record set: the {@code _mta-sts} TXT record that announces the policy id (RFC 8461
 * §3.1), the {@code _smtp._tls} TXT record for TLS reports (RFC 8460 §3), or a CNAME (the policy
 * host, a certificate validation record).
 *
 * <p>The provider creates it with Route 53's CREATE and never overwrites: a record set of that name
 * and type that exists already fails the creation with the {@code pulumi import} command that
 * adopts it. Zone, name and type identify it (a change replaces it); TTL and values change in
 * place. Every change waits until Route 53 has it on all its name servers (INSYNC). The provider
 * id, also the import id, is {@code ZONEID/NAME/TYPE}.
 *
 * <pre>{@code
 * var sts = new Record("example-com-sts", RecordArgs.builder()
 *     .zoneId("Z0123456789ABC")
 *     .name("_mta-sts.example.com")
 *     .type("TXT")
 *     .values(policy.stsRecord().applyValue(List::of))
 *     .build());
 * }</pre>
 */
@ResourceType(type = Record.TYPE)
public class Record extends CustomResource {

  /** The resource type token the provider serves. */
  public static final String TYPE = "mtasts:aws:Record";

  @Export(name = "zoneId", refs = {String.class}, tree = "[0]")
  private Output<String> zoneId;

  @Export(name = "name", refs = {String.class}, tree = "[0]")
  private Output<String> name;

  @Export(name = "type", refs = {String.class}, tree = "[0]")
  private Output<String> type;

  @Export(name = "ttl", refs = {Integer.class}, tree = "[0]")
  private Output<Integer> ttl;

  @Export(name = "values", refs = {List.class, String.class}, tree = "[0,1]")
  private Output<List<String>> values;

  @Export(name = "fqdn", refs = {String.class}, tree = "[0]")
  private Output<String> fqdn;

  /**
   * Declares the resource.
   *
   * @param name the unique name of the resource in the program
   * @param args its inputs
   */
  public Record(String name, RecordArgs args) {
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
  public Record(String name, RecordArgs args, @Nullable CustomResourceOptions options) {
    super(TYPE, name, args, MtastsPackage.resourceOptions(options, Codegen.empty()));
  }

  private Record(String name, Output<String> id, @Nullable CustomResourceOptions options) {
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
  public static Record get(
      String name, Output<String> id, @Nullable CustomResourceOptions options) {
    return new Record(name, id, options);
  }

  /**
   * Returns the hosted zone id.
   *
   * @return for example {@code Z0123456789ABC}
   */
  public Output<String> zoneId() {
    return zoneId;
  }

  /**
   * Returns the record name.
   *
   * @return fully qualified, lower case, without the trailing dot
   */
  public Output<String> name() {
    return name;
  }

  /**
   * Returns the record type.
   *
   * @return {@code TXT} or {@code CNAME}
   */
  public Output<String> type() {
    return type;
  }

  /**
   * Returns how long resolvers may cache the record.
   *
   * @return seconds (300 unless set)
   */
  public Output<Integer> ttl() {
    return ttl;
  }

  /**
   * Returns the values.
   *
   * @return the TXT texts, unquoted, or the one CNAME target
   */
  public Output<List<String>> values() {
    return values;
  }

  /**
   * Returns the fully qualified name as Route 53 keeps it.
   *
   * @return lower case, without the trailing dot
   */
  public Output<String> fqdn() {
    return fqdn;
  }
}
