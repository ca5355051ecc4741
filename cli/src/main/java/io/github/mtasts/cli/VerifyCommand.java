package io.github.mtasts.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.verify.DomainNames;
import io.github.mtasts.verify.InputFiles;
import io.github.mtasts.verify.PolicyState;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Scope;
import io.github.mtasts.verify.StateFile;
import io.github.mtasts.verify.Summary;
import io.github.mtasts.verify.Verifier;
import io.github.mtasts.verify.VerifyOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts verify}: checks live domains the way a sending mail server does. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks the live MTA-STS and TLS-RPT deployment of mail domains as a sending mail server"
          + " sees it: the _mta-sts TXT record, the policy fetched over HTTPS, MX coverage,"
          + " STARTTLS and certificates of every MX address, the _smtp._tls record.",
      "Exit status: 0 no errors, 1 errors found, 2 usage error or operational failure"
          + " (for example the resolver did not answer)."
    })
public final class VerifyCommand implements Callable<Integer> {
  /**
   * The largest --domains-file read: a line holds one name of at most 254 bytes, so 16 MiB holds
   * some 66,000 of the longest and about a million of common length.
   */
  static final long MAX_DOMAINS_FILE_BYTES = 16 * InputFiles.MIB;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DOMAIN", arity = "0..*", description = "Mail domains to verify.")
  List<String> domains = new ArrayList<>();

  @Option(names = "--domains-file", paramLabel = "FILE",
      description = "Read more domains from FILE, one per line; '#' starts a comment.")
  Path domainsFile;

  @Option(names = "--json", description = "Write the reports as JSON on standard output.")
  boolean json;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Domains verified at once (default: 16 per core, 16 to 256, within the"
          + " open-file limit).")
  Integer concurrency;

  @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "all",
      description = "all (default); policy-and-records: all but the STARTTLS probes of the MX hosts,"
          + " for networks that block port 25; policy-host: only the HTTPS fetch and parse of the"
          + " policy, as before a new _mta-sts id is published.")
  String scope;

  @Option(names = "--expect-policy", paramLabel = "FILE",
      description = "The policy body that must be served (one domain only).")
  Path expectPolicy;

  @Option(names = "--expect-id", paramLabel = "ID",
      description = "The id the _mta-sts TXT record must carry (one domain only).")
  String expectId;

  @Option(names = "--previous-state", paramLabel = "FILE",
      description = "State written by an earlier --write-state: a body that changed while the id"
          + " did not is an error.")
  Path previousState;

  @Option(names = "--write-state", paramLabel = "FILE",
      description = "Record the id and body digest seen per domain (entries for other domains in"
          + " FILE are kept).")
  Path writeState;

  @Option(names = "--resolver", paramLabel = "HOST[:PORT]",
      description = "Ask this DNS server instead of the system resolver (laboratory use).")
  String resolver;

  @Option(names = "--ca-file", paramLabel = "PEM",
      description = "Trust these CA certificates in addition to the system's (laboratory use).")
  Path caFile;

  @Option(names = "--ca-only", description = "With --ca-file: trust only its certificates.")
  boolean caOnly;

  @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port of MX hosts (default 25).")
  Integer smtpPort;

  @Option(names = "--https-port", paramLabel = "PORT",
      description = "HTTPS port of the policy host (default 443).")
  Integer httpsPort;

  @Option(names = "--dns-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time for one DNS lookup (default 5s).")
  Duration dnsTimeout;

  @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time for one TCP connect (default 10s).")
  Duration connectTimeout;

  @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time to wait for one reply or read (default 20s).")
  Duration readTimeout;

  @Option(names = "--fetch-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time for the whole HTTPS policy fetch (default 30s).")
  Duration fetchTimeout;

  @Option(names = "--smtp-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time for the whole probe of one MX address (default 60s).")
  Duration smtpTimeout;

  @Override
  public Integer call() {
    List<String> names = allDomains();
    VerifyOptions options = options(names);
    // Entries of other domains in the state file are kept; read it now, so that a file that
    // cannot be read fails before the verification, not after it.
    Map<String, PolicyState> kept = writeState != null && Files.exists(writeState)
        ? readState(writeState, "--write-state") : Map.of();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean progress = names.size() > 1 && Terminal.stderrIsTerminal();
    AtomicInteger done = new AtomicInteger();
    List<Report> reports;
    Verifier created;
    try {
      created = Verifier.create(options);
    } catch (IllegalArgumentException e) {
      throw usage(optionNames(e.getMessage()));
    }
    try (Verifier verifier = created) {
      reports = verifier.verifyAll(names, report -> {
        if (progress) {
          err.print("\r\u001b[K[" + done.incrementAndGet() + "/" + names.size() + "] " + report.domain());
          err.flush();
        }
      });
    }
    if (progress) {
      err.print("\r\u001b[K");
      err.flush();
    }
    if (writeState != null) {
      writeState(reports, kept);
    }
    if (json) {
      out.println(toJson(reports));
      out.flush();
    } else {
      new HumanReport(Terminal.colorsOnStdout()).write(out, reports);
    }
    if (reports.stream().anyMatch(Report::hasOperationalFailures)) {
      return Main.EXIT_USAGE;
    }
    return reports.stream().anyMatch(Report::hasErrors) ? 1 : 0;
  }

  private List<String> allDomains() {
    List<String> names = new ArrayList<>();
    for (String domain : domains) {
      names.add(normalize(domain, "argument '" + domain + "'"));
    }
    if (domainsFile != null) {
      List<String> lines = readText(domainsFile, MAX_DOMAINS_FILE_BYTES, "--domains-file").lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).replaceFirst("#.*", "").strip();
        if (!line.isEmpty()) {
          names.add(normalize(line, domainsFile + " line " + (i + 1)));
        }
      }
    }
    if (names.isEmpty()) {
      throw usage("no domain given: name one or more domains, or use --domains-file FILE");
    }
    return names;
  }

  private String normalize(String domain, String where) {
    try {
      return DomainNames.normalize(domain);
    } catch (IllegalArgumentException e) {
      throw usage(where + ": " + e.getMessage());
    }
  }

  private VerifyOptions options(List<String> names) {
    if ((expectPolicy != null || expectId != null) && names.size() != 1) {
      throw usage("--expect-policy and --expect-id describe one domain, but " + names.size()
          + " are given: verify that domain on its own");
    }
    if (caOnly && caFile == null) {
      throw usage("--ca-only needs --ca-file PEM: the file of the only anchors to trust");
    }
    try {
      VerifyOptions.Builder builder = VerifyOptions.builder().scope(scope());
      if (concurrency != null) {
        builder.concurrency(concurrency);
      }
      if (resolver != null) {
        builder.resolver(resolver);
      }
      if (caFile != null) {
        builder.caFile(caFile).caOnly(caOnly);
      }
      if (smtpPort != null) {
        builder.smtpPort(smtpPort);
      }
      if (httpsPort != null) {
        builder.httpsPort(httpsPort);
      }
      if (dnsTimeout != null) {
        builder.dnsTimeout(dnsTimeout);
      }
      if (connectTimeout != null) {
        builder.connectTimeout(connectTimeout);
      }
      if (readTimeout != null) {
        builder.readTimeout(readTimeout);
      }
      if (fetchTimeout != null) {
        builder.fetchTimeout(fetchTimeout);
      }
      if (smtpTimeout != null) {
        builder.smtpTimeout(smtpTimeout);
      }
      if (expectPolicy != null) {
        // The same text lint reads as a policy body: at most its limit.
        builder.expectedPolicy(readText(expectPolicy, LintCommand.MAX_INPUT_BYTES, "--expect-policy"));
      }
      if (expectId != null) {
        builder.expectedId(expectId);
      }
      if (previousState != null) {
        builder.previousStates(readState(previousState, "--previous-state"));
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw usage(optionNames(e.getMessage()));
    }
  }

  /** The library names its settings as in the builder; a person typed the option names. */
  private static String optionNames(String message) {
    return message.replace("caFile", "--ca-file").replace("expectedId", "--expect-id")
        .replace("resolver", "--resolver").replace("concurrency", "--concurrency");
  }

  private Scope scope() {
    ParseResult<Scope> parsed = Scope.parse(scope);
    if (!parsed.isValid()) {
      throw usage("--scope: " + parsed.errors().get(0).message());
    }
    return parsed.orElseThrow();
  }

  /** Reads a UTF-8 text file of at most {@code limit} bytes; a usage error names the option and file. */
  private String readText(Path file, long limit, String option) {
    byte[] bytes;
    try {
      bytes = InputFiles.read(file, limit, option);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw usage(option + " " + file + " is not UTF-8 text: save it as UTF-8");
    }
  }

  private Map<String, PolicyState> readState(Path file, String option) {
    try {
      return StateFile.read(file);
    } catch (IllegalArgumentException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  private void writeState(List<Report> reports, Map<String, PolicyState> kept) {
    try {
      Map<String, PolicyState> merged = new LinkedHashMap<>(kept);
      for (Report report : reports) {
        report.observedState().ifPresent(state -> merged.put(report.domain(), state));
      }
      StateFile.write(writeState, merged);
    } catch (IOException e) {
      throw new IllegalStateException("--write-state " + writeState + ": " + e.getMessage(), e);
    }
  }

  private static String toJson(List<Report> reports) {
    JsonObject root = new JsonObject();
    JsonArray array = new JsonArray();
    reports.forEach(r -> array.add(r.toJsonTree()));
    root.add("reports", array);
    JsonObject summary = new JsonObject();
    summary.addProperty("domains", reports.size());
    summary.addProperty("domainsWithErrors", reports.stream().filter(Report::hasErrors).count());
    summary.addProperty("operationalFailures", reports.stream().filter(Report::hasOperationalFailures).count());
    Summary.total(reports).toMap().forEach(summary::addProperty);
    root.add("summary", summary);
    return Json.print(root);
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
