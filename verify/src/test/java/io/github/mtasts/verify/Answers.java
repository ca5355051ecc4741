package io.github.mtasts.verify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.tls.HeldCertificate;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * In-memory outcomes for the table tests of the check evaluators, as mox's {@code
 * dns.MockResolver} serves the lookups of its tests: what a DNS lookup, the policy fetch or a
 * STARTTLS probe would have returned, built from a few words, so that each row of a table is one
 * outcome and the check it must give. No network is involved; the real servers are {@link
 * VerifierTest}'s.
 */
final class Answers {
  /** The instant the tables evaluate at. */
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final String POLICY_URL = "https://mta-sts.example.com/.well-known/mta-sts.txt";
  static final String ENFORCE_POLICY =
      "version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.mail.example.com\r\nmax_age: 604800\r\n";

  private static final long TTL = 300;

  private Answers() {}

  /** A TXT answer: one record per argument, each a single string. */
  static DnsAnswer txt(String name, String... records) {
    List<List<String>> strings = new ArrayList<>();
    for (String record : records) {
      strings.add(List.of(record));
    }
    return txtStrings(name, strings);
  }

  /** A TXT answer whose records are split into several strings each. */
  static DnsAnswer txtStrings(String name, List<List<String>> records) {
    List<Record> txt = new ArrayList<>();
    for (List<String> strings : records) {
      txt.add(new TXTRecord(name(name), DClass.IN, TTL, strings));
    }
    return DnsAnswer.found(name, Type.TXT, txt, List.of());
  }

  /** A TXT answer reached through CNAMEs: {@code name} is an alias of the next, and so on. */
  static DnsAnswer txtThroughAliases(String name, List<String> aliases, String record) {
    String target = aliases.get(aliases.size() - 1);
    List<Name> chain = new ArrayList<>();
    chain.add(name(name));
    aliases.subList(0, aliases.size() - 1).forEach(alias -> chain.add(name(alias)));
    return DnsAnswer.found(name, Type.TXT,
        List.of(new TXTRecord(name(target), DClass.IN, TTL, List.of(record))), chain);
  }

  /** An MX answer: each argument "PREFERENCE HOST", such as "10 mx1.example.com" or "0 .". */
  static DnsAnswer mx(String domain, String... records) {
    List<Record> mx = new ArrayList<>();
    for (String record : records) {
      String[] parts = record.split(" ");
      mx.add(new MXRecord(name(domain), DClass.IN, TTL, Integer.parseInt(parts[0]), name(parts[1])));
    }
    return DnsAnswer.found(domain, Type.MX, mx, List.of());
  }

  /** No records: NXDOMAIN or NODATA. */
  static DnsAnswer absent(String name, int type, DnsAnswer.Status status) {
    return DnsAnswer.absent(name, type, status);
  }

  /** The resolver gave no usable answer (timeout, SERVFAIL, ...). */
  static DnsAnswer operationalFailure(String name, int type) {
    return DnsAnswer.failed(name, type, DnsAnswer.Status.OPERATIONAL_FAILURE,
        Type.string(type) + " lookup of " + name + " at resolver 192.0.2.53:53 failed: the resolver answered SERVFAIL");
  }

  /** The domain's data is unusable: a CNAME loop. */
  static DnsAnswer cnameLoop(String name, int type) {
    return DnsAnswer.failed(name, type, DnsAnswer.Status.BAD_DATA, "the CNAME chain of " + name + " loops or is too long");
  }

  /** The A answer of a host (no AAAA record). */
  static DnsClient.Addresses addresses(String host, String... ipv4) {
    List<Record> a = new ArrayList<>();
    for (String address : ipv4) {
      a.add(new ARecord(name(host), DClass.IN, TTL, address(address)));
    }
    return DnsClient.Addresses.of(host, DnsAnswer.found(host, Type.A, a, List.of()),
        DnsAnswer.absent(host, Type.AAAA, DnsAnswer.Status.NO_DATA));
  }

  /** A host without any address: NXDOMAIN for both lookups. */
  static DnsClient.Addresses noSuchHost(String host) {
    return DnsClient.Addresses.of(host, DnsAnswer.absent(host, Type.A, DnsAnswer.Status.NO_SUCH_DOMAIN),
        DnsAnswer.absent(host, Type.AAAA, DnsAnswer.Status.NO_SUCH_DOMAIN));
  }

  /** A host whose address lookups the resolver did not answer. */
  static DnsClient.Addresses unresolvable(String host) {
    return DnsClient.Addresses.of(host, operationalFailure(host, Type.A), operationalFailure(host, Type.AAAA));
  }

  /** A response of the policy host, over TLS 1.3 with a certificate valid for 90 days. */
  static FetchResult response(int status, Headers headers, String body) {
    return response(status, headers, body.getBytes(StandardCharsets.UTF_8), false,
        chain("mta-sts.example.com", NOW.plus(Duration.ofDays(90))));
  }

  /** A response of the policy host. */
  static FetchResult response(int status, Headers headers, byte[] body, boolean tooLarge, List<X509Certificate> chain) {
    return new FetchResult(POLICY_URL, null, null, status, headers, body, tooLarge, "TLSv1.3",
        "TLS_AES_128_GCM_SHA256", chain, null);
  }

  /** A policy served as {@code text/plain}. */
  static FetchResult served(String body) {
    return response(200, Headers.of("Content-Type", "text/plain"), body);
  }

  /** A fetch that got no response. */
  static FetchResult fetchFailure(FetchResult.Failure failure, String message, List<X509Certificate> chain,
      Throwable chainFailure) {
    return new FetchResult(POLICY_URL, failure, message, 0, Headers.of(), new byte[0], false, null, null, chain,
        chainFailure);
  }

  /** A STARTTLS probe of mx1.example.com at 192.0.2.25 that stopped at {@code stage}. */
  static ProbeResult probeFailure(ProbeResult.Stage stage, String failure) {
    return new ProbeResult("mx1.example.com", address("192.0.2.25"), 25, stage, failure, "220 mx1.example.com ESMTP",
        List.of("PIPELINING"), null, null, null, null, false, null);
  }

  /** A STARTTLS probe of mx1.example.com that completed its handshake. */
  static ProbeResult probeDone(List<X509Certificate> chain, Throwable chainFailure, boolean nameMatches) {
    return new ProbeResult("mx1.example.com", address("192.0.2.25"), 25, null, null, "220 mx1.example.com ESMTP",
        List.of("PIPELINING", "STARTTLS"), "TLSv1.3", "TLS_AES_128_GCM_SHA256", chain, chainFailure, nameMatches,
        "221 2.0.0 bye");
  }

  /** A self-signed certificate for {@code dnsName}, valid from a year before {@link #NOW}. */
  static List<X509Certificate> chain(String dnsName, Instant notAfter) {
    HeldCertificate certificate = new HeldCertificate.Builder()
        .commonName(dnsName)
        .addSubjectAlternativeName(dnsName)
        .validityInterval(NOW.minus(Duration.ofDays(365)).toEpochMilli(), notAfter.toEpochMilli())
        .build();
    return List.of(certificate.certificate());
  }

  static Name name(String text) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** An address from its literal (no lookup: the text is an address). */
  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
