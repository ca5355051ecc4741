package io.github.mtasts.aws;

import io.github.mtasts.dns.TxtStrings;
import io.github.mtasts.dns.TxtStrings.OctetEscape;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import io.github.mtasts.wait.Waiter;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Creates, reads, updates and deletes Route 53 record sets, each change waited on until
 * Route 53 reports it {@code INSYNC} on all its authoritative servers.
 *
 * <p>Create uses Route 53's {@code CREATE} action, which Route 53 refuses when a record set with
 * the same name and type exists: an existing record is reported
 * ({@link RecordSetExistsException}), never overwritten. Update uses {@code UPSERT}. Delete
 * sends the values read just before, because Route 53 deletes only on an exact match.
 */
public final class Route53Records {

  private final Route53Client route53;

  /**
   * Creates the operations over the given clients.
   *
   * @param clients the AWS clients
   */
  public Route53Records(AwsClients clients) {
    this.route53 = clients.route53();
  }

  /**
   * Creates a record set and waits until the change is in sync.
   *
   * @param desired the record set to create
   * @param wait timeout and progress of the wait
   * @return the record set as created
   * @throws RecordSetExistsException when a record set with this name and type exists
   * @throws WaitTimeoutException when the change is not in sync in time (it stays submitted)
   * @throws AwsOperationException for other failures, e.g. a hosted zone that does not exist
   */
  public RecordSet create(RecordSet desired, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    ChangeInfo change;
    try {
      change = change(desired.zoneId(), ChangeAction.CREATE, desired);
    } catch (InvalidChangeBatchException e) {
      if (AwsErrors.message(e).contains("already exists")) {
        throw new RecordSetExistsException(desired.id(), readQuietly(desired.id()), e);
      }
      throw AwsErrors.failure("create Route 53 record set " + desired.id(), e);
    } catch (SdkException e) {
      throw failure("create", desired.id(), e);
    }
    waitInSync(waiter, change, desired.id());
    return desired;
  }

  /**
   * Creates or replaces the record set with this name and type ({@code UPSERT}) and waits until
   * the change is in sync.
   *
   * @param desired the record set wanted
   * @param wait timeout and progress of the wait
   * @return the record set as written
   * @throws WaitTimeoutException when the change is not in sync in time (it stays submitted)
   * @throws AwsOperationException for other failures
   */
  public RecordSet update(RecordSet desired, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    ChangeInfo change;
    try {
      change = change(desired.zoneId(), ChangeAction.UPSERT, desired);
    } catch (SdkException e) {
      throw failure("update", desired.id(), e);
    }
    waitInSync(waiter, change, desired.id());
    return desired;
  }

  /**
   * Reads the record set with this zone, name and type.
   *
   * @param id zone, name and type
   * @return the record set, or empty when there is none
   * @throws AwsOperationException when the zone does not exist or the call fails
   */
  public Optional<RecordSet> read(RecordSetId id) {
    ListResourceRecordSetsResponse response;
    try {
      response = route53.listResourceRecordSets(r -> r.hostedZoneId(id.zoneId())
          .startRecordName(id.name() + ".")
          .startRecordType(RRType.fromValue(id.type().name()))
          .maxItems("1"));
    } catch (SdkException e) {
      throw failure("read", id, e);
    }
    // The listing starts at the name and type asked for, but returns the next record set when
    // there is no such one: check that the first one is ours.
    return response.resourceRecordSets().stream()
        .filter(set -> set.setIdentifier() == null)
        .findFirst()
        .filter(set -> fromRoute53Name(set.name()).equals(id.name())
            && id.type().name().equals(set.typeAsString()))
        .map(set -> fromRoute53(id.zoneId(), set));
  }

  /** Reads the record set for an error message; a failure to read only loses the detail. */
  private RecordSet readQuietly(RecordSetId id) {
    try {
      return read(id).orElse(null);
    } catch (AwsOperationException e) {
      return null;
    }
  }

  /**
   * Deletes the record set with this zone, name and type, whatever its current values, and
   * waits until the change is in sync. Deleting a record set that does not exist succeeds.
   *
   * @param id zone, name and type
   * @param wait timeout and progress of the wait
   * @throws WaitTimeoutException when the change is not in sync in time (it stays submitted)
   * @throws AwsOperationException for other failures
   */
  public void delete(RecordSetId id, WaitOptions wait) {
    Waiter waiter = Waiter.start(wait);
    Optional<RecordSet> current = read(id);
    if (current.isEmpty()) {
      waiter.progress().report("Route 53 record set " + id + " is already gone");
      return;
    }
    ChangeInfo change;
    try {
      change = change(id.zoneId(), ChangeAction.DELETE, current.get());
    } catch (InvalidChangeBatchException e) {
      if (AwsErrors.message(e).contains("not found")) {
        return; // deleted by someone else between the read and the change
      }
      throw AwsErrors.failure("delete Route 53 record set " + id, e);
    } catch (SdkException e) {
      throw failure("delete", id, e);
    }
    waitInSync(waiter, change, id);
  }

  private ChangeInfo change(String zoneId, ChangeAction action, RecordSet set) {
    Change change = Change.builder().action(action).resourceRecordSet(toRoute53(set)).build();
    return route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
        .changeBatch(b -> b.comment("mtasts").changes(change))).changeInfo();
  }

  private void waitInSync(Waiter waiter, ChangeInfo submitted, RecordSetId id) {
    String changeId = lastPathSegment(submitted.id());
    if (submitted.status() == ChangeStatus.INSYNC) {
      return;
    }
    waiter.until("Route 53 change " + changeId + " of " + id + " to be INSYNC", () -> {
      ChangeInfo info;
      try {
        info = route53.getChange(r -> r.id(changeId)).changeInfo();
      } catch (SdkException e) {
        throw AwsErrors.failure("read Route 53 change " + changeId, e);
      }
      return info.status() == ChangeStatus.INSYNC
          ? Waiter.Poll.done(info)
          : Waiter.Poll.pending(info.statusAsString());
    });
  }

  private static AwsOperationException failure(String verb, RecordSetId id, SdkException e) {
    if (e instanceof NoSuchHostedZoneException) {
      return new AwsOperationException("Route 53 hosted zone " + id.zoneId() + " does not exist"
          + " or is not visible to these AWS credentials: check the zone id (" + verb + " of "
          + id + ")", AwsErrors.code(e), e);
    }
    return AwsErrors.failure(verb + " Route 53 record set " + id, e);
  }

  static ResourceRecordSet toRoute53(RecordSet set) {
    ResourceRecordSet.Builder out = ResourceRecordSet.builder()
        .name(set.name() + ".")
        .type(RRType.fromValue(set.type().name()));
    if (set.alias().isPresent()) {
      AliasTarget alias = set.alias().get();
      return out.aliasTarget(t -> t.hostedZoneId(alias.hostedZoneId())
          .dnsName(alias.dnsName() + ".")
          .evaluateTargetHealth(false)).build();
    }
    List<ResourceRecord> records = set.values().stream()
        .map(value -> set.type() == RecordType.TXT ? TxtStrings.encode(value, OctetEscape.OCTAL) : value + ".")
        .map(value -> ResourceRecord.builder().value(value).build())
        .toList();
    return out.ttl(set.ttl()).resourceRecords(records).build();
  }

  static RecordSet fromRoute53(String zoneId, ResourceRecordSet set) {
    RecordType type = RecordType.valueOf(set.typeAsString());
    RecordSet.Builder out = RecordSet.builder()
        .zoneId(zoneId)
        .name(fromRoute53Name(set.name()))
        .type(type);
    if (set.aliasTarget() != null) {
      return out.alias(new AliasTarget(set.aliasTarget().hostedZoneId(),
          fromRoute53Name(set.aliasTarget().dnsName()))).build();
    }
    return out.ttl(set.ttl() == null ? 0 : set.ttl())
        .values(set.resourceRecords().stream()
            .map(ResourceRecord::value)
            .map(value -> type == RecordType.TXT ? TxtStrings.decode(value, OctetEscape.OCTAL)
                // A CNAME target is a name: in this package's form, as a record set made by hand
                // may end it with the dot of zone files (e.g. "octo.github.io.").
                : type == RecordType.CNAME ? fromRoute53Name(value) : value)
            .toList())
        .build();
  }

  /**
   * Turns a name as Route 53 returns it into this package's form: Route 53 escapes octets
   * outside letters, digits, '-' and '_' as a backslash and three octal digits (a wildcard
   * reads {@code \052.example.com.}) and ends names with a dot.
   */
  static String fromRoute53Name(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' && i + 3 < name.length() && name.substring(i + 1, i + 4).matches("[0-7]{3}")) {
        out.append((char) Integer.parseInt(name.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return RecordSet.normalizeName("name", out.toString());
  }

  private static String lastPathSegment(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }
}
