package io.github.mtasts.cloudflare;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.mtasts.cloudflare.CloudflareHttp.Operation;
import io.github.mtasts.cloudflare.CloudflareHttp.Resend;
import io.github.mtasts.wait.Waiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Creates, reads, updates and deletes Cloudflare DNS records, marked with the settings' comment
 * and tags so that a record this program wrote is recognisable.
 *
 * <p>Create never overwrites and never makes a second record: Cloudflare keeps several records
 * of one name and type (only an identical one is refused), so create first lists the records
 * at the name and reports any it would stand beside ({@link DnsRecordExistsException}), except
 * one identical to the record asked for, marked as ours, which an earlier attempt whose answer
 * was lost left: that one is returned. When the answer to the create itself is lost (a broken
 * connection, a server error), it looks again before creating again.
 */
public final class DnsRecords {

  static final String PERMISSION = "Zone / DNS / Edit";
  /** The list's page size: the default of {@code per_page} in the API description. */
  static final int PAGE_SIZE = 100;
  /** "Record already exists.", for an identical record (name, type and content). */
  private static final int IDENTICAL_EXISTS = 81057;
  /** "An identical record already exists.", the same refusal in newer answers. */
  private static final int IDENTICAL_EXISTS_NEWER = 81058;
  /** "An A, AAAA, or CNAME record with that host already exists." */
  private static final int HOST_TAKEN = 81053;
  private static final MediaType JSON = MediaType.get("application/json");

  private final CloudflareHttp http;

  DnsRecords(CloudflareHttp http) {
    this.http = http;
  }

  /**
   * Lists the records of a zone with this name, and this type when given
   * (dns-records-for-a-zone-list-dns-records with the exact filters {@code name} and {@code
   * type}), every page of them.
   *
   * @param zoneId the zone
   * @param name the fully qualified name
   * @param type the type, or empty for all types
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the records
   * @throws CloudflareException when the call fails
   */
  public List<DnsRecord> list(String zoneId, String name, Optional<String> type, Waiter waiter) {
    String fqdn = DnsNames.check("name", name);
    Operation operation = new Operation("the listing of DNS records " + fqdn
        + type.map(t -> " " + t).orElse("") + " in Cloudflare zone " + zoneId, PERMISSION);
    List<DnsRecord> records = new ArrayList<>();
    for (int page = 1; ; page++) {
      HttpUrl.Builder url = http.url("zones", zoneId, "dns_records")
          .addQueryParameter("name", fqdn)
          .addQueryParameter("page", String.valueOf(page))
          .addQueryParameter("per_page", String.valueOf(PAGE_SIZE));
      type.ifPresent(t -> url.addQueryParameter("type", t));
      Reply reply = http.send(operation, new Request.Builder().url(url.build()), Resend.SAFE, waiter);
      JsonArray items = reply.result().getAsJsonArray();
      items.forEach(item -> records.add(record(zoneId, item)));
      // result_info.total_pages says when to stop; without it, a short page is the last.
      int totalPages = reply.totalPages().orElse(items.size() < PAGE_SIZE ? page : page + 1);
      if (items.isEmpty() || page >= totalPages) {
        return records;
      }
    }
  }

  /**
   * Creates a TXT or CNAME record, marked with the settings' comment and tags.
   *
   * @param desired the record, without id
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the record as Cloudflare holds it, with its id
   * @throws DnsRecordExistsException when another record stands at the name (see the class
   *     comment); nothing was changed
   * @throws InvalidSpecException when the record is not a TXT or CNAME without id
   * @throws CloudflareException for other failures
   */
  public DnsRecord create(DnsRecord desired, Waiter waiter) {
    if (desired.id().isPresent() || !List.of("TXT", "CNAME").contains(desired.type())) {
      throw new InvalidSpecException("type", desired.type(), "create makes TXT and CNAME records,"
          + " without an id; update changes an existing record");
    }
    DnsRecord marked = mark(desired);
    marked.checkWritable();
    Operation operation = new Operation("the creation of DNS record " + marked.type() + " "
        + marked.name() + " in Cloudflare zone " + marked.zoneId(), PERMISSION);
    boolean refused = false;
    for (int attempt = 1; ; attempt++) {
      List<DnsRecord> found = occupants(marked, waiter);
      List<DnsRecord> ours = found.stream().filter(r -> sameAs(r, marked)).toList();
      if (ours.size() == 1 && found.size() == 1) {
        return ours.get(0);
      }
      if (!found.isEmpty()) {
        throw new DnsRecordExistsException(marked, found);
      }
      if (refused) {
        throw new CloudflareException(operation.description() + " failed: Cloudflare reported a"
            + " record at the name that the listing does not show: run again", 0, List.of(), null);
      }
      try {
        Reply reply = http.send(operation, new Request.Builder()
            .url(http.url("zones", marked.zoneId(), "dns_records").build())
            .post(RequestBody.create(json(marked).toString(), JSON)), Resend.NEVER, waiter);
        return record(marked.zoneId(), reply.result());
      } catch (AmbiguousOutcomeException e) {
        // The record may have been created: the next turn looks before creating again.
        http.backOff(operation, attempt, waiter, e.getMessage());
      } catch (CloudflareException e) {
        if (!e.hasCode(IDENTICAL_EXISTS) && !e.hasCode(IDENTICAL_EXISTS_NEWER) && !e.hasCode(HOST_TAKEN)) {
          throw e;
        }
        refused = true; // created by someone else meanwhile: the next turn reports it
      }
    }
  }

  /**
   * Reads a record by id (dns-records-for-a-zone-dns-record-details).
   *
   * @param zoneId the zone
   * @param id the record id
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the record, or empty when there is none (HTTP 404)
   * @throws CloudflareException for other failures
   */
  public Optional<DnsRecord> read(String zoneId, String id, Waiter waiter) {
    Operation operation = new Operation("the read of DNS record " + id + " in Cloudflare zone "
        + zoneId, PERMISSION);
    return http.get(operation, http.url("zones", zoneId, "dns_records", id).build(), waiter)
        .map(reply -> record(zoneId, reply.result()));
  }

  /**
   * Changes a record's value, TTL and proxying in place (dns-records-for-a-zone-patch-dns-record),
   * and marks it; its name and type stay (a new name or type is a new record).
   *
   * @param record the record with its id and the values wanted
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @return the record as Cloudflare holds it now
   * @throws CloudflareException when it fails, with status 404 when the record is gone
   */
  public DnsRecord update(DnsRecord record, Waiter waiter) {
    String id = record.id().orElseThrow(() -> new InvalidSpecException("id", null,
        "update changes an existing record: give its id"));
    DnsRecord marked = mark(record);
    marked.checkWritable();
    Operation operation = new Operation("the update of DNS record " + marked.type() + " "
        + marked.name() + " (" + id + ") in Cloudflare zone " + marked.zoneId(), PERMISSION);
    JsonObject body = json(marked);
    body.remove("name");
    body.remove("type");
    Reply reply = http.send(operation, new Request.Builder()
        .url(http.url("zones", marked.zoneId(), "dns_records", id).build())
        .patch(RequestBody.create(body.toString(), JSON)), Resend.SAFE, waiter);
    return record(marked.zoneId(), reply.result());
  }

  /**
   * Deletes a record (dns-records-for-a-zone-delete-dns-record); one that is already gone is
   * deleted.
   *
   * @param zoneId the zone
   * @param id the record id
   * @param waiter the clock of the operation, whose deadline all its calls share
   * @throws CloudflareException for failures other than a record already gone
   */
  public void delete(String zoneId, String id, Waiter waiter) {
    Operation operation = new Operation("the deletion of DNS record " + id + " in Cloudflare zone "
        + zoneId, PERMISSION);
    http.delete(operation, http.url("zones", zoneId, "dns_records", id).build(), waiter);
  }

  /**
   * Whether a record carries the settings' mark: their comment and all their tags.
   *
   * @param record a record read from Cloudflare
   * @return whether this program's settings marked it
   */
  public boolean isMarked(DnsRecord record) {
    return record.comment().filter(http.settings().recordComment()::equals).isPresent()
        && record.tags().containsAll(http.settings().recordTags());
  }

  /**
   * The records a new one would stand beside: at a CNAME's name every record (RFC 1034 §3.6.2:
   * a CNAME has no other data beside it), at a TXT's name the TXT records and a CNAME.
   */
  private List<DnsRecord> occupants(DnsRecord record, Waiter waiter) {
    if (record.type().equals("CNAME")) {
      return list(record.zoneId(), record.name(), Optional.empty(), waiter);
    }
    List<DnsRecord> found = new ArrayList<>(list(record.zoneId(), record.name(), Optional.of("TXT"), waiter));
    found.addAll(list(record.zoneId(), record.name(), Optional.of("CNAME"), waiter));
    return found;
  }

  /** The record with the settings' comment (unless it has its own) and tags added. */
  private DnsRecord mark(DnsRecord record) {
    List<String> tags = new ArrayList<>(record.tags());
    http.settings().recordTags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
    return record.toBuilder()
        .comment(record.comment().orElse(http.settings().recordComment()))
        .tags(tags)
        .build();
  }

  /** Whether an existing record is the one asked for: same name, type, value and mark. */
  private static boolean sameAs(DnsRecord existing, DnsRecord wanted) {
    return existing.name().equals(wanted.name()) && existing.type().equals(wanted.type())
        && existing.value().equals(wanted.value()) && existing.comment().equals(wanted.comment())
        && existing.tags().containsAll(wanted.tags());
  }

  private static JsonObject json(DnsRecord record) {
    JsonObject body = new JsonObject();
    body.addProperty("type", record.type());
    body.addProperty("name", record.name());
    body.addProperty("content", record.content());
    body.addProperty("ttl", record.ttl());
    body.addProperty("proxied", record.proxied());
    record.comment().ifPresent(c -> body.addProperty("comment", c));
    JsonArray tags = new JsonArray();
    record.tags().forEach(tags::add);
    body.add("tags", tags);
    return body;
  }

  private static DnsRecord record(String zoneId, JsonElement element) {
    JsonObject json = element.getAsJsonObject();
    String type = json.get("type").getAsString();
    String content = json.get("content").getAsString();
    List<String> tags = new ArrayList<>();
    if (json.has("tags") && json.get("tags").isJsonArray()) {
      json.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
    }
    return DnsRecord.builder()
        .id(json.get("id").getAsString())
        .zoneId(zoneId)
        .name(json.get("name").getAsString())
        .type(type)
        .value(type.equals("TXT") ? TxtContent.unquote(content) : content)
        .ttl(json.has("ttl") ? json.get("ttl").getAsInt() : DnsRecord.AUTOMATIC_TTL)
        .proxied(json.has("proxied") && json.get("proxied").getAsBoolean())
        .comment(json.has("comment") && !json.get("comment").isJsonNull()
            ? json.get("comment").getAsString() : null)
        .tags(tags)
        .build();
  }
}
