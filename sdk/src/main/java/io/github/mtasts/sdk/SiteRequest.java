package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * What a {@link Hosting} is given to declare the site of one domain: the domain and the policy
 * body, names and options for its resources, and the component's DNS for the records it needs.
 * Made by {@link MtaSts}; a hosting declares its resources only through it, so that they are
 * children of the component, named after it, and wait for the policy.
 */
public final class SiteRequest {
  /** RFC 8461 §3.3: the policy host is {@code mta-sts.<domain>}. */
  private static final String POLICY_HOST_LABEL = "mta-sts";

  private final MtaSts component;
  private final String componentName;
  private final String domain;
  private final Policy policy;
  private final Dns dns;

  SiteRequest(MtaSts component, String componentName, String domain, Policy policy, Dns dns) {
    this.component = component;
    this.componentName = componentName;
    this.domain = domain;
    this.policy = policy;
    this.dns = dns;
  }

  /**
   * Returns the mail domain.
   *
   * @return for example {@code example.com}
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the host name senders fetch the policy from.
   *
   * @return {@code mta-sts.<domain>}
   */
  public String policyHost() {
    return POLICY_HOST_LABEL + "." + domain;
  }

  /**
   * Returns the policy body the site must serve byte for byte.
   *
   * @return the canonical body, CRLF line ends (RFC 8461 §3.2)
   */
  public Output<String> policyBody() {
    return policy.body();
  }

  /**
   * Returns the policy resource, for a hosting resource that must wait for it explicitly.
   *
   * @return the policy
   */
  public Resource policy() {
    return policy;
  }

  /**
   * Returns the component's DNS, for a hosting that works with one DNS service only and manages
   * the policy host in its zone itself (its {@link Hosting#incompatibility} let only that one
   * through).
   *
   * @return the DNS target
   */
  Dns dns() {
    return dns;
  }

  /**
   * Returns the name of a child resource of the component.
   *
   * @param suffix what the child is, for example {@code site}
   * @return {@code <component name>-<suffix>}
   */
  public String resourceName(String suffix) {
    return componentName + "-" + suffix;
  }

  /**
   * Returns the options of a child resource: parented to the component, after the given
   * resources.
   *
   * @param after resources the child waits for
   * @return the options
   */
  public CustomResourceOptions options(Resource... after) {
    CustomResourceOptions.Builder options = CustomResourceOptions.builder().parent(component);
    if (after.length > 0) {
      options.dependsOn(after);
    }
    return options.build();
  }

  /**
   * Publishes a record in the component's DNS.
   *
   * @param suffix what the record is, for its resource name
   * @param name the fully qualified record name
   * @param type the record type
   * @param values the values
   * @param after resources the record waits for
   * @return the published record
   */
  public PublishedRecord publish(String suffix, Output<String> name, DnsRecord.Type type,
      Output<List<String>> values, Resource... after) {
    return dns.publish(new DnsRecord(resourceName(suffix), name, type, values, options(after)));
  }

  /**
   * Points {@code mta-sts.<domain>} at the host that serves the site, with a CNAME in the
   * component's DNS.
   *
   * @param target the host name of the site, for example a CloudFront distribution's
   * @param after resources the record waits for
   * @return the published record
   */
  public PublishedRecord pointPolicyHostAt(Output<String> target, Resource... after) {
    return publish("policy-host", Output.of(policyHost()), DnsRecord.Type.CNAME,
        target.applyValue(List::of), after);
  }
}
