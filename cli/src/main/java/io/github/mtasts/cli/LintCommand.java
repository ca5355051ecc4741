package io.github.mtasts.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import io.github.mtasts.verify.InputFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts lint}: checks a policy body or a TXT record set against RFC 8461 / RFC 8460. */
@Command(
    name = "lint",
    versionProvider = VersionProvider.class,
    mixinStandardHelpOptions = true,
    description = {
      "Checks an MTA-STS policy body (RFC 8461 §3.2), an _mta-sts TXT record set (RFC 8461 §3.1) "
          + "or an _smtp._tls TXT record set (RFC 8460 §3) and explains every problem.",
      "",
      "For the two record kinds, each line of the input is one TXT record of the set (its "
          + "strings joined without spaces); when there are several, records that do not begin "
          + "with v=STSv1; or v=TLSRPTv1; are ignored, and exactly one must remain. A final empty "
          + "line is ignored.",
    },
    footer = {
      "",
      "Exit codes: 0 valid (warnings allowed), 1 invalid or an --mx-host not covered, "
          + "2 usage error or unreadable input.",
      "",
      "Examples:",
      "  mtasts lint --kind policy mta-sts.txt",
      "  curl -s https://mta-sts.example.com/.well-known/mta-sts.txt \\",
      "    | mtasts lint --kind policy --mx-host mx1.example.com,mx2.example.com",
      "  dig +short TXT _mta-sts.example.com | sed 's/\" \"//g; s/\"//g' \\",
      "    | mtasts lint --kind sts-record --json",
      "  echo 'v=TLSRPTv1; rua=mailto:tlsrpt@example.com' \\",
      "    | mtasts lint --kind tlsrpt-record",
    })
final class LintCommand implements Callable<Integer> {
  /**
   * The most input read: a valid policy body has at most 64 KiB (RFC 8461 §3.3) and a TXT RRset
   * fits in one DNS message of 64 KiB, so 1 MiB leaves room for any text written by hand and
   * still stops /dev/zero or an endless pipe.
   */
  static final long MAX_INPUT_BYTES = InputFiles.MIB;

  /** What the input is. */
  enum Kind {
    STS_RECORD("sts-record"),
    POLICY("policy"),
    TLSRPT_RECORD("tlsrpt-record");

    private final String token;

    Kind(String token) {
      this.token = token;
    }

    static Kind fromToken(String token) {
      return Arrays.stream(values())
          .filter(k -> k.token.equals(token))
          .findFirst()
          .orElseThrow(() -> new CommandLine.TypeConversionException(
              "'" + token + "' is not a kind: use sts-record, policy or tlsrpt-record"));
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      converter = KindConverter.class,
      description = "What the input is: sts-record, policy or tlsrpt-record.")
  Kind kind;

  @Option(
      names = "--mx-host",
      paramLabel = "HOST",
      split = ",",
      description = "With --kind policy: an MX host name to check against the mx patterns "
          + "(RFC 8461 §4.1); repeat the option or separate names with commas. A host no "
          + "pattern covers makes the exit code 1.")
  List<String> mxHosts = new ArrayList<>();

  @Option(
      names = "--json",
      description = "Print {\"valid\",\"errors\",\"warnings\",\"parsed\"} as JSON instead of a "
          + "summary; each problem is {\"field\",\"line\",\"text\",\"message\"}.")
  boolean json;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE|-",
      description = "The file to check; '-' or nothing reads standard input.")
  String file;

  static final class KindConverter implements CommandLine.ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      return Kind.fromToken(value);
    }
  }

  @Override
  public Integer call() {
    if (!mxHosts.isEmpty() && kind != Kind.POLICY) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--mx-host needs --kind policy: MX hosts are checked against a policy");
    }
    for (String host : mxHosts) {
      MxPattern.hostNameViolation(host).ifPresent(violation -> {
        throw new CommandLine.ParameterException(spec.commandLine(), "--mx-host: " + violation);
      });
    }
    byte[] input;
    try {
      input = file == null || file.equals("-")
          ? InputFiles.read(System.in, MAX_INPUT_BYTES, "standard input")
          : InputFiles.read(Path.of(file), MAX_INPUT_BYTES, "input file");
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("mtasts lint: " + HumanText.escape(e.getMessage()));
      return Main.EXIT_USAGE;
    }
    PrintWriter out = spec.commandLine().getOut();
    int exit =
        switch (kind) {
          case POLICY -> lintPolicy(input, out);
          case STS_RECORD -> report(StsRecord.fromRrset(records(input)), LintCommand::stsJson,
              r -> List.of("id: " + r.id(), "extensions: " + r.extensions()), out);
          case TLSRPT_RECORD -> report(TlsRptRecord.fromRrset(records(input)),
              LintCommand::tlsRptJson,
              r -> List.of("rua: " + String.join(", ", r.rua()), "extensions: " + r.extensions()),
              out);
        };
    out.flush();
    return exit;
  }

  /** One TXT record per line; a final line end does not start another record. */
  static List<String> records(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (text.isEmpty() || text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    return lines;
  }

  private int lintPolicy(byte[] input, PrintWriter out) {
    ParseResult<Policy> result = Policy.parse(input);
    Optional<Policy> policy = result.value();
    boolean allCovered = policy.isPresent()
        && mxHosts.stream().allMatch(h -> policy.get().patternFor(h).isPresent());
    if (json) {
      JsonObject root = envelope(result, LintCommand::policyJson);
      if (!mxHosts.isEmpty()) {
        root.add("mxHosts", policy.<JsonElement>map(this::mxHostsJson).orElse(JsonNull.INSTANCE));
      }
      out.println(Json.print(root));
    } else {
      summary(result, p -> List.of(
          "id: " + p.id(),
          "mode: " + p.mode().token(),
          "mx: " + String.join(", ", p.mx().stream().map(MxPattern::toString).toList()),
          "max_age: " + p.maxAge(),
          "extensions: " + p.extensions()), out);
      policy.ifPresent(p -> mxHosts.forEach(host -> out.println(
          p.patternFor(host)
              .map(pattern -> "mx host " + HumanText.escape(host) + ": covered by mx " + pattern)
              .orElse("mx host " + HumanText.escape(host) + ": NOT covered by any mx pattern (RFC "
                  + "8461 §4.1); senders in enforce mode will not deliver to it"))));
    }
    return result.isValid() && (mxHosts.isEmpty() || allCovered) ? 0 : 1;
  }

  private JsonArray mxHostsJson(Policy policy) {
    JsonArray hosts = new JsonArray();
    for (String host : mxHosts) {
      Optional<MxPattern> pattern = policy.patternFor(host);
      JsonObject entry = new JsonObject();
      entry.addProperty("host", host);
      entry.addProperty("matches", pattern.isPresent());
      entry.addProperty("pattern", pattern.map(MxPattern::toString).orElse(null));
      hosts.add(entry);
    }
    return hosts;
  }

  private <T> int report(ParseResult<T> result, Function<T, JsonObject> toJson,
      Function<T, List<String>> describe, PrintWriter out) {
    if (json) {
      out.println(Json.print(envelope(result, toJson)));
    } else {
      summary(result, describe, out);
    }
    return result.isValid() ? 0 : 1;
  }

  private static <T> JsonObject envelope(ParseResult<T> result,
      Function<T, JsonObject> toJson) {
    JsonObject root = new JsonObject();
    root.addProperty("valid", result.isValid());
    root.add("errors", Json.problems(result.errors()));
    root.add("warnings", Json.problems(result.warnings()));
    root.add("parsed", result.value().<JsonElement>map(toJson).orElse(JsonNull.INSTANCE));
    return root;
  }

  private <T> void summary(ParseResult<T> result,
      Function<T, List<String>> describe, PrintWriter out) {
    String what = kind.token;
    if (result.isValid()) {
      out.println(what + ": valid" + (result.warnings().isEmpty() ? ""
          : " with " + count(result.warnings().size(), "warning")));
    } else {
      out.println(what + ": INVALID, " + count(result.errors().size(), "error")
          + (result.warnings().isEmpty() ? "" : ", " + count(result.warnings().size(), "warning")));
    }
    Findings.print(out, result.problems());
    result.value().ifPresent(value -> describe.apply(value)
        .forEach(line -> out.println("  " + HumanText.escape(line))));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static JsonObject policyJson(Policy policy) {
    JsonObject out = new JsonObject();
    out.addProperty("version", Policy.VERSION);
    out.addProperty("mode", policy.mode().token());
    out.add("mx", Json.strings(policy.mx().stream().map(MxPattern::toString).toList()));
    out.addProperty("max_age", policy.maxAge());
    out.add("extensions", Json.object(policy.extensions()));
    out.addProperty("id", policy.id().value());
    return out;
  }

  private static JsonObject stsJson(StsRecord record) {
    JsonObject out = new JsonObject();
    out.addProperty("v", StsRecord.VERSION);
    out.addProperty("id", record.id().value());
    out.add("extensions", Json.object(record.extensions()));
    return out;
  }

  private static JsonObject tlsRptJson(TlsRptRecord record) {
    JsonObject out = new JsonObject();
    out.addProperty("v", TlsRptRecord.VERSION);
    out.add("rua", Json.strings(record.rua()));
    out.add("extensions", Json.object(record.extensions()));
    return out;
  }
}
