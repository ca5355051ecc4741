package io.github.mtasts.provider.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordType;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.RecordingLog;
import io.github.mtasts.provider.host.ResourceState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The record resource over a second DNS service kept in memory: what every service shares
 * (checks of TXT values and CNAME targets, create never overwrites, the diff rule, the import
 * id) holds without a line of the resource knowing the service.
 */
class RecordResourceTest {

  private static final String URN = "urn:pulumi:dev::mail::mtasts:aws:Record::sts";

  private final MemoryRecordService service = new MemoryRecordService();
  private final RecordResource resource = new RecordResource(service);

  private static PropertyMap record(String zone, String name, String type, String... values) {
    return PropertyMap.builder().put("zoneId", zone).put("name", name).put("type", type)
        .put("values", PropertyValue.ofTexts(List.of(values))).build();
  }

  private Map<String, String> failures(PropertyMap news) {
    return resource.check(PropertyMap.empty(), news).failures().stream()
        .collect(Collectors.toMap(CheckResult.Failure::property, CheckResult.Failure::reason));
  }

  @Test
  void theServiceSaysWhatAZoneIdAndATtlAre() {
    Map<String, String> failures = failures(record("Z0123456789ABC", "_mta-sts.example.com", "TXT", "v=STSv1; id=1")
        .toBuilder().put("ttl", PropertyValue.of(30)).build());
    assertTrue(failures.get("zoneId").contains("\"Z0123456789ABC\"") && failures.get("zoneId").contains("zone-1"), failures.toString());
    assertEquals("ttl must be a whole number of seconds from 60 to 86400, got 30", failures.get("ttl"));
    assertTrue(failures(record("zone-1", "x.example.com", "TXT", "y".repeat(101))).get("values").contains("at most 100"),
        "a limit of the service on no input of its own lands on values");
  }

  @Test
  void theRulesOfTheProtocolsHoldInEveryService() {
    // RFC 8461 §3.1: two v=STSv1 records make senders ignore both.
    assertTrue(failures(record("zone-1", "_mta-sts.example.com", "TXT", "v=STSv1; id=1", "v=STSv1; id=2"))
        .get("values").contains("RFC 8461"));
    assertTrue(failures(record("zone-1", "_smtp._tls.example.com", "TXT", "v=TLSRPTv1; rua=reports-at-example"))
        .get("values").contains("reports-at-example"));
    assertTrue(failures(record("zone-1", "mta-sts.example.com", "CNAME", "a.example.net", "b.example.net"))
        .get("values").contains("exactly one target"));
    assertTrue(failures(record("zone-1", "x.example.com", "TXT", "\"hello\"")).get("values").contains("without them (hello)"));
    CheckResult checked = resource.check(PropertyMap.empty(), record("zone-1", "MTA-STS.Example.COM", "CNAME", "D111.Example.NET"));
    assertEquals(List.of(), checked.failures());
    assertEquals(PropertyValue.of("mta-sts.example.com"), checked.inputs().get("name").orElseThrow());
    assertEquals(PropertyValue.ofTexts(List.of("d111.example.net")), checked.inputs().get("values").orElseThrow());
  }

  @Test
  void createNeverOverwritesAndNamesTheImportCommandInTheServicesWords() {
    DnsRecord theirs = new DnsRecord(new RecordId("zone-1", "_mta-sts.example.com", RecordType.TXT), 300, List.of("v=STSv1; id=theirs"));
    service.records.put(theirs.id(), theirs);
    PropertyMap inputs = resource.check(PropertyMap.empty(), record("zone-1", "_mta-sts.example.com", "TXT", "v=STSv1; id=ours"))
        .inputs();
    String message = assertThrows(OperationFailedException.class,
        () -> resource.create(new RecordingLog().context(URN, false), inputs)).getMessage();
    assertTrue(message.startsWith("memory record _mta-sts.example.com TXT already exists in memory zone zone-1 with "
        + "[v=STSv1; id=theirs]; it was not changed."), message);
    assertTrue(message.contains("pulumi import mtasts:aws:Record sts zone-1/_mta-sts.example.com/TXT"), message);
    assertEquals(theirs, service.records.get(theirs.id()));
  }

  @Test
  void createReadUpdateDeleteGoThroughTheStore() {
    PropertyMap inputs = resource.check(PropertyMap.empty(), record("zone-1", "_smtp._tls.example.com", "TXT",
        "v=TLSRPTv1; rua=mailto:tlsrpt@example.com")).inputs();
    ResourceState created = resource.create(new RecordingLog().context(URN, false), inputs);
    assertEquals("zone-1/_smtp._tls.example.com/TXT", created.id());
    ResourceState imported = resource.read(new RecordingLog().context(URN, false), created.id(), PropertyMap.empty(), PropertyMap.empty());
    assertEquals(inputs, imported.inputs(), "an import reads back what the program declares");

    PropertyMap changed = inputs.toBuilder().put("ttl", PropertyValue.of(3600)).build();
    resource.update(new RecordingLog().context(URN, false), created.id(), created.outputs(), changed);
    assertEquals(3600, service.records.values().iterator().next().ttl());
    resource.delete(new RecordingLog().context(URN, false), created.id(), created.outputs());
    assertTrue(service.records.isEmpty());
    assertEquals("", resource.read(new RecordingLog().context(URN, false), created.id(), inputs, created.outputs()).id());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> resource.read(new RecordingLog().context(URN, false),
        "_mta-sts.example.com", PropertyMap.empty(), PropertyMap.empty())).getMessage().contains("ZONEID/NAME/TYPE, e.g. zone-1/"));
  }

  @Test
  void zoneNameAndTypeReplaceAndTheSameNameIsDeletedFirst() {
    PropertyMap olds = record("zone-1", "_mta-sts.example.com", "TXT", "v=STSv1; id=1");
    DiffResult otherType = resource.diff(olds, olds, record("zone-1", "_mta-sts.example.com", "CNAME", "policy.example.net"), Set.of());
    assertEquals(List.of("type", "values"), otherType.changes().keySet().stream().toList());
    assertEquals(List.of("type"), otherType.replaces());
    assertTrue(otherType.deleteBeforeReplace());
    DiffResult otherName = resource.diff(olds, olds, record("zone-1", "_mta-sts.example.org", "TXT", "v=STSv1; id=1"), Set.of());
    assertEquals(List.of("name"), otherName.replaces());
    assertFalse(otherName.deleteBeforeReplace());
  }
}
