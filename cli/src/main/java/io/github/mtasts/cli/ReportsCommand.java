package io.github.mtasts.cli;

import io.github.mtasts.reports.DomainSummary;
import io.github.mtasts.reports.HtmlPage;
import io.github.mtasts.reports.ImapMailbox;
import io.github.mtasts.reports.Limits;
import io.github.mtasts.reports.Readiness;
import io.github.mtasts.reports.ReportLedger;
import io.github.mtasts.reports.ReportSources;
import io.github.mtasts.reports.ResultTypes;
import io.github.mtasts.reports.SummaryBuilder;
import io.github.mtasts.reports.TlsFiles;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mtasts reports}: reads TLS-RPT aggregate reports, summarises them, judges readiness. */
@Command(
    name = "reports",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    subcommands = ReportsServeCommand.class,
    description = {
      "Reads RFC 8460 TLS-RPT aggregate reports and summarises them per policy domain: "
          + "sessions, failures by result type (RFC 8460 §4.3), by receiving MX host and by "
          + "sending organisation, and the policies the senders saw. Each report counts once, "
          + "however many sources carry it.",
      "",
      "A SOURCE is a report file (.json, .json.gz, .gz, .zip), an e-mail message (.eml) with an "
          + "application/tlsrpt+gzip or application/tlsrpt+json attachment, a Maildir, an mbox "
          + "file, or a folder of any of these; --imap reads an IMAP mailbox over TLS. "
          + "'mtasts reports serve' receives reports sent to an https: rua address.",
    },
    footer = {
      "",
      "Exit codes: 0 read (and, with --ready-for-enforce, ready), 1 an input was rejected as no "
          + "report (or not ready), 2 usage error or a source that cannot be read.",
      "",
      "Examples:",
      "  mtasts reports --since 30d ~/Maildir/.tlsrpt",
      "  MTASTS_IMAP_PASSWORD=... mtasts reports --imap imaps://tlsrpt@mail.example.com/INBOX \\",
      "    --html reports.html",
      "  mtasts reports --ready-for-enforce --domain example.com --days 14 \\",
      "    --mx-host mx1.example.com --mx-host mx2.example.com reports/",
    })
public final class ReportsCommand implements Callable<Integer> {
  private static final Pattern AGE = Pattern.compile("(\\d{1,5})([dh])");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SOURCE", arity = "0..*",
      description = "Files, folders, Maildirs or mbox files holding reports.")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--imap", paramLabel = "URL",
      description = "An IMAP mailbox over TLS, imaps://user@host[:port]/MAILBOX; repeatable. "
          + "Opened read-only unless --move-to is given.")
  List<String> imap = new ArrayList<>();

  @Option(names = "--password-env", paramLabel = "NAME", defaultValue = "MTASTS_IMAP_PASSWORD",
      description = "The environment variable holding the IMAP password (default: "
          + "${DEFAULT-VALUE}).")
  String passwordEnv;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Read the IMAP password from the first line of FILE instead.")
  Path passwordFile;

  @Option(names = "--move-to", paramLabel = "FOLDER",
      description = "Move IMAP messages read as reports to FOLDER (created when missing).")
  String moveTo;

  @Option(names = "--ca-file", paramLabel = "PEM",
      description = "Trust these CA certificates for IMAP in addition to the system's.")
  Path caFile;

  @Option(names = "--domain", paramLabel = "DOMAIN",
      description = "Only this policy domain.")
  String domain;

  @Option(names = "--since", paramLabel = "AGE|DATE",
      description = "Only reports ending after this: 30d, 12h, or a date such as 2024-05-01 "
          + "(UTC).")
  String since;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the summary as one self-contained HTML page.")
  Path html;

  @Option(names = "--ready-for-enforce",
      description = "Judge whether --domain can move to mode enforce: exit 0 when ready, 1 "
          + "with what is missing.")
  boolean readyForEnforce;

  @Option(names = "--days", paramLabel = "N",
      description = "With --ready-for-enforce: the window, in days up to now (default 14).")
  Integer days;

  @Option(names = "--min-organizations", paramLabel = "N", defaultValue = "2",
      description = "With --ready-for-enforce: sending organisations that must have reported "
          + "for each MX host (default: ${DEFAULT-VALUE}).")
  int minOrganizations;

  @Option(names = "--accept-failure", paramLabel = "TYPE", split = ",",
      description = "With --ready-for-enforce: a result type that does not block; repeatable.")
  List<String> acceptedFailures = new ArrayList<>();

  @Option(names = "--mx-host", paramLabel = "HOST", split = ",",
      description = "With --ready-for-enforce: an MX host to cover (the targets of the "
          + "domain's MX records); without it, the mx patterns of the newest policy reported.")
  List<String> mxHosts = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    checkOptions();
    Optional<Instant> from = window();
    SummaryBuilder summaries = new SummaryBuilder(Optional.ofNullable(domain), from);
    ReportLedger ledger = new ReportLedger(summaries);
    ReportSources files = new ReportSources(Limits.DEFAULT);
    PrintWriter err = spec.commandLine().getErr();
    for (Path source : sources) {
      try {
        files.read(source, ledger);
      } catch (NoSuchFileException e) {
        err.println("mtasts reports: " + source + ": no such file or folder");
        return Main.EXIT_USAGE;
      } catch (IOException e) {
        err.println("mtasts reports: " + source + " cannot be read: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
    }
    for (String address : imap) {
      ImapMailbox mailbox = ImapMailbox.parse(address);
      try {
        int moved = mailbox.read(password(), TlsFiles.client(Optional.ofNullable(caFile))
            .getSocketFactory(), Optional.ofNullable(moveTo), Limits.DEFAULT, ledger);
        if (moveTo != null) {
          err.println("mtasts reports: moved " + moved + " messages of " + mailbox + " to "
              + moveTo);
        }
      } catch (MessagingException e) {
        err.println("mtasts reports: " + mailbox + ": " + describe(e));
        return Main.EXIT_USAGE;
      }
    }
    List<DomainSummary> summary = summaries.build();
    String period = from.map(f -> "since " + f).orElse("over all reports read");
    Optional<Readiness.Verdict> verdict = Optional.empty();
    if (readyForEnforce) {
      Readiness readiness = new Readiness(minOrganizations, new LinkedHashSet<>(acceptedFailures),
          mxHosts);
      verdict = Optional.of(readiness.evaluate(domain,
          summary.stream().findFirst(), period));
    }
    if (html != null) {
      Files.writeString(html, HtmlPage.render(summary, period, Instant.now()),
          StandardCharsets.UTF_8);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ReportsOutput.json(ledger, summary, period, verdict));
    } else {
      ReportsOutput.text(out, ledger, summary, period, domain, verdict);
    }
    out.flush();
    boolean rejected = !ledger.rejections().isEmpty();
    if (readyForEnforce) {
      return verdict.orElseThrow().ready() && !rejected ? 0 : 1;
    }
    return rejected ? 1 : 0;
  }

  private void checkOptions() {
    if (sources.isEmpty() && imap.isEmpty()) {
      throw usage("no SOURCE given: name report files, folders, Maildirs or mbox files, or an "
          + "--imap mailbox");
    }
    if (readyForEnforce && domain == null) {
      throw usage("--ready-for-enforce needs --domain DOMAIN: the verdict is about one domain");
    }
    if (!readyForEnforce && (days != null || !acceptedFailures.isEmpty() || !mxHosts.isEmpty())) {
      throw usage("--days, --accept-failure and --mx-host belong to --ready-for-enforce");
    }
    if (days != null && since != null) {
      throw usage("--days and --since both set the window: give one");
    }
    if (days != null && days < 1) {
      throw usage("--days must be 1 or more, not " + days);
    }
    if (minOrganizations < 1) {
      throw usage("--min-organizations must be 1 or more, not " + minOrganizations);
    }
    for (String type : acceptedFailures) {
      if (!ResultTypes.isRegistered(type)) {
        spec.commandLine().getErr().println("mtasts reports: warning: --accept-failure " + type
            + " is not a result type RFC 8460 §4.3 registers (" + String.join(", ",
            ResultTypes.REGISTERED) + "); it only matches senders that use it");
      }
    }
    if (moveTo != null && imap.isEmpty()) {
      throw usage("--move-to needs --imap: only IMAP messages are moved");
    }
    for (String host : mxHosts) {
      io.github.mtasts.policy.MxPattern.hostNameViolation(host).ifPresent(v -> {
        throw usage("--mx-host: " + v);
      });
    }
    for (String address : imap) {
      try {
        ImapMailbox.parse(address);
      } catch (IllegalArgumentException e) {
        throw usage("--imap: " + e.getMessage());
      }
    }
  }

  /** The start of the window: --since, --days, or with --ready-for-enforce 14 days. */
  private Optional<Instant> window() {
    Instant now = Instant.now();
    if (days != null) {
      return Optional.of(now.minus(days, ChronoUnit.DAYS));
    }
    if (since == null) {
      return readyForEnforce ? Optional.of(now.minus(14, ChronoUnit.DAYS)) : Optional.empty();
    }
    Matcher age = AGE.matcher(since.strip());
    if (age.matches()) {
      long amount = Long.parseLong(age.group(1));
      return Optional.of(now.minus(amount, age.group(2).equals("d") ? ChronoUnit.DAYS
          : ChronoUnit.HOURS));
    }
    try {
      return Optional.of(LocalDate.parse(since.strip()).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw usage("--since '" + since + "' is neither an age such as 30d or 12h nor a date such "
          + "as 2024-05-01");
    }
  }

  private char[] password() {
    if (passwordFile != null) {
      try {
        List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
          throw usage("--password-file " + passwordFile + " is empty");
        }
        return lines.get(0).toCharArray();
      } catch (IOException e) {
        throw usage("--password-file " + passwordFile + " cannot be read: " + e.getMessage());
      }
    }
    String value = System.getenv(passwordEnv);
    if (value == null || value.isEmpty()) {
      throw usage("the IMAP password is not set: put it in the environment variable "
          + passwordEnv + " or a file named by --password-file (never on the command line)");
    }
    return value.toCharArray();
  }

  private static String describe(MessagingException e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
