package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.test.Mocks;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Answers like the provider: the Policy's outputs come from the policy core, the AWS, Cloudflare
 * and GitHub resources get plausible identifiers, every Cloudflare zone name has one id, the
 * policy-host verification and the GitHub certificate take a while; records every registration's
 * start and end, and every invoke.
 */
public final class ProviderMocks implements Mocks {
  /** The certificate ARN the mock returns. */
  public static final String ARN = "arn:aws:acm:us-east-1:123456789012:certificate/c0ffee";
  /** The name of the validation record the mock's certificate asks for. */
  public static final String VALIDATION_NAME = "_3f1c.mta-sts.example.com";
  /** The value of that validation record. */
  public static final String VALIDATION_VALUE = "_9b2e.abcdefghij.acm-validations.aws";
  /** The domain name of every mock distribution. */
  public static final String DISTRIBUTION = "d111111abcdef8.cloudfront.net";
  /** The id mtasts:cloudflare:getZone gives every zone name. */
  public static final String CLOUDFLARE_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";

  /** Every registration, in order. */
  public final List<ResourceArgs> registered = new CopyOnWriteArrayList<>();
  /** "start NAME" when a registration arrives, "done NAME" when it is answered. */
  public final List<String> events = new CopyOnWriteArrayList<>();
  /** Every invoke. */
  public final List<CallArgs> calls = new CopyOnWriteArrayList<>();
  /** The MX hosts checkMxCoverage reports. */
  public List<String> mxHosts = List.of("mx1.example.com", "a.mail.example.net");
  /** The MX hosts checkMxCoverage reports uncovered. */
  public List<String> uncovered = List.of();
  /** Whether checkMxCoverage finds the domain in DNS. */
  public boolean domainExists = true;
  /** When set, checkMxCoverage fails with this message, as when DNS does not answer. */
  public String lookupFailure;

  @Override
  public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
    registered.add(args);
    events.add("start " + args.name);
    Map<String, Object> state = new HashMap<>(args.inputs);
    long delay = 0;
    switch (args.type) {
      case "mtasts:index:Policy" -> {
        Policy policy = Policy.builder()
            .mode(Mode.parse((String) args.inputs.get("mode")).orElseThrow())
            .mx(strings(args.inputs.get("mx")))
            .maxAge(((Number) args.inputs.get("maxAge")).longValue())
            .build();
        state.put("body", policy.render());
        state.put("policyId", policy.id().value());
        state.put("stsRecord", "v=STSv1; id=" + policy.id().value());
        if (args.inputs.containsKey("rua")) {
          state.put("tlsRptRecord", "v=TLSRPTv1; rua="
              + String.join(",", strings(args.inputs.get("rua"))));
        }
      }
      case "mtasts:aws:Certificate" -> {
        state.put("arn", ARN);
        state.put("status", "PENDING_VALIDATION");
        state.put("validationRecords", List.of(
            Map.of("name", VALIDATION_NAME, "type", "CNAME", "value", VALIDATION_VALUE)));
      }
      case "mtasts:aws:CertificateValidation" -> state.put("status", "ISSUED");
      case "mtasts:aws:PolicySite" -> {
        state.put("distributionDomainName", DISTRIBUTION);
        state.put("policyUrl", "https://mta-sts." + args.inputs.get("domain")
            + "/.well-known/mta-sts.txt");
      }
      case "mtasts:aws:Record", "mtasts:cloudflare:Record" -> state.put("fqdn", args.inputs.get("name"));
      case "mtasts:cloudflare:PolicyWorker" -> {
        state.put("policyHost", "mta-sts." + args.inputs.get("domain"));
        state.put("policyUrl", "https://mta-sts." + args.inputs.get("domain")
            + "/.well-known/mta-sts.txt");
        state.put("customDomainId", "cd-" + args.inputs.get("domain"));
      }
      case "mtasts:github:PagesSite" -> {
        String owner = (String) args.inputs.get("owner");
        state.put("fullName", owner + "/" + args.inputs.get("repository"));
        state.put("pagesHost", owner.toLowerCase(Locale.ROOT) + ".github.io");
        state.put("policyUrl", "https://mta-sts." + args.inputs.get("domain")
            + "/.well-known/mta-sts.txt");
        state.put("defaultBranch", "main");
        state.put("created", true);
      }
      case "mtasts:github:PagesHttps" -> {
        state.put("certificateState", "approved");
        state.put("httpsEnforced", true);
        // The certificate takes a while: the verification must wait for it.
        delay = 200;
      }
      case "mtasts:index:Verification" -> {
        state.put("ok", true);
        state.put("summary", Map.of("errors", 0, "warnings", 1, "infos", 2, "passes", 9));
        state.put("checks", List.of());
        state.put("verifiedAt", "2026-01-02T03:04:05Z");
        // A slow verification: whatever depends on it must wait for it.
        delay = "policy-host".equals(args.inputs.get("scope")) ? 300 : 0;
      }
      default -> { }
    }
    return CompletableFuture.supplyAsync(() -> {
      events.add("done " + args.name);
      return ResourceResult.of(Optional.of(args.name + "-id"), state);
    }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
  }

  @Override
  public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
    calls.add(args);
    if (args.token.equals("mtasts:cloudflare:getZone")) {
      return CompletableFuture.completedFuture(Map.of("id", CLOUDFLARE_ZONE_ID,
          "name", args.args.get("zone")));
    }
    assertEquals("mtasts:index:checkMxCoverage", args.token);
    if (lookupFailure != null) {
      return CompletableFuture.failedFuture(new IllegalStateException(lookupFailure));
    }
    return CompletableFuture.completedFuture(Map.of("mxHosts", domainExists ? mxHosts : List.of(),
        "uncovered", uncovered, "domainExists", domainExists,
        "message", !domainExists ? "example.com does not exist (NXDOMAIN): a policy for it protects nothing"
            : uncovered.isEmpty() ? "every MX host is covered" : "uncovered"));
  }

  /**
   * Returns the registration of a name.
   *
   * @param name the resource name
   * @return its registration
   */
  public ResourceArgs named(String name) {
    return registered.stream().filter(r -> r.name.equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + names()));
  }

  /**
   * Returns what was registered.
   *
   * @return "TYPE::NAME" of each registration, in order
   */
  public List<String> names() {
    return registered.stream().map(r -> r.type + "::" + r.name).toList();
  }

  /**
   * Returns where an event happened.
   *
   * @param event "start NAME" or "done NAME"
   * @return its position in {@link #events}
   */
  public int index(String event) {
    assertTrue(events.contains(event), () -> event + " in " + events);
    return events.indexOf(event);
  }

  /**
   * Returns inputs with integers as integers: the mock engine decodes protobuf numbers as doubles.
   *
   * @param inputs a registration's inputs
   * @return the same inputs, whole doubles as integers
   */
  public static Map<String, Object> numbers(Map<String, Object> inputs) {
    Map<String, Object> normalized = new HashMap<>();
    inputs.forEach((k, v) -> normalized.put(k,
        v instanceof Double d && d == Math.rint(d) ? d.intValue() : v));
    return normalized;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object list) {
    return (List<String>) list;
  }
}
