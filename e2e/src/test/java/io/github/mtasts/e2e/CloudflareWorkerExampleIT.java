package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.mtasts.cloudflare.PolicyWorkerScript;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.CloudflareLab;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program of {@code examples/cloudflare-worker} run by the real Pulumi engine against the
 * fake Cloudflare API: its sources compiled against this build's SDK, its Pulumi.yaml's project
 * with the program as a prebuilt jar (the language host would otherwise build it with Maven),
 * the policies served by the Worker the fake stores, in workerd, and verified through the
 * laboratory's DNS, as in {@link MtaStsCloudflareIT}. The two domains' components are created
 * at once by the engine and share one Worker script: neither loses its body.
 */
class CloudflareWorkerExampleIT {
  private static final List<String> DOMAINS = List.of("example.com", "example.org");
  private static final Path EXAMPLE = Repository.resolve("examples/cloudflare-worker");

  private static Path pulumiBin;

  @TempDir Path work;

  private CloudflareLab lab;

  @BeforeAll
  static void installPulumi() {
    pulumiBin = Stack.install(Repository.root());
  }

  @AfterEach
  void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void bothDomainsAreServedByOneWorkerAndDestroyedWithIt() throws Exception {
    lab = CloudflareLab.withWorkers(work, DOMAINS);
    CloudflareStack stack = CloudflareStack.init(pulumiBin, work, projectFile(), lab);
    stack.ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    stack.ok("config", "set", "verifySmtpPort", String.valueOf(lab.smtpPort()));

    stack.ok("up", "--yes");
    Policy testing = Policy.builder().mode(Mode.TESTING).mx("mx1.example.com", "*.mail.example.net")
        .maxAge(604800).build();
    JsonObject outputs = stack.outputs();
    for (String domain : DOMAINS) {
      JsonObject exported = outputs.getAsJsonObject(domain);
      assertEquals("v=STSv1; id=" + testing.id().value(), exported.get("stsRecord").getAsString());
      assertEquals(0, exported.getAsJsonObject("verification").get("errors").getAsInt(), exported.toString());
    }
    assertEquals(List.of("mtasts-policy"), List.copyOf(lab.api().scripts().keySet()), "one Worker for both");
    assertEquals(Map.of("mta-sts.example.com", testing.render(), "mta-sts.example.org", testing.render()),
        PolicyWorkerScript.parse(lab.api().script("mtasts-policy").orElseThrow().mainSource()).orElseThrow()
            .bodiesByHost());
    assertEquals(DOMAINS.stream().map(d -> "mta-sts." + d).collect(Collectors.toSet()),
        lab.api().customDomains().stream().map(d -> d.hostname()).collect(Collectors.toSet()));
    assertTrue(lab.workersEdge().served().stream().anyMatch(s -> s.host().equals("mta-sts.example.org") && s.status() == 200),
        "the verification of example.org fetched the policy from the Worker");
    assertEquals(List.of(), lab.workersEdge().refusals());
    stack.ok("preview", "--expect-no-changes");

    stack.ok("destroy", "--yes");
    assertEquals(Map.of(), lab.api().scripts(), "the last domain took the script");
    assertEquals(List.of(), lab.api().customDomains());
    for (String domain : DOMAINS) {
      assertEquals(List.of(), lab.written(domain), domain);
    }
    stack.assertTokenNowhere();
  }

  /** The example's Pulumi.yaml with the program prebuilt into a jar and the plugin path absolute. */
  private String projectFile() throws IOException {
    Path jar = ExamplePrograms.jar(Repository.root(), "cloudflare-worker", "example.CloudflareMailDomains",
        work);
    String file = Files.readString(EXAMPLE.resolve("Pulumi.yaml"));
    assertTrue(file.contains("runtime: java\n") && file.contains("path: ../../bin\n"), file);
    return file.replace("runtime: java\n", "runtime:\n  name: java\n  options:\n    binary: " + jar + "\n")
        .replace("path: ../../bin\n", "path: " + Repository.resolve("bin") + "\n");
  }
}
