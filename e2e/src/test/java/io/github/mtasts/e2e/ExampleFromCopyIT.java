package io.github.mtasts.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.aws.AwsFixture;
import io.github.mtasts.aws.MotoExtension;
import io.github.mtasts.testlab.AwsLab;
import io.github.mtasts.testlab.Folders;
import io.github.mtasts.testlab.PulumiCli;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example {@code examples/aws-route53-cloudfront} is a standalone Maven project that needs
 * only the SDK's coordinates: a copy of it outside the repository compiles with Maven offline
 * against the repository this build installed the SDK into (and the build's own local repository
 * for everything else), and the real engine previews it through the Java language host, which
 * builds it the same way, with its {@code Pulumi.yaml} pointing at the repository's {@code bin/}.
 * moto stands for AWS and the laboratory's DNS server answers the component's MX look-ups.
 */
@ExtendWith(MotoExtension.class)
class ExampleFromCopyIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final String VERSION = System.getProperty("mtasts.version");
  private static final Path SDK_REPOSITORY = Path.of(System.getProperty("mtasts.sdkRepository"));
  private static final Path BUILD_REPOSITORY = Path.of(System.getProperty("mtasts.localRepository"));

  @TempDir Path work;

  @Test
  void aCopyOfTheExampleCompilesOfflineAgainstTheInstalledSdkAndPreviews(AwsFixture aws) throws Exception {
    Path sdk = SDK_REPOSITORY.resolve("io/github/mtasts/mtasts-sdk/" + VERSION);
    for (String classifier : List.of("", "-sources", "-javadoc")) {
      Path jar = sdk.resolve("mtasts-sdk-" + VERSION + classifier + ".jar");
      assertTrue(Files.isRegularFile(jar), "the build installs " + jar);
    }

    Path example = Folders.copy(Repository.resolve("examples/aws-route53-cloudfront"), work.resolve("example"));
    assertFalse(example.startsWith(Repository.root()), "the copy lives outside the repository");
    offlineMaven(example);
    CommandResult compiled = CommandResult.run(example, List.of("mvn", "-B", "-q", "compile"), Map.of(), TIMEOUT);
    assertEquals(0, compiled.exitCode(), () -> "mvn compile failed:\n" + compiled.output());
    assertTrue(Files.isRegularFile(example.resolve("target/classes/example/MailDomains.class")));

    Path pulumiYaml = example.resolve("Pulumi.yaml");
    String project = Files.readString(pulumiYaml);
    assertTrue(project.contains("path: ../../bin"), project);
    Files.writeString(pulumiYaml, project.replace("path: ../../bin", "path: " + Repository.resolve("bin")));

    try (AwsLab lab = AwsLab.start(aws.moto.endpoint(), work, List.of("example.com", "example.org"))) {
      PulumiCli pulumi = PulumiCli.forProject(PulumiCli.install(Repository.root()), List.of(), example, work, "example")
          .withEnvironment(AwsLab.awsEnvironment(work));
      ok(pulumi, "stack", "init", "dev");
      ok(pulumi, "config", "set", "exampleComZoneId", lab.zoneId("example.com"));
      ok(pulumi, "config", "set", "exampleOrgZoneId", lab.zoneId("example.org"));
      ok(pulumi, "config", "set", "mtasts:awsEndpoint", aws.proxy.endpoint());
      ok(pulumi, "config", "set", "mtasts:awsRegion", "us-east-1");
      ok(pulumi, "config", "set", "mtasts:verifyResolver", lab.resolver());

      int before = aws.proxy.exchanges().size();
      String preview = ok(pulumi, "preview").output();
      for (String expected : List.of("mtasts:index:MtaSts", "example-com", "example-org", "mtasts:aws:PolicySite",
          "mtasts:aws:Certificate", "mtasts:aws:Record", "mtasts:index:Verification")) {
        assertTrue(preview.contains(expected), () -> expected + " is not in the preview:\n" + preview);
      }
      assertTrue(preview.contains("the MX host mx1.example.org is matched by no mx pattern"),
          () -> "the component's MX preflight asked the laboratory's DNS server:\n" + preview);
      assertEquals(before, aws.proxy.exchanges().size(), "a preview calls no AWS operation");
    }
  }

  /**
   * Makes every Maven run in the project (this test's and the Java language host's) offline,
   * with a fresh local repository filled from two folders only: the repository this build
   * installed the SDK into and the build's own local repository, read as file repositories.
   */
  private void offlineMaven(Path project) throws IOException {
    Path settings = work.resolve("settings.xml");
    Files.writeString(settings, String.join("\n",
        "<settings>",
        "  <localRepository>" + work.resolve("m2") + "</localRepository>",
        "  <offline>true</offline>",
        "  <profiles>",
        "    <profile>",
        "      <id>build</id>",
        "      <repositories>",
        "        <repository><id>mtasts-sdk</id><url>" + SDK_REPOSITORY.toUri() + "</url></repository>",
        "        <repository><id>build-local</id><url>" + BUILD_REPOSITORY.toUri() + "</url></repository>",
        "      </repositories>",
        "      <pluginRepositories>",
        "        <pluginRepository><id>build-local</id><url>" + BUILD_REPOSITORY.toUri() + "</url></pluginRepository>",
        "      </pluginRepositories>",
        "    </profile>",
        "  </profiles>",
        "  <activeProfiles><activeProfile>build</activeProfile></activeProfiles>",
        "</settings>",
        ""));
    // Maven reads .mvn/maven.config of the project for every command line; offline mode still
    // reads file: repositories when told so.
    Path config = Files.createDirectories(project.resolve(".mvn")).resolve("maven.config");
    Files.writeString(config, "-s " + settings + " -Daether.offline.protocols=file\n");
  }

  private static CommandResult ok(PulumiCli pulumi, String... args) {
    CommandResult result = pulumi.run(TIMEOUT, args);
    assertEquals(0, result.exitCode(), () -> "pulumi " + String.join(" ", args) + " failed:\n" + result.output());
    return result;
  }
}
