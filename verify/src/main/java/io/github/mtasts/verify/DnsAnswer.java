package io.github.mtasts.verify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The outcome of one DNS lookup (CNAMEs followed): records, the absence of the name or of the
 * type, or a failure. A failure is operational when the resolver did not give an answer
 * (timeout, unreachable, SERVFAIL, REFUSED); otherwise (CNAME loop) it is the domain's.
 */
record DnsAnswer(
    String name, int type, Status status, List<Record> records, List<Name> aliases, String failure) {

  /** What the lookup found. */
  enum Status {
    /** Records of the type exist. */
    FOUND,
    /** NXDOMAIN: the name does not exist. */
    NO_SUCH_DOMAIN,
    /** The name exists but has no records of the type (NODATA). */
    NO_DATA,
    /** The resolver gave no usable answer: timeout, unreachable, SERVFAIL, REFUSED. */
    OPERATIONAL_FAILURE,
    /** The answer is unusable because of the domain's data (CNAME loop or chain too long). */
    BAD_DATA
  }

  DnsAnswer {
    records = List.copyOf(records);
    aliases = List.copyOf(aliases);
  }

  static DnsAnswer found(String name, int type, List<Record> records, List<Name> aliases) {
    return new DnsAnswer(name, type, Status.FOUND, records, aliases, null);
  }

  static DnsAnswer absent(String name, int type, Status status) {
    return new DnsAnswer(name, type, status, List.of(), List.of(), null);
  }

  static DnsAnswer failed(String name, int type, Status status, String failure) {
    return new DnsAnswer(name, type, status, List.of(), List.of(), failure);
  }

  boolean isFound() {
    return status == Status.FOUND;
  }

  boolean isAbsent() {
    return status == Status.NO_SUCH_DOMAIN || status == Status.NO_DATA;
  }

  /** "_mta-sts.example.com TXT", for messages. */
  String question() {
    return name + " " + Type.string(type);
  }

  /** The CNAME chain that led to the answer, as "a -> b", or null when there was none. */
  String aliasChain() {
    if (aliases.isEmpty()) {
      return null;
    }
    String chain = aliases.stream().map(DnsAnswer::hostName).collect(Collectors.joining(" -> "));
    String target = records.isEmpty() ? null : hostName(records.get(0).getName());
    return target == null ? chain : chain + " -> " + target;
  }

  /**
   * The TXT records of the answer, each with its strings joined without spaces (RFC 8461 §3.1,
   * RFC 8460 §3: a record split into several strings is read as their concatenation).
   */
  List<String> joinedTxt() {
    return records.stream()
        .filter(r -> r instanceof TXTRecord)
        .map(r -> ((TXTRecord) r).getStringsAsByteArrays().stream()
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
            .collect(Collectors.joining()))
        .collect(Collectors.toList());
  }

  /** "example.com" for the absolute name "example.com.". */
  static String hostName(Name name) {
    String text = name.toString(true);
    return text.toLowerCase(java.util.Locale.ROOT);
  }
}
