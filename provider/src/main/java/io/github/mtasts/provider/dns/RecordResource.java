package io.github.mtasts.provider.dns;

import io.github.mtasts.dns.DnsNames;
import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.InvalidRecordException;
import io.github.mtasts.dns.RecordExistsException;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordType;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.ImportAdvice;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputDiff;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A record set in a DNS service ({@link RecordService}): a TXT (the {@code _mta-sts} record of
 * RFC 8461 §3.1, the {@code _smtp._tls} record of RFC 8460 §3) or a CNAME (the policy host, a
 * certificate's validation record). Its id, also its import id, is {@code ZONEID/NAME/TYPE}.
 *
 * <p>Create never overwrites: a record set that already exists is reported with the command
 * that imports it. Zone, name and type identify the record set, so changing one replaces it; a
 * new record set of the same name is created only after the old one is deleted, because a zone
 * holds one record set per name and type, and a CNAME excludes every other type at its name
 * (RFC 1034 §3.6.2). TTL and values change in place. Every change is live on the service's name
 * servers when the operation returns.
 */
public final class RecordResource implements ResourceHandler {

  static final String ZONE_ID = "zoneId";
  static final String NAME = "name";
  static final String TYPE = "type";
  static final String TTL = "ttl";
  static final String VALUES = "values";
  static final String PROXIED = "proxied";
  static final String FQDN = "fqdn";

  /** DNS services usually make a change live within a minute. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  /** A read does not wait for anything. */
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);

  private final RecordService service;
  private final InputSchema inputs;

  /**
   * The record resource of a DNS service.
   *
   * @param service the service
   */
  public RecordResource(RecordService service) {
    this.service = service;
    this.inputs = Schema.model().resource(service.token());
  }

  @Override
  public InputSchema schema() {
    return inputs;
  }

  @Override
  public Map<String, Set<String>> derivations() {
    return Map.of(FQDN, Set.of(NAME));
  }

  @Override
  public void validate(InputCheck check) {
    check.text(ZONE_ID).flatMap(zone -> check.rule(ZONE_ID, () -> service.zone(zone)))
        .ifPresent(zone -> check.put(ZONE_ID, zone));
    Optional<String> name = check.text(NAME).flatMap(given -> hostName(check, NAME, given));
    name.ifPresent(n -> check.put(NAME, n));
    Optional<String> type = check.text(TYPE);
    check.integer(TTL, service.minTtl(), service.maxTtl(), "seconds");
    check.texts(VALUES).ifPresent(values -> {
      if (values.isEmpty()) {
        check.fail(VALUES, VALUES + " is empty: give the record's values (TXT texts, or the one CNAME target)");
      } else if (type.filter(RecordType.CNAME.name()::equals).isPresent()) {
        cnameTarget(check, values).ifPresent(target -> check.put(VALUES, PropertyValue.ofTexts(List.of(target))));
      } else if (type.isPresent()) {
        txtValues(check, name, values);
      }
    });
    if (inputs.property(PROXIED).isPresent()) {
      proxied(check, name, type);
    }
    if (check.failures().isEmpty() && !check.inputs().containsUnknowns()) {
      // Whatever limit of the service the rules above do not name (a TXT value too long to send).
      try {
        service.limits(service.record(check.inputs())).ifPresent(failure -> check.fail(property(failure.property()),
            failure.reason()));
      } catch (InvalidRecordException e) {
        check.fail(property(e.field()), e.getMessage());
      }
    }
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news, Set<String> ignoreChanges) {
    DiffResult diff = InputDiff.diff(oldInputs, news, inputs.replaceOnChanges(), ignoreChanges);
    // The new record set can exist beside the old one only at another name or in another zone.
    boolean sameName = !news.isUnknown(ZONE_ID) && !news.isUnknown(NAME)
        && news.get(ZONE_ID).equals(oldInputs.get(ZONE_ID)) && news.get(NAME).equals(oldInputs.get(NAME));
    boolean unknownName = news.isUnknown(ZONE_ID) || news.isUnknown(NAME);
    return new DiffResult(diff.changes(), sameName || unknownName);
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      String id = inputs.containsUnknowns() ? "" : service.record(inputs).id().toString();
      return new ResourceState(id, inputs, outputs(inputs));
    }
    DnsRecord desired = service.record(inputs);
    service.run(context, "the creation of " + service.recordNoun() + " " + desired.id(), context.timeout().orElse(TIMEOUT),
        store -> {
          try {
            return store.create(desired);
          } catch (RecordExistsException e) {
            throw new OperationFailedException(exists(context, e));
          }
        });
    return new ResourceState(desired.id().toString(), inputs, outputs(inputs));
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    RecordId recordId = recordId(id);
    Optional<DnsRecord> live = service.run(context, "the read of " + service.recordNoun() + " " + recordId, READ_TIMEOUT,
        store -> store.read(recordId));
    if (live.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    DnsRecord found = live.get();
    PropertyMap.Builder current = (inputs.keys().isEmpty() ? PropertyMap.empty() : inputs).toBuilder()
        .put(ZONE_ID, found.id().zone())
        .put(NAME, found.id().name())
        .put(TYPE, found.id().type().name())
        .put(TTL, PropertyValue.of(found.ttl()));
    // A service need not keep the order of a set's records: an order change is no drift.
    List<String> recorded = inputs.isUnknown(VALUES) ? List.of() : inputs.texts(VALUES).orElse(List.of());
    boolean sameValues = recorded.size() == found.values().size() && sorted(recorded).equals(sorted(found.values()));
    current.put(VALUES, PropertyValue.ofTexts(sameValues ? recorded : found.values()));
    if (this.inputs.property(PROXIED).isPresent()) {
      current.put(PROXIED, PropertyValue.of(found.proxied()));
    }
    PropertyMap currentInputs = current.build();
    return new ResourceState(found.id().toString(), currentInputs, outputs(currentInputs));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    if (!context.preview()) {
      DnsRecord desired = service.record(news);
      service.run(context, "the update of " + service.recordNoun() + " " + desired.id(), context.timeout().orElse(TIMEOUT),
          store -> store.update(desired));
    }
    return outputs(news);
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    RecordId recordId = recordId(id);
    service.run(context, "the deletion of " + service.recordNoun() + " " + recordId, context.timeout().orElse(TIMEOUT),
        store -> {
          store.delete(recordId);
          return recordId;
        });
  }

  /** An import id, with the zone in the service's form. */
  private RecordId recordId(String id) {
    try {
      RecordId parsed = RecordId.parse(id, service.zoneExample());
      return new RecordId(service.zone(parsed.zone()), parsed.name(), parsed.type());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read " + service.token() + " " + Excerpt.quote(id) + ": " + e.getMessage(), e);
    }
  }

  /** The inputs plus the fully qualified name, unknown while the name is. */
  private static PropertyMap outputs(PropertyMap inputs) {
    return inputs.toBuilder().put(FQDN, inputs.isUnknown(NAME) ? PropertyValue.UNKNOWN : inputs.get(NAME).orElseThrow()).build();
  }

  /** The input a failure of a rule of the record as a whole belongs to. */
  private String property(String field) {
    return inputs.property(field).isPresent() ? field : VALUES;
  }

  /**
   * A host name in the one form records keep: lower case (DNS names are case-insensitive, RFC
   * 4343), written without the trailing dot of zone files.
   */
  private static Optional<String> hostName(InputCheck check, String property, String given) {
    if (!CommonChecks.noTrailingDot(check, property, given)) {
      return Optional.empty();
    }
    return check.rule(property, () -> DnsNames.normalize(property, given));
  }

  /**
   * A proxied record answers with the addresses of the service's HTTP proxy instead of its
   * value, which only a CNAME of a host that serves HTTPS can do. At a name whose first label
   * starts with an underscore (the {@code _mta-sts} record of RFC 8461 §3.1, the {@code
   * _smtp._tls} record of RFC 8460 §3, a certificate's validation record) resolvers must see the
   * record itself.
   */
  private static void proxied(InputCheck check, Optional<String> name, Optional<String> type) {
    if (!check.bool(PROXIED).orElse(false)) {
      return;
    }
    if (type.filter(RecordType.TXT.name()::equals).isPresent()) {
      check.fail(PROXIED, PROXIED + " is true for a TXT record: only a CNAME can be proxied; leave it false");
    } else if (name.filter(n -> n.startsWith("_")).isPresent()) {
      check.fail(PROXIED, PROXIED + " is true at " + name.get() + ": resolvers must see the record itself at a name"
          + " starting with an underscore (the _mta-sts record, RFC 8461 section 3.1; the _smtp._tls record, RFC 8460"
          + " section 3; a certificate's validation record), not the addresses of a proxy; leave it false");
    }
  }

  /** A CNAME has exactly one target (RFC 1034 §3.6.2). */
  private static Optional<String> cnameTarget(InputCheck check, List<String> values) {
    if (values.size() != 1) {
      check.fail(VALUES, "a CNAME has exactly one target; " + VALUES + " has " + values.size() + ": "
          + Excerpt.list(values));
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
        check.fail(VALUES, VALUES + ": TXT value " + Excerpt.quote(value) + " is in quotes: give the text without them ("
            + Excerpt.head(value.substring(1, value.length() - 1))
            + "); the provider quotes it and splits it into strings of 255 bytes");
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

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  /** Names the way out: import the record set, or delete it. */
  private String exists(OperationContext context, RecordExistsException e) {
    RecordId id = e.id();
    return service.recordNoun() + " " + id.name() + " " + id.type() + " already exists in " + service.zoneNoun() + " "
        + id.zone() + e.existing().map(set -> " with " + set.values()).orElse("") + "; it was not changed. "
        + ImportAdvice.of(context, service.token(), id.toString()) + " Or delete the record set, then run again.";
  }
}
