package io.github.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderCommandTest {
  @Test
  void rendersBodyAndRecordsAsJson() {
    CliRun run = CliRun.run("render", "--mode", "enforce", "--mx", "mail.example.com",
        "*.example.net", "--mx", "backupmx.example.com", "--max-age", "604800", "--rua",
        "mailto:tlsrpt@example.com", "--json");
    assertEquals(0, run.exit(), run.err());
    JsonObject json = run.json();
    assertEquals(Set.of("policy", "id", "stsRecord", "tlsRptRecord", "warnings"), json.keySet());
    String body = json.get("policy").getAsString();
    assertEquals("version: STSv1\r\nmode: enforce\r\nmx: *.example.net\r\nmx: backupmx.example.com"
        + "\r\nmx: mail.example.com\r\nmax_age: 604800\r\n", body);
    assertEquals("so4efmodz3zs2kzvqbmuzzvmhmkufune", json.get("id").getAsString());
    assertEquals("v=STSv1; id=so4efmodz3zs2kzvqbmuzzvmhmkufune",
        json.get("stsRecord").getAsString());
    assertEquals("v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
        json.get("tlsRptRecord").getAsString());
    assertEquals(0, json.getAsJsonArray("warnings").size());
  }

  @Test
  void renderedOutputLintsClean() {
    JsonObject json = CliRun.run("render", "--mode", "testing", "--mx", "mx.example.com",
        "--max-age", "86400", "--rua", "https://r.example.com/v1", "mailto:a@example.com",
        "--json").json();
    Policy policy = Policy.parse(json.get("policy").getAsString()).orElseThrow();
    assertEquals(policy.id().value(), json.get("id").getAsString());
    assertEquals(policy.id(),
        StsRecord.parse(json.get("stsRecord").getAsString()).orElseThrow().id());
    assertEquals(List.of("https://r.example.com/v1", "mailto:a@example.com"),
        TlsRptRecord.parse(json.get("tlsRptRecord").getAsString()).orElseThrow().rua());
    assertEquals("mode", json.getAsJsonArray("warnings").get(0).getAsJsonObject()
        .get("field").getAsString());
  }

  @Test
  void withoutRuaThereIsNoTlsRptRecord() {
    CliRun run = CliRun.run("render", "--mode", "none", "--max-age", "86400", "--json");
    assertEquals(0, run.exit());
    assertTrue(run.json().get("tlsRptRecord").isJsonNull());
    CliRun text = CliRun.run("render", "--mode", "none", "--max-age", "86400");
    assertFalse(text.out().contains("_smtp._tls"), text.out());
  }

  @Test
  void textOutputHasTheBodyAndTheTxtValues() {
    CliRun run = CliRun.run("render", "--mode", "testing", "--mx", "mx.example.com",
        "--max-age", "604800", "--rua", "mailto:tlsrpt@example.com");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("version: STSv1\r\nmode: testing\r\nmx: mx.example.com\r\n"
        + "max_age: 604800\r\n"), run.out());
    assertTrue(run.out().contains("v=STSv1; id="), run.out());
    assertTrue(run.out().contains("v=TLSRPTv1; rua=mailto:tlsrpt@example.com"), run.out());
    assertTrue(run.err().contains("warning: --mode: mode testing"), run.err());
  }

  @Test
  void invalidValuesExitOneNamingTheOption() {
    CliRun run = CliRun.run("render", "--mode", "Enforce", "--mx", "192.0.2.1", "--max-age",
        "31557601", "--rua", "http://r.example.com/");
    assertEquals(1, run.exit());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--mode: mode 'Enforce' is not one of"), run.err());
    assertTrue(run.err().contains("--mx: mx '192.0.2.1' is an IP address"), run.err());
    assertTrue(run.err().contains("--max-age: max_age 31557601 is above the RFC 8461 limit"),
        run.err());
    assertTrue(run.err().contains("--rua: rua URI 'http://r.example.com/'"), run.err());
  }

  @Test
  void invalidValuesAsJson() {
    CliRun run = CliRun.run("render", "--mode", "enforce", "--max-age", "12345678901", "--json");
    assertEquals(1, run.exit());
    JsonArray errors = run.json().getAsJsonArray("errors");
    assertFalse(run.json().get("valid").getAsBoolean());
    assertEquals(List.of("--max-age", "--mx"), errors.asList().stream()
        .map(e -> e.getAsJsonObject().get("option").getAsString()).toList());
  }

  @Test
  void missingModeIsAUsageError() {
    assertEquals(2, CliRun.run("render", "--mx", "mx.example.com", "--max-age", "86400").exit());
    assertEquals(2, CliRun.run("render", "--mode", "none").exit());
  }

  @Test
  void helpDocumentsExitCodesAndExamples() {
    CliRun help = CliRun.run("render", "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("exit with 1"), help.out());
    assertTrue(help.out().contains("Examples:"), help.out());
  }
}
