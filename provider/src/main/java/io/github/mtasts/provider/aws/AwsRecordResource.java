package io.github.mtasts.provider.aws;

import io.github.mtasts.aws.InvalidSpecException;
import io.github.mtasts.aws.RecordSet;
import io.github.mtasts.aws.RecordSetExistsException;
import io.github.mtasts.aws.RecordSetId;
import io.github.mtasts.aws.RecordType;
import io.github.mtasts.aws.Route53Records;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputDiff;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Urns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code mtasts:aws:Record}: one Route 53 record set, a TXT (the {@code _mta-sts} record of RFC
 * 8461 §3.1, the {@code _smtp._tls} record of RFC 8460 §3) or a CNAME (the policy host, the
 * certificate's validation record). Its id, also its import id, is {@code ZONEID/NAME/TYPE}.
 *
 * <p>Create uses Route 53's CREATE: a record set that already exists is reported with the
 * command that imports it, never overwritten. Zone, name and type identify the record set, so
 * changing one replaces it; a new record set of the same name is created only after the old one
 * is deleted, because Route 53 holds one record set per name and type, and a CNAME excludes every
 * other type at its name (RFC 1034 §3.6.2). TTL and values change in place. Every change waits
 * until Route 53 reports it INSYNC on all its name servers.
 */
public final class AwsRecordResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:aws:Record";

  static final String ZONE_ID = "zoneId";
  static final String NAME = "name";
  static final String TYPE = "type";
  static final String TTL = "ttl";
  static final String VALUES = "values";
  static final String FQDN = "fqdn";

  /** The input properties, in schema order. */
  public static final List<String> INPUTS = List.of(ZONE_ID, NAME, TYPE, TTL, VALUES);

  public static final long DEFAULT_TTL = 300;
  /** Route 53 takes TTLs up to 2^31 - 1 seconds. */
  static final long MAX_TTL = Integer.MAX_VALUE;

  /** Route 53 usually reports a change INSYNC within a minute. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final Set<String> TYPES = Set.of(RecordType.TXT.name(), RecordType.CNAME.name());

  private final AwsAccess aws;

  public AwsRecordResource(AwsAccess aws) {
    this.aws = aws;
  }

  @Override
  public Map<String, Set<String>> derivations() {
    return Map.of(FQDN, Set.of(NAME));
  }

  @Override
  public CheckResult check(PropertyMap olds, PropertyMap news) {
    InputCheck check = new InputCheck(news);
    check.rejectUnknownProperties(INPUTS);
    PropertyMap.Builder checked = news.toBuilder().putIfUnset(TTL, PropertyValue.of(DEFAULT_TTL));
    check.text(ZONE_ID, true).flatMap(zone -> valid(check, ZONE_ID, () -> RecordSet.normalizeZoneId(zone)))
        .ifPresent(zone -> checked.put(ZONE_ID, zone));
    Optional<String> name = check.text(NAME, true).flatMap(given -> hostName(check, NAME, given));
    name.ifPresent(n -> checked.put(NAME, n));
    Optional<String> type = check.oneOf(TYPE, true, TYPES);
    check.integer(TTL, false, 0, MAX_TTL, "seconds");
    Optional<List<String>> values = check.texts(VALUES, true);
    values.ifPresent(list -> {
      if (list.isEmpty()) {
        check.fail(VALUES, VALUES + " is empty: give the record's values (TXT texts, or the one CNAME target)");
      } else if (type.filter(RecordType.CNAME.name()::equals).isPresent()) {
        cnameTarget(check, list).ifPresent(target -> checked.put(VALUES, PropertyValue.ofTexts(List.of(target))));
      } else if (type.isPresent()) {
        txtValues(check, name, list);
      }
    });
    PropertyMap result = checked.build();
    if (check.failures().isEmpty() && !result.containsUnknowns()) {
      // Whatever Route 53 limit the rules above do not name (a TXT value too long to send).
      try {
        recordSet(result);
      } catch (InvalidSpecException e) {
        check.fail(INPUTS.contains(e.field()) ? e.field() : VALUES, e.getMessage());
      }
    }
    return new CheckResult(result, check.failures());
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news, Set<String> ignoreChanges) {
    DiffResult diff = InputDiff.diff(oldInputs, news, Set.of(ZONE_ID, NAME, TYPE), ignoreChanges);
    // The new record set can exist beside the old one only at another name or in another zone.
    boolean sameName = !news.isUnknown(ZONE_ID) && !news.isUnknown(NAME)
        && news.get(ZONE_ID).equals(oldInputs.get(ZONE_ID)) && news.get(NAME).equals(oldInputs.get(NAME));
    boolean unknownName = news.isUnknown(ZONE_ID) || news.isUnknown(NAME);
    return new DiffResult(diff.changes(), sameName || unknownName);
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      return new ResourceState(inputs.containsUnknowns() ? "" : recordSet(inputs).id().toString(), inputs, outputs(inputs));
    }
    RecordSet desired = recordSet(inputs);
    aws.run(context, "the creation of Route 53 record set " + desired.id(), context.timeout().orElse(TIMEOUT), (clients, wait) -> {
      try {
        return new Route53Records(clients).create(desired, wait);
      } catch (RecordSetExistsException e) {
        throw new OperationFailedException(exists(context, e));
      }
    });
    return new ResourceState(desired.id().toString(), inputs, outputs(inputs));
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    RecordSetId recordSetId;
    try {
      recordSetId = RecordSetId.parse(id);
    } catch (InvalidSpecException e) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " \"" + id + "\": " + e.getMessage(), e);
    }
    if (!TYPES.contains(recordSetId.type().name())) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " \"" + id + "\": it manages TXT and CNAME record sets, not "
          + recordSetId.type());
    }
    Optional<RecordSet> live = aws.read(context, "the read of Route 53 record set " + recordSetId,
        clients -> new Route53Records(clients).read(recordSetId));
    if (live.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    RecordSet found = live.get();
    PropertyMap.Builder current = (inputs.keys().isEmpty() ? PropertyMap.empty() : inputs).toBuilder()
        .put(ZONE_ID, found.zoneId())
        .put(NAME, found.name())
        .put(TYPE, found.type().name())
        .put(TTL, PropertyValue.of(found.ttl()));
    // Route 53 need not keep the order of a set's records: an order change is no drift.
    List<String> recorded = inputs.isUnknown(VALUES) ? List.of() : inputs.texts(VALUES).orElse(List.of());
    boolean sameValues = recorded.size() == found.values().size()
        && sorted(recorded).equals(sorted(found.values()));
    current.put(VALUES, PropertyValue.ofTexts(sameValues ? recorded : found.values()));
    PropertyMap currentInputs = current.build();
    return new ResourceState(found.id().toString(), currentInputs, outputs(currentInputs));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    if (!context.preview()) {
      RecordSet desired = recordSet(news);
      aws.run(context, "the update of Route 53 record set " + desired.id(), context.timeout().orElse(TIMEOUT),
          (clients, wait) -> new Route53Records(clients).update(desired, wait));
    }
    return outputs(news);
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    RecordSetId recordSetId = RecordSetId.parse(id);
    aws.run(context, "the deletion of Route 53 record set " + recordSetId, context.timeout().orElse(TIMEOUT), (clients, wait) -> {
      new Route53Records(clients).delete(recordSetId, wait);
      return recordSetId;
    });
  }

  /** The inputs plus the fully qualified name, unknown while the name is. */
  private static PropertyMap outputs(PropertyMap inputs) {
    return inputs.toBuilder().put(FQDN, inputs.isUnknown(NAME) ? PropertyValue.UNKNOWN : inputs.get(NAME).orElseThrow()).build();
  }

  /** The record set of checked, known inputs. */
  private static RecordSet recordSet(PropertyMap inputs) {
    return RecordSet.builder()
        .zoneId(inputs.text(ZONE_ID).orElseThrow())
        .name(inputs.text(NAME).orElseThrow())
        .type(RecordType.valueOf(inputs.text(TYPE).orElseThrow()))
        .ttl(inputs.number(TTL).orElseThrow().longValue())
        .values(inputs.texts(VALUES).orElseThrow())
        .build();
  }

  /**
   * A host name as Route 53 keeps it: lower case (DNS names are case-insensitive, RFC 4343),
   * written without the trailing dot of zone files.
   */
  private static Optional<String> hostName(InputCheck check, String property, String given) {
    if (!CommonChecks.noTrailingDot(check, property, given)) {
      return Optional.empty();
    }
    return valid(check, property, () -> RecordSet.normalizeName(property, given));
  }

  /** A CNAME has exactly one target (RFC 1034 §3.6.2). */
  private static Optional<String> cnameTarget(InputCheck check, List<String> values) {
    if (values.size() != 1) {
      check.fail(VALUES, "a CNAME has exactly one target; " + VALUES + " has " + values.size() + ": " + values);
      return Optional.empty();
    }
    return hostName(check, VALUES, values.get(0));
  }

  /**
   * TXT values are the texts, unquoted; the provider quotes and splits them. At {@code _mta-sts}
   * and {@code _smtp._tls}, exactly one record of the set must be the protocol's and valid, or
   * senders ignore them all (RFC 8461 §3.1, RFC 8460 §3).
   */
  private static void txtValues(InputCheck check, Optional<String> name, List<String> values) {
    for (String value : values) {
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        check.fail(VALUES, "TXT value " + value + " is in quotes: give the text without them ("
            + value.substring(1, value.length() - 1) + "); the provider quotes it and splits it into strings of 255 bytes");
        return;
      }
    }
    name.ifPresent(n -> {
      if (n.startsWith("_mta-sts.")) {
        failWith(check, StsRecord.fromRrset(values));
      } else if (n.startsWith("_smtp._tls.")) {
        failWith(check, TlsRptRecord.fromRrset(values));
      }
    });
  }

  private static void failWith(InputCheck check, ParseResult<?> parsed) {
    check.failAll(VALUES, parsed.errors().stream().map(Problem::message).toList());
  }

  /** Runs a check of the aws package, recording its complaint against the property. */
  private static <T> Optional<T> valid(InputCheck check, String property, Supplier<T> validation) {
    try {
      return Optional.of(validation.get());
    } catch (InvalidSpecException e) {
      check.fail(property, e.getMessage());
      return Optional.empty();
    }
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  /** Names the way out: import the record set, or delete it. */
  private static String exists(OperationContext context, RecordSetExistsException e) {
    RecordSetId id = e.importId();
    return "Route 53 record set " + id.name() + " " + id.type() + " already exists in hosted zone " + id.zoneId()
        + e.existing().map(set -> " with " + set.values()).orElse("") + "; it was not changed. To manage it with this "
        + "resource, import it: pulumi import " + TOKEN + " " + context.name() + " " + id
        + (Urns.hasParent(context.urn()) ? " --parent <URN of its parent>" : "")
        + " (or give the resource the import option \"" + id + "\"), and the next update applies the program's values."
        + " Or delete the record set, then run again.";
  }
}
