package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Hosting} declared for a domain.
 *
 * @param policyUrl the URL senders fetch the policy from, {@code
 *     https://mta-sts.<domain>/.well-known/mta-sts.txt}
 * @param serving the resources that must all exist before the policy is served at that URL (the
 *     site, the {@code mta-sts} record, a certificate wait): the component verifies the policy
 *     host after them
 */
public record HostedSite(Output<String> policyUrl, List<Resource> serving) {

  /**
   * Checks the parts and copies the list.
   *
   * @throws NullPointerException when a part is missing
   * @throws IllegalArgumentException when no resource serves the policy
   */
  public HostedSite {
    Objects.requireNonNull(policyUrl, "policyUrl");
    serving = List.copyOf(serving);
    if (serving.isEmpty()) {
      throw new IllegalArgumentException("a hosted site is served by at least one resource");
    }
  }
}
