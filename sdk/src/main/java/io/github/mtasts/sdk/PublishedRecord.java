package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.Objects;

/**
 * A record set a {@link Dns} declared.
 *
 * @param resource the resource that manages it, for others to depend on
 * @param fqdn the fully qualified name, known once the record set exists
 */
public record PublishedRecord(Resource resource, Output<String> fqdn) {

  /**
   * Checks that both parts are given.
   *
   * @throws NullPointerException when a part is missing
   */
  public PublishedRecord {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(fqdn, "fqdn");
  }
}
