package io.github.mtasts.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.github.mtasts.sdk.ProviderMocks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The root program against Pulumi's mock engine, with stack config as `pulumi config` sets it. */
class MtaStsProgramTest {
  /** The project name of the repository's Pulumi.yaml: config keys are in its namespace. */
  private static final String PROJECT = "mtasts-aws";

  private final ProviderMocks mocks = new ProviderMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  private TestResult run(Map<String, String> config) {
    // Pulumi's public test API sets no config; its internal builder does.
    return PulumiTestInternal.builder()
        .mocks(mocks)
        .options(TestOptions.builder().projectName(PROJECT).preview(true).build())
        .config(config)
        .build()
        .runTest(MtaStsProgram::declare);
  }

  @Test
  void declaresTheComponentForTheConfiguredDomainAndExportsItsOutputs() {
    TestResult result = run(Map.of(
        PROJECT + ":domain", "example.com",
        PROJECT + ":mode", "testing",
        PROJECT + ":mx", "mx1.example.com,*.mail.example.net",
        PROJECT + ":rua", "mailto:tlsrpt@example.com",
        PROJECT + ":route53ZoneId", "Z0123456789ABCDEFGHIJ"));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals("mtasts:index:MtaSts::example-com", mocks.names().get(0));
    assertEquals(Map.of("domain", "mta-sts.example.com"),
        mocks.named("example-com-certificate").inputs);
    assertEquals("Z0123456789ABCDEFGHIJ", mocks.named("example-com-sts").inputs.get("zoneId"));
    assertEquals(List.of("policyUrl", "policyId", "policyBody", "stsRecord", "tlsRptRecord",
        "verification"), List.copyOf(result.outputs().keySet()));
    assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt",
        PulumiTest.extractValue(result.output("policyUrl")));
  }

  @Test
  void githubPagesHostingDeclaresTheSiteAndTheCertificateWaitInsteadOfAwsHosting() {
    TestResult result = run(Map.of(
        PROJECT + ":domain", "example.com",
        PROJECT + ":mode", "testing",
        PROJECT + ":mx", "mx1.example.com",
        PROJECT + ":route53ZoneId", "Z0123456789ABCDEFGHIJ",
        PROJECT + ":hosting", "github-pages",
        PROJECT + ":githubRepository", "example-org/mta-sts"));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals("mta-sts", mocks.named("example-com-site").inputs.get("repository"));
    assertEquals("example-org", mocks.named("example-com-site").inputs.get("owner"));
    assertEquals(List.of("example-org.github.io"),
        mocks.named("example-com-policy-host").inputs.get("values"));
    assertTrue(mocks.names().contains("mtasts:github:PagesHttps::example-com-https"),
        mocks.names().toString());
    assertTrue(mocks.names().stream().noneMatch(n -> n.startsWith("mtasts:aws:Certificate")),
        mocks.names().toString());
  }

  @Test
  void invalidConfigFailsWithTheKeysNamedAndDeclaresNothing() {
    TestResult result = run(Map.of(PROJECT + ":domain", "example.com",
        PROJECT + ":mode", "strict"));

    assertNotEquals(0, result.exitCode());
    assertEquals(List.of(), mocks.registered);
    String errors = String.join("\n", result.errors());
    assertTrue(errors.contains("config mode: mode 'strict' is not one of enforce, testing or"
        + " none"), errors);
    assertTrue(errors.contains("config route53ZoneId is required"), errors);
  }

  @Test
  void theSdksConsoleCopyOfAnErrorIsLeftOutUnlessItsVerboseLogIsAskedFor() {
    // The SDK sends an error to the engine and logs it to this logger; the root's console handler
    // would print it to standard error, which the language host prints again.
    List<String> printed = new CopyOnWriteArrayList<>();
    Handler console = new Handler() {
      @Override
      public void publish(LogRecord record) {
        printed.add(record.getMessage());
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    Logger root = Logger.getLogger("");
    Logger pulumi = Logger.getLogger(
        DeploymentImpl.class.getName());
    root.addHandler(console);
    try {
      MtaStsProgram.quietUnlessVerbose(null);
      pulumi.severe("the stack configuration is invalid");
      assertEquals(List.of(), printed);
      MtaStsProgram.quietUnlessVerbose("true");
      pulumi.severe("the stack configuration is invalid");
      assertEquals(List.of("the stack configuration is invalid"), printed);
    } finally {
      root.removeHandler(console);
      MtaStsProgram.quietUnlessVerbose("true");
    }
  }
}
