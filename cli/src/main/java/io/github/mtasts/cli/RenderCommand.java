package io.github.mtasts.cli;

import com.google.gson.JsonObject;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.MaxAge;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mtasts render}: the canonical policy body and the TXT values that go with it. */
@Command(
    name = "render",
    versionProvider = VersionProvider.class,
    mixinStandardHelpOptions = true,
    description = {
      "Prints the canonical MTA-STS policy body (RFC 8461 §3.2: CRLF line ends; version, mode, "
          + "sorted mx, max_age), the _mta-sts TXT value with the id derived from that body "
          + "(RFC 8461 §3.1), and, with --rua, the _smtp._tls TXT value (RFC 8460 §3).",
      "",
      "The id is the first 20 bytes of the SHA-256 of the body in lower-case base32, so it "
          + "changes exactly when the body changes: publish the new body first, then the new id.",
    },
    footer = {
      "",
      "Invalid option values (an unknown mode, an IP address as --mx, a max_age above one year, "
          + "an http: --rua, ...) print the same messages as 'mtasts lint', each naming its "
          + "option, and exit with 1. Exit codes: 0 rendered, 1 invalid values, 2 usage error "
          + "(a missing or unknown option).",
      "",
      "Examples:",
      "  mtasts render --mode testing --max-age 604800 \\",
      "    --mx mx1.example.com --mx '*.mail.example.net'",
      "  mtasts render --mode enforce --max-age 31557600 \\",
      "    --mx mx1.example.com mx2.example.com --rua mailto:tlsrpt@example.com",
      "  mtasts render --mode none --max-age 86400 --json | jq -j .policy > mta-sts.txt",
    })
final class RenderCommand implements Callable<Integer> {
  private static final Map<String, String> OPTION_OF_FIELD =
      Map.of("mode", "--mode", "mx", "--mx", "max_age", "--max-age", "rua", "--rua");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--mode",
      required = true,
      paramLabel = "MODE",
      description = "enforce, testing or none.")
  String mode;

  @Option(
      names = "--mx",
      arity = "1..*",
      paramLabel = "PATTERN",
      description = "An MX host name, or *. and a domain for every host directly below it; "
          + "repeatable. Required unless the mode is none.")
  List<String> mx = new ArrayList<>();

  @Option(
      names = "--max-age",
      required = true,
      paramLabel = "SECONDS",
      description = "How long senders may cache the policy: 0 to 31557600 (one year); weeks "
          + "or more is usual, e.g. 604800 (one week).")
  String maxAge;

  @Option(
      names = "--rua",
      arity = "1..*",
      paramLabel = "URI",
      description = "A mailto: or https: address for TLS reports (RFC 8460); repeatable. "
          + "Without it no _smtp._tls value is printed.")
  List<String> rua = new ArrayList<>();

  @Option(
      names = "--json",
      description = "Print {\"policy\",\"id\",\"stsRecord\",\"tlsRptRecord\",\"warnings\"} as "
          + "JSON; tlsRptRecord is null without --rua. Invalid values print "
          + "{\"valid\":false,\"errors\":[...]}.")
  boolean json;

  @Override
  public Integer call() {
    List<Problem> errors = new ArrayList<>();
    Policy.Builder builder = Policy.builder().mx(mx);
    ParseResult<Mode> parsedMode = Mode.parse(mode);
    errors.addAll(parsedMode.errors());
    parsedMode.value().ifPresent(builder::mode);
    ParseResult<Long> parsedMaxAge = MaxAge.parse(maxAge);
    errors.addAll(parsedMaxAge.errors());
    parsedMaxAge.value().ifPresent(builder::maxAge);

    Policy policy = null;
    try {
      policy = builder.build();
    } catch (InvalidInputException e) {
      // A mode or max_age that did not parse is already reported, not again as missing.
      e.problems().stream()
          .filter(p -> !(p.field().equals("mode") && !parsedMode.isValid()))
          .filter(p -> !(p.field().equals("max_age") && !parsedMaxAge.isValid()))
          .forEach(errors::add);
    }
    TlsRptRecord tlsRpt = null;
    if (!rua.isEmpty()) {
      try {
        tlsRpt = TlsRptRecord.of(rua);
      } catch (InvalidInputException e) {
        errors.addAll(e.problems());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!errors.isEmpty()) {
      refuse(errors, out);
      return 1;
    }
    print(policy, tlsRpt, out);
    return 0;
  }

  private void refuse(List<Problem> errors, PrintWriter out) {
    if (json) {
      JsonObject root = new JsonObject();
      root.addProperty("valid", false);
      var array = Json.problems(errors);
      for (int i = 0; i < errors.size(); i++) {
        array.get(i).getAsJsonObject().addProperty("option", optionOf(errors.get(i)));
      }
      root.add("errors", array);
      out.println(Json.print(root));
      out.flush();
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    errors.forEach(p -> err.println("mtasts render: " + optionOf(p) + ": " + HumanText.escape(p.message())));
    err.flush();
  }

  private static String optionOf(Problem problem) {
    return OPTION_OF_FIELD.getOrDefault(problem.field(), "--" + problem.field());
  }

  private void print(Policy policy, TlsRptRecord tlsRpt, PrintWriter out) {
    String stsRecord = StsRecord.of(policy.id()).render();
    List<Problem> warnings = policy.advisories();
    if (json) {
      JsonObject root = new JsonObject();
      root.addProperty("policy", policy.render());
      root.addProperty("id", policy.id().value());
      root.addProperty("stsRecord", stsRecord);
      root.addProperty("tlsRptRecord", tlsRpt == null ? null : tlsRpt.render());
      root.add("warnings", Json.problems(warnings));
      out.println(Json.print(root));
    } else {
      out.println("# Policy body: serve it as text/plain at "
          + "https://mta-sts.<domain>/.well-known/mta-sts.txt (lines end in CRLF)");
      out.print(policy.render());
      out.println();
      out.println("# TXT value of _mta-sts.<domain> (publish it after the body is live)");
      out.println(stsRecord);
      if (tlsRpt != null) {
        out.println();
        out.println("# TXT value of _smtp._tls.<domain>");
        out.println(tlsRpt.render());
      }
      PrintWriter err = spec.commandLine().getErr();
      warnings.forEach(w -> err.println("mtasts render: warning: " + optionOf(w) + ": "
          + HumanText.escape(w.message())));
      err.flush();
    }
    out.flush();
  }
}
