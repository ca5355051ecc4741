package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The packaged command line ({@code cli/target/mtasts.jar}, what {@code bin/mtasts} runs) knows its version. */
class MainJarIT {
  private static final Path JAR = Repository.resolve("cli/target/mtasts.jar");
  private static String pomVersion;

  @BeforeAll
  static void readTheParentPom() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document pom = factory.newDocumentBuilder().parse(Repository.resolve("pom.xml").toFile());
    pomVersion = XPathFactory.newInstance().newXPath().evaluate("/project/version", pom).strip();
    assertTrue(pomVersion.matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"), "no version in the parent pom: " + pomVersion);
    assertTrue(Files.isRegularFile(JAR), JAR + " is missing: integration tests run after package");
  }

  @Test
  void theManifestCarriesTheVersionOfTheParentPom() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      Attributes manifest = jar.getManifest().getMainAttributes();
      assertEquals(pomVersion, manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
      assertEquals(Main.class.getName(), manifest.getValue(Attributes.Name.MAIN_CLASS));
    }
  }

  @Test
  void versionPrintsTheVersionOfTheParentPom() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-jar", JAR.toString(), "--version")
        .redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mtasts --version did not end");
    assertEquals(0, process.exitValue(), out);
    assertEquals("mtasts " + pomVersion, out.strip());
  }
}
