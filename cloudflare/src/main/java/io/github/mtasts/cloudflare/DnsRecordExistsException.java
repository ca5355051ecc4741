package io.github.mtasts.cloudflare;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A DNS record that this create would stand beside already exists at the name: a record of the
 * same type (Cloudflare keeps several TXT records at one name, and two {@code v=STSv1} records
 * make senders ignore both, RFC 8461 §3.1), or one that a CNAME excludes (RFC 1034 §3.6.2).
 * Nothing was created and nothing was changed.
 *
 * <p>What a caller must do: tell the user, who either imports the existing record so that it is
 * managed from then on ({@link #importId()}, {@code ZONEID/RECORDID}) or deletes it, then runs
 * again. Never overwrite it: it may be managed by someone else.
 */
public final class DnsRecordExistsException extends CloudflareException {

  private final DnsRecord wanted;
  private final List<DnsRecord> existing;

  DnsRecordExistsException(DnsRecord wanted, List<DnsRecord> existing) {
    super("Cloudflare DNS zone " + wanted.zoneId() + " already has "
        + existing.stream().map(r -> r.type() + " " + r.name() + " (id " + r.id().orElse("?")
            + ") \"" + r.value() + "\"").collect(Collectors.joining(", "))
        + "; the " + wanted.type() + " record " + wanted.name() + " was not created and nothing"
        + " was changed. Import the existing record to manage it (import id "
        + importId(wanted, existing) + ") or delete it, then run again",
        0, List.of(), null);
    this.wanted = wanted;
    this.existing = List.copyOf(existing);
  }

  /**
   * Returns the id that imports the first existing record.
   *
   * @return {@code ZONEID/RECORDID}
   */
  public String importId() {
    return importId(wanted, existing);
  }

  private static String importId(DnsRecord wanted, List<DnsRecord> existing) {
    return wanted.zoneId() + "/" + existing.get(0).id().orElseThrow();
  }

  /**
   * Returns the records found at the name.
   *
   * @return at least one record
   */
  public List<DnsRecord> existing() {
    return existing;
  }
}
