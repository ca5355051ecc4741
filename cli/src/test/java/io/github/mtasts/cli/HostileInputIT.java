package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.Repository;
import io.github.mtasts.testlab.VerifyLab;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged command line ({@code cli/target/mtasts.jar}) in a JVM of 128 MB, given what never
 * ends or costs the most: {@code /dev/zero} as every file and as standard input, and a domain
 * whose DNS and policy host send records of 60,000 characters and a policy of 64 KiB. Each run
 * ends with a usage error or a small report, never with OutOfMemoryError or a hang.
 */
class HostileInputIT {
  private static final Path JAR = Repository.resolve("cli/target/mtasts.jar");
  // A guard for the test, not a measurement: a run that has not ended by then never will.
  private static final long RUN_LIMIT_SECONDS = 120;
  private static VerifyLab lab;

  @BeforeAll
  static void startLab() throws Exception {
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: integration tests run after package");
    lab = VerifyLab.start();
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  private static CliRun mtasts(File stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(stdin));
    Process process = builder.start();
    if (stdin == null) {
      process.getOutputStream().close();
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> text(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
    if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("mtasts " + String.join(" ", args) + " did not end");
    }
    return new CliRun(process.exitValue(), out.get(), err.get());
  }

  private static String text(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void lintOfDevZeroAsAFileOrAsStandardInputIsAUsageError() throws Exception {
    mtasts(null, "lint", "--kind", "policy", "/dev/zero").assertUsageError("input file /dev/zero is a device");
    mtasts(new File("/dev/zero"), "lint", "--kind", "policy")
        .assertUsageError("standard input holds more than 1 MiB");
    mtasts(new File("/dev/zero"), "lint", "--kind", "sts-record", "-")
        .assertUsageError("standard input holds more than 1 MiB");
  }

  @Test
  void verifyWithDevZeroAsAnyFileIsAUsageError() throws Exception {
    for (String option : List.of("--domains-file", "--expect-policy", "--previous-state", "--ca-file")) {
      mtasts(null, "verify", option, "/dev/zero", "example.com")
          .assertUsageError(option, "/dev/zero is a device, not a file");
    }
  }

  @Test
  void verifyOfAHostileDomainPrintsASmallReport() throws Exception {
    List<String> toLab = List.of("--resolver", lab.resolver(), "--ca-file", lab.caFile().toString(),
        "--https-port", Integer.toString(lab.httpsPort()), "--smtp-port", Integer.toString(lab.smtpPort()),
        "--connect-timeout", "1s", "--read-timeout", "2s", "--fetch-timeout", "5s", "--smtp-timeout", "5s");
    List<String> json = new ArrayList<>(List.of("verify", "--json"));
    json.addAll(toLab);
    json.add("hostile.test");
    CliRun run = mtasts(null, json.toArray(new String[0]));
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.out().length() < 512 * 1024, run.out().length() + " characters of JSON");
    assertTrue(run.out().contains("more errors about 'record'"), run.out());
    List<String> human = new ArrayList<>(List.of("verify"));
    human.addAll(toLab);
    human.add("hostile.test");
    CliRun text = mtasts(null, human.toArray(new String[0]));
    assertEquals(1, text.exit(), text.err());
    assertTrue(text.out().length() < 128 * 1024, text.out().length() + " characters");
  }
}
