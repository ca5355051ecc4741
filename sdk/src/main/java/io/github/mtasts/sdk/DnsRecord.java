package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import java.util.List;
import java.util.Objects;

/**
 * One record set a component asks its {@link Dns} to publish.
 *
 * @param resourceName the Pulumi name of the resource that manages the record set
 * @param name the fully qualified record name, without the trailing dot, for example
 *     {@code _mta-sts.example.com}
 * @param type the record type
 * @param values the values: TXT texts without quotes (the DNS service splits them into strings
 *     of at most 255 octets), or the one CNAME target
 * @param options the options to declare the resource with: its parent and what it waits for
 */
public record DnsRecord(String resourceName, Output<String> name, Type type,
    Output<List<String>> values, CustomResourceOptions options) {

  /** The record types a component publishes. */
  public enum Type {
    /** Text: the {@code _mta-sts} and {@code _smtp._tls} records. */
    TXT,
    /** An alias: the policy host and certificate validation records. */
    CNAME
  }

  /**
   * Checks that every part is given.
   *
   * @throws NullPointerException when a part is missing
   */
  public DnsRecord {
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(options, "options");
  }
}
