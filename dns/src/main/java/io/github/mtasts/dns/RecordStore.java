package io.github.mtasts.dns;

import java.util.Optional;

/**
 * The record sets of a DNS service, as mtasts changes them: each operation states its contract
 * in its first sentence. An implementation is made for one operation of a resource, with that
 * operation's time budget; every change it makes is live on the service's name servers when it
 * returns.
 */
public interface RecordStore {

  /**
   * Creates a record set, and never overwrites one: a record set of the same zone, name and
   * type that exists is reported, whatever its values.
   *
   * @param desired the record set to create
   * @return the record set as created
   * @throws RecordExistsException when the zone holds a record set of this name and type
   */
  DnsRecord create(DnsRecord desired);

  /**
   * Reads the record set of a zone, name and type.
   *
   * @param id zone, name and type
   * @return the record set, or empty when there is none
   */
  Optional<DnsRecord> read(RecordId id);

  /**
   * Makes the record set of this zone, name and type hold exactly the desired TTL and values,
   * creating it when it is gone.
   *
   * @param desired the record set wanted
   * @return the record set as written
   */
  DnsRecord update(DnsRecord desired);

  /**
   * Deletes the record set of this zone, name and type, whatever its values; one that is gone
   * already is deleted.
   *
   * @param id zone, name and type
   */
  void delete(RecordId id);
}
