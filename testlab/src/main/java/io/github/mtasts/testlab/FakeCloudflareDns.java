package io.github.mtasts.testlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mtasts.testlab.FakeCloudflareApi.DnsRecord;
import io.github.mtasts.testlab.FakeCloudflareApi.Zone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;

/**
 * The zones and DNS records endpoints of {@link FakeCloudflareApi}. Each handler names the
 * operation id of Cloudflare's OpenAPI description it follows.
 */
final class FakeCloudflareDns {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern TAG = Pattern.compile("([A-Za-z0-9_-]{1,32}):(.{0,100})");
  private static final List<String> TYPES = List.of("A", "AAAA", "CNAME", "TXT");
  /** Plans page, "DNS record comments": 100 characters on the Free plan. */
  private static final int COMMENT_LIMIT = 100;
  /** Plans page, "DNS record tags": 20 tags per record. */
  private static final int TAG_LIMIT = 20;
  /** "DNS Validation Error": the code whose error chain says what is wrong with a record. */
  private static final int VALIDATION = 1004;

  private final String accountId;
  private final Map<String, Zone> zones = new LinkedHashMap<>();
  private final Map<String, Map<String, DnsRecord>> records = new LinkedHashMap<>();

  FakeCloudflareDns(String accountId) {
    this.accountId = accountId;
  }

  Zone addZone(String name) {
    Zone zone = new Zone(newId(), name.toLowerCase(Locale.ROOT), accountId);
    zones.put(zone.id(), zone);
    records.put(zone.id(), new LinkedHashMap<>());
    return zone;
  }

  List<Zone> zones() {
    return List.copyOf(zones.values());
  }

  Optional<Zone> zone(String id) {
    return Optional.ofNullable(zones.get(id));
  }

  DnsRecord put(String zoneId, String name, String type, String content) {
    DnsRecord record = new DnsRecord(newId(), zoneId, name.toLowerCase(Locale.ROOT), type, content,
        1, false, null, List.of());
    records.get(zoneId).put(record.id(), record);
    return record;
  }

  List<DnsRecord> records(String zoneId) {
    return List.copyOf(records.getOrDefault(zoneId, Map.of()).values());
  }

  Optional<MockResponse> answer(FakeCloudflareRequest call) {
    String method = call.method();
    if (call.depth() == 1 && method.equals("GET")) {
      return Optional.of(listZones(call));
    }
    if (call.depth() < 2) {
      return Optional.empty();
    }
    Optional<Zone> zone = zone(call.segment(1));
    if (zone.isEmpty()) {
      return Optional.of(unknownZone(call.segment(1)));
    }
    if (call.depth() == 2 && method.equals("GET")) {
      return Optional.of(FakeCloudflareReply.success(json(zone.get())));
    }
    if (!call.segment(2).equals("dns_records")) {
      return Optional.empty();
    }
    if (call.depth() == 3) {
      return switch (method) {
        case "GET" -> Optional.of(listRecords(call, zone.get()));
        case "POST" -> Optional.of(create(call, zone.get()));
        default -> Optional.empty();
      };
    }
    if (call.depth() != 4) {
      return Optional.empty();
    }
    DnsRecord record = records.get(zone.get().id()).get(call.segment(3));
    if (record == null) {
      return Optional.of(FakeCloudflareReply.failure(404, 81044, "Record does not exist."));
    }
    return switch (method) {
      // dns-records-for-a-zone-dns-record-details: GET /zones/{zone_id}/dns_records/{id}
      case "GET" -> Optional.of(FakeCloudflareReply.success(json(record, zone.get())));
      case "PATCH" -> Optional.of(patch(call, zone.get(), record));
      // dns-records-for-a-zone-delete-dns-record: the result holds the deleted record's id.
      case "DELETE" -> {
        records.get(zone.get().id()).remove(record.id());
        JsonObject result = new JsonObject();
        result.addProperty("id", record.id());
        yield Optional.of(FakeCloudflareReply.success(result));
      }
      default -> Optional.empty();
    };
  }

  /**
   * zones-get: GET /zones with the filters {@code name} (equal), {@code account.id} and {@code
   * status}; {@code page} from 1, {@code per_page} from 5 to 50, 20 unless given.
   */
  private MockResponse listZones(FakeCloudflareRequest call) {
    Optional<String> name = call.query("name").map(n -> n.toLowerCase(Locale.ROOT));
    Optional<String> account = call.query("account.id");
    Optional<String> status = call.query("status");
    List<JsonElement> matches = zones.values().stream()
        .filter(z -> name.map(z.name()::equals).orElse(true))
        .filter(z -> account.map(z.accountId()::equals).orElse(true))
        .filter(z -> status.map("active"::equals).orElse(true))
        .<JsonElement>map(FakeCloudflareDns::json)
        .toList();
    return page(call, matches, 20, 5, 50);
  }

  /**
   * dns-records-for-a-zone-list-dns-records: GET /zones/{zone_id}/dns_records with the exact
   * filters {@code name}, {@code type}, {@code content}, {@code comment} (case-insensitive) and
   * {@code tag} ({@code name} or {@code name:value}, case-insensitive), all of which must match
   * ({@code match=all}, the default); ordered by type (the default {@code order}); {@code page}
   * from 1, {@code per_page} from 1, 100 unless given.
   */
  private MockResponse listRecords(FakeCloudflareRequest call, Zone zone) {
    Optional<String> name = call.query("name").map(n -> absolute(n, zone));
    Predicate<DnsRecord> filter = r -> name.map(r.name()::equals).orElse(true);
    filter = filter.and(r -> call.query("type").map(r.type()::equals).orElse(true));
    filter = filter.and(r -> call.query("content").map(r.content()::equals).orElse(true));
    filter = filter.and(r -> call.query("comment").map(c -> c.equalsIgnoreCase(r.comment()))
        .orElse(true));
    filter = filter.and(r -> call.query("tag").map(t -> hasTag(r, t)).orElse(true));
    List<JsonElement> matches = records.get(zone.id()).values().stream()
        .filter(filter)
        .sorted(Comparator.comparing(DnsRecord::type))
        .<JsonElement>map(r -> json(r, zone))
        .toList();
    return page(call, matches, 100, 1, 5_000_000);
  }

  /**
   * dns-records-for-a-zone-create-dns-record: POST /zones/{zone_id}/dns_records. The notes of
   * the operation: A/AAAA records cannot exist on the same name as CNAME records. An identical
   * record (name, type and content) is refused with 81057 "Record already exists."; a CNAME
   * beside an A, AAAA or CNAME record with 81053 (both as Cloudflare's answers quoted in public
   * issue threads read).
   */
  private MockResponse create(FakeCloudflareRequest call, Zone zone) {
    Optional<JsonObject> body = call.json();
    if (body.isEmpty()) {
      return FakeCloudflareReply.failure(400, 9207, "Request body is invalid.");
    }
    return write(zone, null, body.get());
  }

  /** dns-records-for-a-zone-patch-dns-record: PATCH changes the fields given, keeps the rest. */
  private MockResponse patch(FakeCloudflareRequest call, Zone zone, DnsRecord current) {
    Optional<JsonObject> body = call.json();
    if (body.isEmpty()) {
      return FakeCloudflareReply.failure(400, 9207, "Request body is invalid.");
    }
    return write(zone, current, body.get());
  }

  private MockResponse write(Zone zone, DnsRecord current, JsonObject body) {
    String type = text(body, "type").orElse(current == null ? null : current.type());
    String rawName = text(body, "name").orElse(current == null ? null : current.name());
    String content = text(body, "content").orElse(current == null ? null : current.content());
    if (type == null || !TYPES.contains(type)) {
      return invalid(9000, "Record type " + type + " is not supported (the fake knows " + TYPES + ").");
    }
    if (rawName == null || rawName.isEmpty() || rawName.length() > 255) {
      return invalid(9000, "DNS name is invalid.");
    }
    String name = absolute(rawName, zone);
    if (!name.equals(zone.name()) && !name.endsWith("." + zone.name())) {
      return invalid(9000, "DNS name is invalid: " + name + " is not in zone " + zone.name() + ".");
    }
    if (content == null || content.isEmpty()) {
      return invalid(9005, "Content for " + type + " record is invalid.");
    }
    if (type.equals("CNAME") && absolute(content, zone).equals(name)) {
      return invalid(9005, "Content for CNAME record is invalid: it must not match the record's name.");
    }
    // TTL: 1 means automatic, otherwise 60 to 86400 seconds (the 30-second minimum is
    // Enterprise only).
    int ttl = body.has("ttl") ? body.get("ttl").getAsInt() : current == null ? 1 : current.ttl();
    if (ttl != 1 && (ttl < 60 || ttl > 86400)) {
      return invalid(9021, "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for automatic.");
    }
    boolean proxied = body.has("proxied") ? body.get("proxied").getAsBoolean()
        : current != null && current.proxied();
    if (proxied && type.equals("TXT")) {
      return invalid(9004, "This record type cannot be proxied.");
    }
    String comment = body.has("comment") && !body.get("comment").isJsonNull()
        ? body.get("comment").getAsString() : current == null ? null : current.comment();
    // Record attributes: comments do not support newline or carriage return characters.
    if (comment != null && (comment.length() > COMMENT_LIMIT || comment.contains("\n")
        || comment.contains("\r"))) {
      return invalid(9102, "Comment is invalid: at most " + COMMENT_LIMIT
          + " characters without line breaks.");
    }
    List<String> tags = new ArrayList<>();
    if (body.has("tags")) {
      body.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
    } else if (current != null) {
      tags.addAll(current.tags());
    }
    if (tags.size() > TAG_LIMIT || !tags.stream().allMatch(t -> TAG.matcher(t).matches())) {
      return invalid(9103, "Tags are invalid: at most " + TAG_LIMIT
          + " of the form name:value, names of letters, digits, '-' and '_'.");
    }
    Optional<MockResponse> conflict = conflict(zone, current, name, type, content);
    if (conflict.isPresent()) {
      return conflict.get();
    }
    DnsRecord record = new DnsRecord(current == null ? newId() : current.id(), zone.id(), name,
        type, content, ttl, proxied, comment, List.copyOf(tags));
    records.get(zone.id()).put(record.id(), record);
    return FakeCloudflareReply.success(json(record, zone));
  }

  private Optional<MockResponse> conflict(Zone zone, DnsRecord self, String name, String type,
      String content) {
    for (DnsRecord other : records.get(zone.id()).values()) {
      if ((self != null && other.id().equals(self.id())) || !other.name().equals(name)) {
        continue;
      }
      if (other.type().equals(type) && other.content().equals(content)) {
        return Optional.of(FakeCloudflareReply.failure(400, 81057, "Record already exists."));
      }
      boolean addressOrAlias = List.of("A", "AAAA", "CNAME").contains(other.type());
      if ((type.equals("CNAME") && addressOrAlias)
          || (other.type().equals("CNAME") && List.of("A", "AAAA").contains(type))) {
        return Optional.of(FakeCloudflareReply.failure(400, 81053,
            "An A, AAAA, or CNAME record with that host already exists."));
      }
    }
    return Optional.empty();
  }

  private static MockResponse invalid(int cause, String message) {
    return FakeCloudflareReply.failure(400, VALIDATION, "DNS Validation Error", cause, message);
  }

  /**
   * A zone id the token cannot reach: one not shaped like an identifier has no route (7003),
   * a well-formed one the token may not see is "Unauthorized to access requested resource".
   */
  private static MockResponse unknownZone(String id) {
    if (!ID.matcher(id).matches()) {
      return FakeCloudflareReply.failure(400, 7003,
          "Could not route to /zones/" + id + ", perhaps your object identifier is invalid?");
    }
    return FakeCloudflareReply.failure(403, 9109, "Unauthorized to access requested resource");
  }

  /** One page of a list, with the paging parameters checked against their documented ranges. */
  private static MockResponse page(FakeCloudflareRequest call, List<JsonElement> all,
      int defaultPerPage, int minPerPage, int maxPerPage) {
    int page;
    int perPage;
    try {
      page = call.query("page").map(Integer::parseInt).orElse(1);
      perPage = call.query("per_page").map(Integer::parseInt).orElse(defaultPerPage);
    } catch (NumberFormatException e) {
      return FakeCloudflareReply.failure(400, 1001, "page and per_page must be numbers");
    }
    if (page < 1 || perPage < minPerPage || perPage > maxPerPage) {
      return FakeCloudflareReply.failure(400, 1001, "page must be at least 1 and per_page from "
          + minPerPage + " to " + maxPerPage);
    }
    JsonArray items = new JsonArray();
    long from = (long) (page - 1) * perPage;
    for (long i = from; i < Math.min(all.size(), from + perPage); i++) {
      items.add(all.get((int) i));
    }
    return FakeCloudflareReply.page(items, page, perPage, all.size());
  }

  private static boolean hasTag(DnsRecord record, String filter) {
    String wanted = filter.toLowerCase(Locale.ROOT);
    return record.tags().stream().map(t -> t.toLowerCase(Locale.ROOT))
        .anyMatch(t -> wanted.contains(":") ? t.equals(wanted) : t.startsWith(wanted + ":"));
  }

  /** A name as sent, made absolute: {@code @} is the apex, a relative name is in the zone. */
  private static String absolute(String name, Zone zone) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    if (n.equals("@")) {
      return zone.name();
    }
    return n.equals(zone.name()) || n.endsWith("." + zone.name()) ? n : n + "." + zone.name();
  }

  private static Optional<String> text(JsonObject body, String field) {
    return body.has(field) && !body.get(field).isJsonNull()
        ? Optional.of(body.get(field).getAsString()) : Optional.empty();
  }

  private static JsonObject json(Zone zone) {
    JsonObject out = new JsonObject();
    out.addProperty("id", zone.id());
    out.addProperty("name", zone.name());
    out.addProperty("status", "active");
    JsonObject account = new JsonObject();
    account.addProperty("id", zone.accountId());
    out.add("account", account);
    return out;
  }

  private static JsonObject json(DnsRecord record, Zone zone) {
    JsonObject out = new JsonObject();
    out.addProperty("id", record.id());
    out.addProperty("zone_id", zone.id());
    out.addProperty("zone_name", zone.name());
    out.addProperty("name", record.name());
    out.addProperty("type", record.type());
    out.addProperty("content", record.content());
    out.addProperty("proxiable", !record.type().equals("TXT"));
    out.addProperty("proxied", record.proxied());
    out.addProperty("ttl", record.ttl());
    if (record.comment() != null) {
      out.addProperty("comment", record.comment());
    }
    JsonArray tags = new JsonArray();
    record.tags().forEach(tags::add);
    out.add("tags", tags);
    out.add("meta", new JsonObject());
    return out;
  }

  static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
