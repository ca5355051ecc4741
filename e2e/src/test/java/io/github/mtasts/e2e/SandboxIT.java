package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.LoopbackSockets;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command, end to end: {@code scripts/sandbox.sh} starts the sandbox's servers
 * (moto, the DNS server, the HTTPS edge, the MX host), deploys the repository's stack for the
 * sample domain onto them with the real Pulumi engine, prints an all-green {@code mtasts verify}
 * and how to tear it down; a second {@code up} continues; {@code down} destroys the stack and
 * leaves no process and no listening socket behind, also after the servers crashed.
 *
 * <p>The sandbox lives in a folder of the test and on 127.0.51.0/24, so that a person's own
 * sandbox (in {@code .sandbox/}, on 127.0.50.0/24) and this test never meet; and it is given
 * {@code --no-build}: the Maven build running this test has just packaged what the script would
 * build.
 */
class SandboxIT {
  private static final Path REPOSITORY = Repository.root();
  private static final String NETWORK = "127.0.51";
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  /** The summary line of an all-green verification of one domain. */
  private static final Pattern ALL_GREEN = Pattern.compile(
      "(?m)^1 domain: 1 ok, 0 with errors \\(0 errors, 0 warnings, \\d+ infos?, \\d+ passes\\)$");

  @TempDir Path work;

  private Path sandbox;

  @AfterEach
  void tearDownWhatIsLeft() {
    // A failed assertion must not leave servers running for the next test.
    if (sandbox != null && Files.isDirectory(sandbox)) {
      sandbox("down");
    }
  }

  @Test
  void upDeploysTheSampleDomainVerifiesItAllGreenAndDownLeavesNothingRunning() throws Exception {
    sandbox = work.resolve("sandbox");
    CommandResult up = ok(UP_TIMEOUT, "up", "--no-build");
    assertAllGreen(up);
    assertTrue(up.stdout().contains("+ 12 created"), up.stdout());
    assertTrue(up.stdout().contains("sandbox.sh down"), "says how to tear it down: " + up.stdout());
    List<Long> processes = processes();
    List<String> sockets = LoopbackSockets.listening(NETWORK + ".");
    // moto, the edge and the MX host on TCP, the DNS server on UDP.
    assertEquals(4, sockets.size(), sockets.toString());

    CommandResult status = ok(COMMAND_TIMEOUT, "status");
    assertTrue(status.stdout().contains("stsRecord") && status.stdout().contains("v=STSv1; id="),
        status.stdout());

    CommandResult again = ok(UP_TIMEOUT, "up", "--no-build");
    assertTrue(again.stdout().contains("already run"), again.stdout());
    assertTrue(again.stdout().contains("12 unchanged"), again.stdout());
    assertAllGreen(again);
    assertEquals(processes, processes(), "the same servers went on running");

    CommandResult down = ok(COMMAND_TIMEOUT, "down");
    assertTrue(down.stdout().contains("- 12 deleted"), "pulumi destroy ran: " + down.stdout());
    assertNothingLeft(processes);
  }

  @Test
  void downAfterTheServersCrashedStopsWhatIsLeftAndRemovesTheSandbox() throws Exception {
    sandbox = work.resolve("crashed");
    assertAllGreen(ok(UP_TIMEOUT, "up", "--no-build"));
    List<Long> processes = processes();
    // The servers' JVM dies without running its shutdown hook: moto, its child, is orphaned.
    ProcessHandle servers = ProcessHandle.of(processes.get(0)).orElseThrow();
    servers.destroyForcibly();
    servers.onExit().get();
    assertTrue(running(processes.get(1)), "moto outlived the servers' JVM");

    CommandResult status = sandbox("status");
    assertEquals(1, status.exitCode(), status.output());
    assertTrue(status.stdout().contains("not running"), status.stdout());

    CommandResult down = ok(COMMAND_TIMEOUT, "down");
    assertTrue(down.stdout().contains("not running"), down.stdout());
    assertNothingLeft(processes);
  }

  /**
   * The verification that up printed is all green, and a full one: the record, the policy
   * fetched through the edge, STARTTLS of the MX host and the TLS-RPT record passed.
   */
  private static void assertAllGreen(CommandResult up) {
    assertTrue(ALL_GREEN.matcher(up.stdout()).find(), "an all-green verification: " + up.output());
    for (String check : List.of("sts-txt", "policy.fetch", "mx.tls", "tlsrpt")) {
      assertTrue(up.stdout().contains("  PASS  " + check + " "), check + " passed: " + up.stdout());
    }
    assertFalse(up.stdout().contains("  ERROR ") || up.stdout().contains("  WARN "),
        up.stdout());
  }

  /** The servers' JVM and moto, as the sandbox recorded them. */
  private List<Long> processes() throws IOException {
    List<Long> ids = new ArrayList<>();
    for (String file : List.of("servers.pid", "moto.pid")) {
      long id = Long.parseLong(Files.readString(sandbox.resolve(file)).strip());
      assertTrue(running(id), file);
      ids.add(id);
    }
    return ids;
  }

  private void assertNothingLeft(List<Long> processes) throws IOException {
    for (long id : processes) {
      assertFalse(running(id), "process " + id + " still runs");
    }
    List<String> strays = ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(line -> line.contains(sandbox.toString()) || line.contains(NETWORK + "."))
        .toList();
    assertEquals(List.of(), strays, "no process of the sandbox is left");
    assertEquals(List.of(), LoopbackSockets.listening(NETWORK + "."), "nothing listens");
    assertFalse(Files.exists(sandbox), "the sandbox folder is removed");
  }

  /**
   * Whether a process runs: it exists and is not a zombie, which has ended and only waits for
   * its parent to collect its exit status (here the init process, once the script that started
   * it has exited); {@link ProcessHandle#isAlive} counts zombies as alive.
   */
  private static boolean running(long id) throws IOException {
    Path stat = Path.of("/proc", String.valueOf(id), "stat");
    String text;
    try {
      text = Files.readString(stat);
    } catch (NoSuchFileException gone) {
      return false;
    }
    // proc(5): "pid (comm) state ...", and comm may hold spaces and parentheses.
    String state = text.substring(text.lastIndexOf(')') + 1).trim();
    return !state.startsWith("Z") && !state.startsWith("X");
  }

  private CommandResult ok(Duration timeout, String... args) {
    CommandResult result = sandbox(timeout, args);
    assertEquals(0, result.exitCode(),
        () -> "scripts/sandbox.sh " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }

  private CommandResult sandbox(String... args) {
    return sandbox(COMMAND_TIMEOUT, args);
  }

  private CommandResult sandbox(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add(REPOSITORY.resolve("scripts/sandbox.sh").toString());
    command.addAll(List.of(args));
    CommandResult result = CommandResult.run(REPOSITORY, command, Map.of(
        "MTASTS_SANDBOX_DIR", sandbox.toString(),
        "MTASTS_SANDBOX_NETWORK", NETWORK,
        // The JDK running the tests, for the servers, the CLI and the Pulumi program alike.
        "JAVA_HOME", System.getProperty("java.home")), timeout);
    System.out.printf("$ scripts/sandbox.sh %s%n(exit %d)%n%s%s%n", String.join(" ", args),
        result.exitCode(), result.stdout(), result.stderr());
    return result;
  }
}
