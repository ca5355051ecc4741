package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.testlab.VerifyLab;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtasts verify} end to end against the laboratory of real servers ({@link VerifyLab}). */
class VerifyCommandTest {
  private static final long MIB = 1024 * 1024;
  private static VerifyLab lab;

  @TempDir Path temp;

  @BeforeAll
  static void startLab() throws Exception {
    lab = VerifyLab.start();
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  /** Runs {@code mtasts verify} against the laboratory, with short timeouts. */
  private static CliRun run(String... args) {
    return runWith(lab.resolver(), args);
  }

  private static CliRun runWith(String resolver, String... args) {
    List<String> all = new ArrayList<>(List.of("verify",
        "--resolver", resolver, "--ca-file", lab.caFile().toString(),
        "--https-port", Integer.toString(lab.httpsPort()), "--smtp-port", Integer.toString(lab.smtpPort()),
        "--connect-timeout", "1s", "--read-timeout", "2s", "--fetch-timeout", "5s", "--smtp-timeout", "5s"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(new String[0]));
  }

  @Test
  void healthyDomainExitsZeroWithOneLinePerCheckAndASummary() {
    CliRun run = run("testing.test");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().startsWith("testing.test\n"), run.out());
    assertTrue(run.out().contains("  PASS  sts-txt "), run.out());
    assertTrue(run.out().contains("  PASS  mx.tls "), run.out());
    // Not a terminal: no escape sequences.
    assertFalse(run.out().contains("\u001b["), run.out());
    assertTrue(run.out().strip().endsWith("passes)"), run.out());
    assertTrue(run.out().contains("1 domain: 1 ok, 0 with errors"), run.out());
  }

  @Test
  void errorsExitOne() {
    CliRun run = run("http404.test");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("  ERROR policy.fetch.status "), run.out());
  }

  @Test
  void jsonForManyDomains() {
    CliRun run = run("--json", "--concurrency", "2", "enforce.test", "redirect.test");
    assertEquals(1, run.exit(), run.out());
    JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
    assertEquals(2, json.getAsJsonArray("reports").size());
    assertEquals("enforce.test", json.getAsJsonArray("reports").get(0).getAsJsonObject().get("domain").getAsString());
    assertEquals(1, json.getAsJsonObject("summary").get("domainsWithErrors").getAsInt());
    assertTrue(run.out().contains("\"policy.fetch.redirect\""), run.out());
  }

  @Test
  void domainsFileWithComments() throws Exception {
    Path file = temp.resolve("domains.txt");
    Files.writeString(file, "# our domains\nenforce.test\n\n  testing.test  # main\n");
    CliRun run = run("--domains-file", file.toString());
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().contains("2 domains: 2 ok"), run.out());
  }

  @Test
  void dnsServerDownIsAnOperationalFailureExitTwo() throws Exception {
    InetAddress address = InetAddress.getByName("127.0.9.55");
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, address)) {
      port = probe.getLocalPort();
    }
    CliRun run = runWith("127.0.9.55:" + port, "--dns-timeout", "500ms", "testing.test");
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("[operational]"), run.out() + run.err());
    assertTrue(run.out().contains("not fully verified"), run.out());
    assertFalse(run.out().contains("sts-txt.missing"), run.out());
  }

  @Test
  void usageErrorsExitTwoAndNameTheProblem() throws Exception {
    CliRun none = CliRun.run("verify");
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("no domain given"), none.err());
    CliRun bad = CliRun.run("verify", "exa_mple.com");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("exa_mple.com"), bad.err());
    CliRun two = CliRun.run("verify", "--expect-id", "abc", "a.example", "b.example");
    assertEquals(2, two.exit());
    assertTrue(two.err().contains("one domain"), two.err());
    CliRun id = CliRun.run("verify", "--expect-id", "not-an-id!", "a.example");
    assertEquals(2, id.exit());
    assertTrue(id.err().contains("--expect-id"), id.err());
    Path notPem = temp.resolve("not.pem");
    Files.writeString(notPem, "hello");
    CliRun ca = CliRun.run("verify", "--ca-file", notPem.toString(), "a.example");
    assertEquals(2, ca.exit());
    assertTrue(ca.err().contains("--ca-file " + notPem), ca.err());
    CliRun duration = CliRun.run("verify", "--dns-timeout", "soon", "a.example");
    assertEquals(2, duration.exit());
    assertTrue(duration.err().contains("'soon' is not a duration"), duration.err());
    CliRun scope = CliRun.run("verify", "--scope", "everything", "a.example");
    assertEquals(2, scope.exit());
    assertTrue(scope.err().contains("--scope: scope 'everything' is unknown: use policy-host, policy-and-records, all"), scope.err());
    // IDNA2008 (RFC 5892): an emoji label is no domain name; the error names the code point.
    CliRun emoji = CliRun.run("verify", "\u2709.example");
    assertEquals(2, emoji.exit());
    assertTrue(emoji.err().contains("U+2709 ENVELOPE"), emoji.err());
  }

  private Path sparse(String name, long bytes) throws Exception {
    Path file = temp.resolve(name);
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.setLength(bytes);
    }
    return file;
  }

  @Test
  void everyFileOptionRefusesDirectoriesAndDevicesNamingTheOptionAndTheFile() {
    for (String option : List.of("--domains-file", "--expect-policy", "--previous-state", "--ca-file")) {
      CliRun.run("verify", option, temp.toString(), "a.example")
          .assertUsageError(option, temp + " is a directory, not a file");
      CliRun.run("verify", option, "/dev/null", "a.example")
          .assertUsageError(option, "/dev/null is a device, not a file");
    }
  }

  @Test
  void everyFileOptionRefusesAFileAboveItsLimitNamingTheLimit() throws Exception {
    CliRun.run("verify", "--domains-file", sparse("domains.txt", 16 * MIB + 1).toString())
        .assertUsageError("--domains-file " + temp.resolve("domains.txt") + " holds more than 16 MiB");
    CliRun.run("verify", "--expect-policy", sparse("policy.txt", MIB + 1).toString(), "a.example")
        .assertUsageError("--expect-policy " + temp.resolve("policy.txt") + " holds more than 1 MiB");
    CliRun.run("verify", "--previous-state", sparse("state.json", 16 * MIB + 1).toString(), "a.example")
        .assertUsageError("--previous-state: state file " + temp.resolve("state.json") + " holds more than 16 MiB");
    CliRun.run("verify", "--ca-file", sparse("ca.pem", 4 * MIB + 1).toString(), "a.example")
        .assertUsageError("--ca-file " + temp.resolve("ca.pem") + " holds more than 4 MiB");
    Path state = sparse("written.json", 16 * MIB + 1);
    run("--write-state", state.toString(), "testing.test")
        .assertUsageError("--write-state: state file " + state + " holds more than 16 MiB");
  }

  @Test
  void typedDomainsAreRefusedUnlessTheyShowAsTheNameVerified() {
    CliRun.run("verify", "ｅｘａｍｐｌｅ．ｃｏｍ").assertUsageError("U+FF45 FULLWIDTH LATIN SMALL LETTER E",
        "type 'example.com'");
    // The argument is quoted with the invisible character escaped, as all human output is.
    CliRun.run("verify", "exa\u200bmple.com").assertUsageError("'exa\\u200bmple.com'",
        "U+200B ZERO WIDTH SPACE, an invisible character");
    CliRun.run("verify", "127.0.0.1").assertUsageError("is an IP address");
    CliRun.run("verify", "exa\u001b[2Jmple.com").assertUsageError("'exa\\u001b[2Jmple.com'",
        "U+001B ESCAPE, a control character");
  }

  @Test
  void humanOutputEscapesWhatAHostileDomainSends() {
    CliRun run = run("escapes.test");
    assertEquals(1, run.exit(), run.out() + run.err());
    for (char c : new char[] {'\u001b', '\u0007', '\u0000'}) {
      assertFalse(run.out().indexOf(c) >= 0, () -> String.format("U+%04X in %s", (int) c, run.out()));
    }
    // From the _mta-sts record, from the policy body, and from the TLS-RPT record.
    assertTrue(run.out().contains("the value '\\u001b[2J\\u0007\\u0000' of field 'x'"), run.out());
    assertTrue(run.out().contains("'\\u001b[2J\\u0007\\u0000' is not a field"), run.out());
    assertTrue(run.out().contains("rua URI 'mailto:\\u001b[2J\\u0007\\u0000@escapes.test'"), run.out());
    CliRun json = run("--json", "escapes.test");
    assertTrue(json.out().contains("\\u001b[2J\\u0007\\u0000"), json.out());
  }

  @Test
  void expectedPolicyMismatchIsAnError() throws Exception {
    Path expected = temp.resolve("policy.txt");
    Files.writeString(expected, VerifyLab.policy("enforce", "mx1.testing.test", "*.mx.testing.test"));
    CliRun run = run("--expect-policy", expected.toString(), "testing.test");
    assertEquals(1, run.exit(), run.out());
    assertTrue(run.out().contains("ERROR expect.policy"), run.out());
    Files.writeString(expected, VerifyLab.TESTING_POLICY);
    assertEquals(0, run("--expect-policy", expected.toString(), "testing.test").exit());
  }

  @Test
  void stateFileDetectsABodyChangeUnderTheSameId() throws Exception {
    Path state = temp.resolve("state.json");
    CliRun first = run("--write-state", state.toString(), "testing.test", "enforce.test");
    assertEquals(0, first.exit(), first.out());
    JsonObject written = JsonParser.parseString(Files.readString(state)).getAsJsonObject();
    JsonObject testing = written.getAsJsonObject("domains").getAsJsonObject("testing.test");
    assertEquals("20240101T000000", testing.get("id").getAsString());
    // Same id, different body than what is served now: as if the body had been edited.
    testing.addProperty("bodySha256", "0".repeat(64));
    Files.writeString(state, written.toString());
    CliRun second = run("--previous-state", state.toString(), "testing.test");
    assertEquals(1, second.exit(), second.out());
    assertTrue(second.out().contains("ERROR expect.stale-id"), second.out());
    CliRun unchanged = run("--previous-state", state.toString(), "enforce.test");
    assertEquals(0, unchanged.exit(), unchanged.out());
  }
}
