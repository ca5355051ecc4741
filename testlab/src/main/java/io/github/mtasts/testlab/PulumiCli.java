package io.github.mtasts.testlab;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Pulumi CLI, run as a user would run it in one project directory, but isolated: its
 * own home (plugin cache, credentials), a local file backend, a passphrase secrets provider, no
 * update checks and no plugin downloads.
 */
public final class PulumiCli {

  /** Generous for a first build of the three Go binaries on two cores; bounded all the same. */
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(45);

  private final Path projectDir;
  private final Map<String, String> environment;

  private PulumiCli(Path projectDir, Map<String, String> environment) {
    this.projectDir = projectDir;
    this.environment = environment;
  }

  /**
   * Returns the directory of the {@code pulumi}, {@code pulumi-language-java} and
   * {@code pulumi-language-yaml} binaries, building them with {@code scripts/install-pulumi.sh}
   * unless already built. Fails the test
   * (never skips it) when they cannot be had.
   *
   * @param repository the project's root directory
   * @return the binaries' directory
   */
  public static Path install(Path repository) {
    Path script = repository.resolve("scripts/install-pulumi.sh");
    CommandResult result =
        CommandResult.run(repository, List.of(script.toString()), Map.of(), INSTALL_TIMEOUT);
    if (result.exitCode() != 0) {
      fail("scripts/install-pulumi.sh failed (exit " + result.exitCode() + "):\n"
          + result.stderr());
    }
    Path bin = Path.of(result.stdout().strip());
    for (String binary : List.of("pulumi", "pulumi-language-java", "pulumi-language-yaml")) {
      if (!Files.isExecutable(bin.resolve(binary))) {
        fail("scripts/install-pulumi.sh printed " + bin + ", which lacks " + binary);
      }
    }
    return bin;
  }

  /**
   * Prepares a CLI for one project directory.
   *
   * @param pulumiBin directory of the Pulumi binaries
   * @param pluginDirs directories to put on {@code PATH} before the binaries, such as the
   *     provider launcher's
   * @param projectDir the directory holding {@code Pulumi.yaml}
   * @param workDir a scratch directory for the Pulumi home and the state backend
   * @param passphrase the passphrase of the stack's secrets provider
   * @return the CLI
   * @throws IOException when the scratch directories cannot be created
   */
  public static PulumiCli forProject(
      Path pulumiBin, List<Path> pluginDirs, Path projectDir, Path workDir, String passphrase)
      throws IOException {
    Path home = Files.createDirectories(workDir.resolve("pulumi-home"));
    Path state = Files.createDirectories(workDir.resolve("state"));
    List<String> path = new ArrayList<>();
    pluginDirs.forEach(dir -> path.add(dir.toString()));
    path.add(pulumiBin.toString());
    // The language host starts `java` from PATH: the JVM running the tests.
    ProcessHandle.current().info().command()
        .ifPresent(java -> path.add(Path.of(java).getParent().toString()));
    path.add(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", String.join(":", path));
    env.put("PULUMI_HOME", home.toString());
    env.put("PULUMI_BACKEND_URL", state.toUri().toString());
    env.put("PULUMI_CONFIG_PASSPHRASE", passphrase);
    env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
    env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
    env.put("PULUMI_SKIP_CONFIRMATIONS", "true");
    return new PulumiCli(projectDir, Map.copyOf(env));
  }

  /**
   * The same CLI with more environment variables for every command and the plugins it starts,
   * such as a cloud's credentials.
   *
   * @param variables the variables to add
   * @return the CLI
   */
  public PulumiCli withEnvironment(Map<String, String> variables) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(variables);
    return new PulumiCli(projectDir, Map.copyOf(env));
  }

  /**
   * Runs {@code pulumi ARGS} in the project directory.
   *
   * @param timeout how long the command may take before it is killed and the test fails
   * @param args the arguments after {@code pulumi}
   * @return what the command did
   */
  public CommandResult run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>();
    command.add("pulumi");
    command.add("--non-interactive");
    command.add("--color=never");
    command.addAll(List.of(args));
    CommandResult result = CommandResult.run(projectDir, command, environment, timeout);
    System.out.printf("$ %s%n(exit %d)%n%s%s%n", String.join(" ", redacted(command)),
        result.exitCode(), result.stdout(), result.stderr());
    return result;
  }

  /** The command line as logged: the value of {@code config set --secret KEY VALUE} hidden. */
  private static List<String> redacted(List<String> command) {
    List<String> shown = new ArrayList<>(command);
    if (shown.contains("--secret")) {
      shown.set(shown.size() - 1, "[secret]");
    }
    return shown;
  }

  /** The outcome of one command: exit code and both output streams. */
  public record CommandResult(int exitCode, String stdout, String stderr) {

    /**
     * Returns both streams, for searching what a user would have seen.
     *
     * @return stdout followed by stderr
     */
    public String output() {
      return stdout + stderr;
    }

    /**
     * Runs a command to its end, as {@link PulumiCli#run} runs {@code pulumi}: its own
     * environment on top of this process's, the executable looked up on that environment's
     * {@code PATH}.
     *
     * @param dir the working directory
     * @param command the executable and its arguments
     * @param env variables to add to the environment
     * @param timeout how long the command may take before it is killed and the test fails
     * @return what the command did
     */
    public static CommandResult run(
        Path dir, List<String> command, Map<String, String> env, Duration timeout) {
      try {
        Path out = Files.createTempFile("pulumi-cli", ".out");
        Path err = Files.createTempFile("pulumi-cli", ".err");
        try {
          // Resolve the executable with the child's PATH, as a shell would.
          List<String> resolved = new ArrayList<>(command);
          resolved.set(0, resolve(command.get(0), env.getOrDefault("PATH", "")));
          ProcessBuilder builder =
              new ProcessBuilder(resolved).directory(dir.toFile())
                  .redirectOutput(out.toFile()).redirectError(err.toFile());
          builder.environment().putAll(env);
          Process process = builder.start();
          if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail("timed out after " + timeout + ": " + String.join(" ", command) + "\n"
                + Files.readString(out, StandardCharsets.UTF_8)
                + Files.readString(err, StandardCharsets.UTF_8));
          }
          return new CommandResult(process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
        } finally {
          Files.deleteIfExists(out);
          Files.deleteIfExists(err);
        }
      } catch (IOException e) {
        throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted running " + command, e);
      }
    }

    private static String resolve(String executable, String path) {
      if (executable.contains("/")) {
        return executable;
      }
      for (String dir : path.split(":")) {
        Path candidate = Path.of(dir, executable);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
      return executable;
    }
  }
}
