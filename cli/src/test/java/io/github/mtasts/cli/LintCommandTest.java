package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  private static final String RFC_POLICY =
      "version: STSv1\nmode: enforce\nmx: mail.example.com\nmx: *.example.net\n"
          + "mx: backupmx.example.com\nmax_age: 604800\n";

  @TempDir Path dir;

  private String file(String content) throws IOException {
    Path path = Files.createTempFile(dir, "input", ".txt");
    Files.writeString(path, content, StandardCharsets.UTF_8);
    return path.toString();
  }

  private static void assertProblemShape(JsonObject problem) {
    assertEquals(Set.of("field", "line", "text", "message"), problem.keySet());
  }

  @Test
  void validPolicyAsJson() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "policy", "--json", file(RFC_POLICY));
    assertEquals(0, run.exit(), run.err());
    JsonObject json = run.json();
    assertEquals(Set.of("valid", "errors", "warnings", "parsed"), json.keySet());
    assertTrue(json.get("valid").getAsBoolean());
    assertEquals(0, json.getAsJsonArray("errors").size());
    JsonObject parsed = json.getAsJsonObject("parsed");
    assertEquals(Set.of("version", "mode", "mx", "max_age", "extensions", "id"), parsed.keySet());
    assertEquals("STSv1", parsed.get("version").getAsString());
    assertEquals("enforce", parsed.get("mode").getAsString());
    assertEquals(604800, parsed.get("max_age").getAsLong());
    assertEquals("[\"*.example.net\",\"backupmx.example.com\",\"mail.example.com\"]",
        parsed.getAsJsonArray("mx").toString());
    assertEquals("so4efmodz3zs2kzvqbmuzzvmhmkufune", parsed.get("id").getAsString());
  }

  @Test
  void invalidPolicyAsJson() throws IOException {
    String body = "version: STSv1\nmode: testing\nmx: 192.0.2.1\nmax_age: 31557601\nnote: a:b\n";
    CliRun run = CliRun.run("lint", "--kind", "policy", "--json", file(body));
    assertEquals(1, run.exit());
    JsonObject json = run.json();
    assertFalse(json.get("valid").getAsBoolean());
    assertTrue(json.get("parsed").isJsonNull());
    JsonArray errors = json.getAsJsonArray("errors");
    assertEquals(2, errors.size());
    errors.forEach(e -> assertProblemShape(e.getAsJsonObject()));
    JsonObject maxAge = errors.get(1).getAsJsonObject();
    assertEquals("max_age", maxAge.get("field").getAsString());
    assertEquals(4, maxAge.get("line").getAsInt());
    assertEquals("31557601", maxAge.get("text").getAsString());
    assertEquals("max_age 31557601 is above the RFC 8461 limit of 31557600 seconds (one year).",
        maxAge.get("message").getAsString());
  }

  @Test
  void warningsKeepThePolicyValid() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "policy", "--json",
        file("version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 3600\n"));
    assertEquals(0, run.exit());
    JsonArray warnings = run.json().getAsJsonArray("warnings");
    assertEquals(2, warnings.size());
    assertEquals("mode", warnings.get(0).getAsJsonObject().get("field").getAsString());
    assertEquals("max_age", warnings.get(1).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void readsStandardInput() {
    assertEquals(0, CliRun.runWithInput(RFC_POLICY, "lint", "--kind", "policy").exit());
    assertEquals(0, CliRun.runWithInput(RFC_POLICY, "lint", "--kind", "policy", "-").exit());
    assertEquals(1, CliRun.runWithInput("", "lint", "--kind", "policy").exit());
  }

  @Test
  void readableSummary() throws IOException {
    CliRun valid = CliRun.run("lint", "--kind", "policy", file(RFC_POLICY));
    assertTrue(valid.out().startsWith("policy: valid"), valid.out());
    assertTrue(valid.out().contains("id: so4efmodz3zs2kzvqbmuzzvmhmkufune"), valid.out());
    CliRun invalid = CliRun.run("lint", "--kind", "policy",
        file("version: STSv1\nmode: enforce\n\nmx: mx.example.com\nmax_age: 1\n"));
    assertEquals(1, invalid.exit());
    assertTrue(invalid.out().startsWith("policy: INVALID, 1 error"), invalid.out());
    assertTrue(invalid.out().contains("error   line 3, line: line 3 is blank"), invalid.out());
  }

  @Test
  void mxHostsAreCheckedAgainstThePolicy() throws IOException {
    String policy = file(RFC_POLICY);
    CliRun covered = CliRun.run("lint", "--kind", "policy", "--json", "--mx-host",
        "mail.example.com", "--mx-host", "MX1.example.net.", policy);
    assertEquals(0, covered.exit(), covered.out());
    JsonArray hosts = covered.json().getAsJsonArray("mxHosts");
    assertEquals("{\"host\":\"mail.example.com\",\"matches\":true,\"pattern\":\"mail.example.com\"}",
        hosts.get(0).toString());
    assertEquals("*.example.net", hosts.get(1).getAsJsonObject().get("pattern").getAsString());

    CliRun uncovered = CliRun.run("lint", "--kind", "policy", "--json", "--mx-host",
        "mail.example.com,a.b.example.net", policy);
    assertEquals(1, uncovered.exit());
    assertTrue(uncovered.json().get("valid").getAsBoolean());
    JsonObject miss = uncovered.json().getAsJsonArray("mxHosts").get(1).getAsJsonObject();
    assertFalse(miss.get("matches").getAsBoolean());
    assertTrue(miss.get("pattern").isJsonNull());

    CliRun text = CliRun.run("lint", "--kind", "policy", "--mx-host", "other.example.org", policy);
    assertEquals(1, text.exit());
    assertTrue(text.out().contains("mx host other.example.org: NOT covered"), text.out());
  }

  @Test
  void anMxHostThatIsNoHostNameIsAUsageError() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "policy", "--json", "--mx-host", "mx_1.example.net",
        file(RFC_POLICY));
    assertEquals(2, run.exit(), run.out());
    assertTrue(run.err().contains("--mx-host: MX host 'mx_1.example.net'"), run.err());
  }

  @Test
  void mxHostsOfAnInvalidPolicyAreNull() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "policy", "--json", "--mx-host", "mx.example.com",
        file("version: STSv1\n"));
    assertEquals(1, run.exit());
    assertTrue(run.json().get("mxHosts").isJsonNull());
  }

  @Test
  void stsRecordSetOneRecordPerLine() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "sts-record", "--json",
        file("v=spf1 -all\r\nv=STSv1; id=20160831085700Z; ext=1\r\n"));
    assertEquals(0, run.exit(), run.out());
    JsonObject parsed = run.json().getAsJsonObject("parsed");
    assertEquals(Set.of("v", "id", "extensions"), parsed.keySet());
    assertEquals("STSv1", parsed.get("v").getAsString());
    assertEquals("20160831085700Z", parsed.get("id").getAsString());
    assertEquals("{\"ext\":\"1\"}", parsed.get("extensions").toString());
  }

  @Test
  void stsRecordErrorsNameTheRecordLine() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "sts-record", "--json",
        file("v=spf1 -all\nv=STSv1; id=" + "a".repeat(33) + "\n"));
    assertEquals(1, run.exit());
    JsonObject error = run.json().getAsJsonArray("errors").get(0).getAsJsonObject();
    assertProblemShape(error);
    assertEquals("id", error.get("field").getAsString());
    assertEquals(2, error.get("line").getAsInt());
  }

  @Test
  void twoStsRecordsAreInvalidAndEmptyInputHasNone() throws IOException {
    assertEquals(1, CliRun.run("lint", "--kind", "sts-record",
        file("v=STSv1; id=a\nv=STSv1; id=b\n")).exit());
    assertEquals(1, CliRun.run("lint", "--kind", "sts-record", file("")).exit());
  }

  @Test
  void tlsRptRecordAsJson() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "tlsrpt-record", "--json",
        file("v=TLSRPTv1;rua=mailto:reports@example.com, https://reporting.example.com/v1/tlsrpt\n"));
    assertEquals(0, run.exit(), run.out());
    JsonObject parsed = run.json().getAsJsonObject("parsed");
    assertEquals(Set.of("v", "rua", "extensions"), parsed.keySet());
    assertEquals("TLSRPTv1", parsed.get("v").getAsString());
    assertEquals(List.of("mailto:reports@example.com", "https://reporting.example.com/v1/tlsrpt"),
        parsed.getAsJsonArray("rua").asList().stream().map(e -> e.getAsString()).toList());
  }

  @Test
  void tlsRptRecordInvalid() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "tlsrpt-record", "--json",
        file("v=TLSRPTv1; rua=http://reporting.example.com/\n"));
    assertEquals(1, run.exit());
    assertEquals("rua", run.json().getAsJsonArray("errors").get(0).getAsJsonObject()
        .get("field").getAsString());
  }

  @Test
  void jsonDoesNotEscapeEqualsSigns() throws IOException {
    CliRun run = CliRun.run("lint", "--kind", "sts-record", "--json", file("v=STSv1 id=x\n"));
    assertTrue(run.out().contains("\"text\": \"v=STSv1 id=x\""), run.out());
  }

  @Test
  void usageErrors() throws IOException {
    assertEquals(2, CliRun.run("lint", file(RFC_POLICY)).exit());
    assertEquals(2, CliRun.run("lint", "--kind", "spf", file(RFC_POLICY)).exit());
    CliRun missing = CliRun.run("lint", "--kind", "policy", dir.resolve("absent.txt").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("no such file"), missing.err());
    assertEquals(2, CliRun.run("lint", "--kind", "sts-record", "--mx-host", "mx.example.com",
        file("v=STSv1; id=a\n")).exit());
    assertEquals(2, CliRun.run("lint", "--kind", "policy", "a", "b").exit());
  }

  /** Standard input that never ends: it fails the test once far more than the limit is read. */
  private static InputStream endless() {
    return new InputStream() {
      private long read;

      @Override
      public int read() {
        if (++read > 2 * LintCommand.MAX_INPUT_BYTES) {
          throw new AssertionError("lint read " + read + " bytes of an endless input");
        }
        return 'a';
      }
    };
  }

  @Test
  void anEndlessStandardInputIsRefusedAtOneMebibyte() {
    CliRun.runWithInput(endless(), "lint", "--kind", "policy")
        .assertUsageError("mtasts lint: standard input holds more than 1 MiB");
    CliRun.runWithInput(endless(), "lint", "--kind", "sts-record", "-").assertUsageError("1 MiB");
  }

  @Test
  void aFileAboveOneMebibyteIsRefusedNamingTheFileAndTheLimit() throws IOException {
    Path big = dir.resolve("big.txt");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(LintCommand.MAX_INPUT_BYTES + 1);
    }
    CliRun.run("lint", "--kind", "policy", big.toString())
        .assertUsageError("input file " + big + " holds more than 1 MiB");
    Files.writeString(big, RFC_POLICY);
    assertEquals(0, CliRun.run("lint", "--kind", "policy", big.toString()).exit());
  }

  @Test
  void devicesAndDirectoriesAreRefusedBeforeAByteIsRead() {
    CliRun.run("lint", "--kind", "policy", "/dev/null")
        .assertUsageError("input file /dev/null is a device, not a file");
    CliRun.run("lint", "--kind", "policy", dir.toString())
        .assertUsageError("input file " + dir + " is a directory, not a file");
  }

  @Test
  void humanOutputEscapesControlCharactersAndJsonKeepsThem() throws IOException {
    String controls = "\u001b]0;owned\u0007\u0000\u202e";
    String body = "version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800\n" + controls + "\n";
    CliRun human = CliRun.run("lint", "--kind", "policy", file(body));
    assertEquals(1, human.exit(), human.out());
    for (char c : new char[] {'\u001b', '\u0007', '\u0000', '\u202e'}) {
      assertFalse(human.out().indexOf(c) >= 0, () -> String.format("U+%04X in %s", (int) c, human.out()));
    }
    assertTrue(human.out().contains("'\\u001b]0;owned\\u0007\\u0000\\u202e' is not a field"), human.out());
    CliRun json = CliRun.run("lint", "--kind", "policy", "--json", file(body));
    JsonObject error = json.json().getAsJsonArray("errors").get(0).getAsJsonObject();
    assertEquals(controls, error.get("text").getAsString());
    CliRun record = CliRun.runWithInput("v=STSv1; id=1; x=" + controls + "\n", "lint", "--kind", "sts-record");
    assertFalse(record.out().contains("\u001b"), record.out());
    assertTrue(record.out().contains("\\u001b]0"), record.out());
  }

  @Test
  void aRecordOfManyEmptyFieldsGivesSmallJsonThatCountsWhatItLeavesOut() throws IOException {
    // Each of 3,999 findings once carried the whole record: 100 MB of JSON for 24 KB of input.
    CliRun run = CliRun.run("lint", "--kind", "sts-record", "--json", file("v=STSv1; id=1" + "; x=y;".repeat(4_000) + "\n"));
    assertEquals(1, run.exit());
    assertTrue(run.out().length() < 64 * 1024, run.out().length() + " characters");
    JsonArray errors = run.json().getAsJsonArray("errors");
    assertEquals(21, errors.size());
    assertTrue(errors.get(20).getAsJsonObject().get("message").getAsString()
        .startsWith("3,979 more errors about 'record'"), errors.get(20).toString());
  }

  @Test
  void helpExitsZeroWithExamples() {
    CliRun help = CliRun.run("lint", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Examples:"), help.out());
    assertTrue(help.out().contains("--kind"), help.out());
  }
}
