package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs under {@code examples/} compile against this build's SDK and declare what their
 * READMEs say, run against Pulumi's mock engine with the stack config the READMEs set.
 */
class ExampleProgramsTest {
  private static final Path EXAMPLES = Repository.resolve("examples");

  @TempDir Path classes;

  private final ProviderMocks mocks = new ProviderMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  @Test
  void awsRoute53CloudFrontDeclaresBothDomains() throws Exception {
    TestResult result = preview("aws-route53-cloudfront", "example.MailDomains", "mail-domains",
        Map.of("exampleComZoneId", "Z0000000000EXAMPLECOM",
            "exampleOrgZoneId", "Z0000000000EXAMPLEORG"));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(List.of("mtasts:index:MtaSts::example-com", "mtasts:index:MtaSts::example-org"),
        mocks.names().stream().filter(n -> n.startsWith("mtasts:index:MtaSts::")).toList());
    assertEquals("Z0000000000EXAMPLECOM", mocks.named("example-com-sts").inputs.get("zoneId"));
    assertEquals("Z0000000000EXAMPLEORG", mocks.named("example-org-sts").inputs.get("zoneId"));
    assertEquals("testing", mocks.named("example-org-policy").inputs.get("mode"));
    assertEquals(List.of("example.com", "example.org"), List.copyOf(result.outputs().keySet()));
  }

  @Test
  void cloudflareWorkerDeclaresBothDomainsOnOneWorker() throws Exception {
    TestResult result = preview("cloudflare-worker", "example.CloudflareMailDomains",
        "cloudflare-mail-domains", Map.of());

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(List.of("mtasts:cloudflare:PolicyWorker::example-com-worker",
        "mtasts:cloudflare:PolicyWorker::example-org-worker"), mocks.names().stream()
        .filter(n -> n.startsWith("mtasts:cloudflare:PolicyWorker::")).sorted().toList());
    assertEquals("mtasts-policy", mocks.named("example-com-worker").inputs.get("scriptName"));
    assertEquals("mtasts-policy", mocks.named("example-org-worker").inputs.get("scriptName"));
    assertEquals(List.of(Map.of("zone", "example.com"), Map.of("zone", "example.org")), mocks.calls.stream()
        .filter(c -> c.token.equals("mtasts:cloudflare:getZone")).map(c -> c.args).toList());
    assertEquals(List.of("example.com", "example.org"), List.copyOf(result.outputs().keySet()));
  }

  @Test
  void githubPagesDeclaresTheRecipeAsOneComponent() throws Exception {
    TestResult result = preview("github-pages", "example.PolicyOnGitHubPages",
        "mta-sts-github-pages", Map.of("domain", "example.com",
            "zoneId", "Z0000000000EXAMPLECOM", "owner", "example-org",
            "mx", "mx1.example.com, *.mail.example.net", "rua", "mailto:tlsrpt@example.com"));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    String body = io.github.mtasts.policy.Policy.builder()
        .mode(io.github.mtasts.policy.Mode.TESTING).mx("mx1.example.com", "*.mail.example.net")
        .maxAge(604800).build().render();
    assertEquals(Map.of("owner", "example-org", "repository", "mta-sts", "domain", "example.com",
        "policy", body), mocks.named("example-com-site").inputs);
    assertEquals(List.of("example-org.github.io"),
        mocks.named("example-com-policy-host").inputs.get("values"));
    assertEquals(List.of("policyUrl", "stsRecord", "verification"),
        List.copyOf(result.outputs().keySet()));
  }

  /** Previews an example's program against the mock engine with the stack config given. */
  private TestResult preview(String example, String mainClass, String project,
      Map<String, String> config) throws Exception {
    Method stack = compile(EXAMPLES.resolve(example), mainClass).getMethod("stack", Context.class);
    Map<String, String> namespaced = new TreeMap<>();
    config.forEach((key, value) -> namespaced.put(project + ":" + key, value));
    return PulumiTestInternal.builder()
        .mocks(mocks)
        .options(TestOptions.builder().projectName(project).preview(true).build())
        .config(namespaced)
        .build()
        .runTest(ctx -> {
          try {
            stack.invoke(null, ctx);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e.getCause());
          }
        });
  }

  /** Compiles an example's sources against the test class path and loads its main class. */
  private Class<?> compile(Path project, String mainClass) throws IOException,
      ClassNotFoundException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(project.resolve("src/main/java"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror",
        "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
    boolean compiled = javac.getTask(diagnostics, null, null, options, null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(sources))
        .call();
    assertTrue(compiled, project + " does not compile:\n" + diagnostics);
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        getClass().getClassLoader());
    return loader.loadClass(mainClass);
  }
}
