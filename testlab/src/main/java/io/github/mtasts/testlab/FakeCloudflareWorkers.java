package io.github.mtasts.testlab;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mtasts.testlab.FakeCloudflareApi.CustomDomain;
import io.github.mtasts.testlab.FakeCloudflareApi.DnsRecord;
import io.github.mtasts.testlab.FakeCloudflareApi.Script;
import io.github.mtasts.testlab.FakeCloudflareApi.Zone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.MultipartReader;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The Workers scripts and custom domains endpoints of {@link FakeCloudflareApi}. Each handler
 * names the operation id of Cloudflare's OpenAPI description it follows; the error codes of
 * script uploads are the operation's {@code x-cfLinkErrors}.
 */
final class FakeCloudflareWorkers {
  /** The pattern of {@code script_name} in the description. */
  private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9_][a-z0-9-_]*");

  private final String accountId;
  private final FakeCloudflareDns dns;
  private final Map<String, Script> scripts = new LinkedHashMap<>();
  private final Map<String, CustomDomain> domains = new LinkedHashMap<>();

  FakeCloudflareWorkers(String accountId, FakeCloudflareDns dns) {
    this.accountId = accountId;
    this.dns = dns;
  }

  Map<String, Script> scripts() {
    return Map.copyOf(scripts);
  }

  List<CustomDomain> customDomains() {
    return List.copyOf(domains.values());
  }

  Optional<MockResponse> answer(FakeCloudflareRequest call) {
    if (call.depth() < 4 || !call.segment(0).equals("accounts") || !call.segment(2).equals("workers")) {
      return Optional.empty();
    }
    if (!call.segment(1).equals(accountId)) {
      return Optional.of(FakeCloudflareReply.failure(403, 9109, "Unauthorized to access requested resource"));
    }
    String method = call.method();
    if (call.segment(3).equals("scripts") && call.depth() == 5) {
      String name = call.segment(4);
      return switch (method) {
        case "PUT" -> Optional.of(upload(call, name));
        case "GET" -> Optional.of(download(name));
        case "DELETE" -> Optional.of(delete(name));
        default -> Optional.empty();
      };
    }
    if (call.segment(3).equals("domains") && call.depth() == 4) {
      return switch (method) {
        case "PUT" -> Optional.of(attach(call));
        case "GET" -> Optional.of(list(call));
        default -> Optional.empty();
      };
    }
    if (call.segment(3).equals("domains") && call.depth() == 5 && method.equals("DELETE")) {
      return Optional.of(detach(call.segment(4)));
    }
    return Optional.empty();
  }

  /**
   * worker-script-upload-worker-module: PUT /accounts/{account_id}/workers/scripts/{script_name}
   * as multipart/form-data: a part {@code metadata} with JSON whose {@code main_module} names the
   * part that holds the entry module, and one part per module. Code 10021 for content that fails
   * validation (Cloudflare answers "could not read content for part metadata" when the metadata
   * part is missing), 10001 for a body that is not multipart.
   */
  private MockResponse upload(FakeCloudflareRequest call, String name) {
    if (!SCRIPT_NAME.matcher(name).matches()) {
      return FakeCloudflareReply.failure(400, 10004, "Malformed URL parameter: script_name");
    }
    MediaType type = MediaType.parse(String.valueOf(call.header("Content-Type")));
    if (type == null || !type.toString().startsWith("multipart/form-data")
        || type.parameter("boundary") == null) {
      return FakeCloudflareReply.failure(400, 10001, "Unsupported or unexpected Content Type");
    }
    Map<String, String> parts = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(call.bodyBytes()),
        type.parameter("boundary"))) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = String.valueOf(part.headers().get("Content-Disposition"));
        String partName = dispositionName(disposition);
        parts.put(partName, part.body().readUtf8());
        types.put(partName, String.valueOf(part.headers().get("Content-Type")));
        part.close();
      }
    } catch (IOException e) {
      return FakeCloudflareReply.failure(400, 10006, "Unparseable script body");
    }
    String metadataText = parts.remove("metadata");
    types.remove("metadata");
    if (metadataText == null) {
      return FakeCloudflareReply.failure(400, 10021, "could not read content for part metadata");
    }
    JsonObject metadata;
    try {
      metadata = JsonParser.parseString(metadataText).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return FakeCloudflareReply.failure(400, 10021, "metadata is not a JSON object");
    }
    String main = metadata.has("main_module") ? metadata.get("main_module").getAsString() : null;
    if (main == null || !parts.containsKey(main)) {
      return FakeCloudflareReply.failure(400, 10021,
          "main_module must name an uploaded part; parts: " + parts.keySet());
    }
    String date = metadata.has("compatibility_date")
        ? metadata.get("compatibility_date").getAsString() : null;
    Script script = new Script(name, main, date, Map.copyOf(parts), Map.copyOf(types),
        sha256(parts.toString()));
    scripts.put(name, script);
    JsonObject result = new JsonObject();
    result.addProperty("id", name);
    result.addProperty("etag", script.etag());
    result.addProperty("usage_model", "standard");
    return FakeCloudflareReply.success(result);
  }

  /**
   * worker-script-download-worker: GET /accounts/{account_id}/workers/scripts/{script_name},
   * "the original script content, not JSON encoded": the uploaded modules, as a multipart form
   * of the same part names; 10007 "Resource not found" when there is no such script.
   */
  private MockResponse download(String name) {
    Script script = scripts.get(name);
    if (script == null) {
      return notFound();
    }
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    script.modules().forEach((part, source) -> form.addFormDataPart(part, part,
        RequestBody.create(source, MediaType.parse(script.contentTypes().get(part)))));
    MultipartBody body = form.build();
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new MockResponse.Builder().code(200)
        .addHeader("Content-Type", body.contentType().toString())
        .body(buffer)
        .build();
  }

  /**
   * worker-script-delete-worker: DELETE /accounts/{account_id}/workers/scripts/{script_name};
   * the script's custom domains go with it.
   */
  private MockResponse delete(String name) {
    if (scripts.remove(name) == null) {
      return notFound();
    }
    domains.values().removeIf(d -> d.service().equals(name));
    return FakeCloudflareReply.success(JsonNull.INSTANCE);
  }

  /**
   * worker-domain-attach-to-domain: PUT /accounts/{account_id}/workers/domains with {@code
   * zone_id}, {@code hostname}, {@code service} and {@code environment}. Attaching a host name
   * again to the same script answers the existing domain. Cloudflare refuses with HTTP 409 and
   * code 100116 a host name that another script's custom domain holds, and with 100117 one that
   * has DNS records of its own (the wording of both as quoted in public issue threads).
   */
  private MockResponse attach(FakeCloudflareRequest call) {
    Optional<JsonObject> body = call.json();
    if (body.isEmpty() || !body.get().has("zone_id") || !body.get().has("hostname")
        || !body.get().has("service")) {
      return FakeCloudflareReply.failure(400, 10021, "zone_id, hostname and service are required");
    }
    String hostname = body.get().get("hostname").getAsString().toLowerCase(Locale.ROOT);
    String service = body.get().get("service").getAsString();
    String environment = body.get().has("environment")
        ? body.get().get("environment").getAsString() : "production";
    Optional<Zone> zone = dns.zone(body.get().get("zone_id").getAsString());
    if (zone.isEmpty()) {
      return FakeCloudflareReply.failure(404, 100103, "Zone not found");
    }
    if (!hostname.equals(zone.get().name()) && !hostname.endsWith("." + zone.get().name())) {
      return FakeCloudflareReply.failure(400, 100101,
          "Hostname '" + hostname + "' is not in zone " + zone.get().name());
    }
    if (!scripts.containsKey(service)) {
      return notFound();
    }
    for (CustomDomain existing : domains.values()) {
      if (existing.hostname().equals(hostname)) {
        if (existing.service().equals(service)) {
          return FakeCloudflareReply.success(json(existing));
        }
        return FakeCloudflareReply.failure(409, 100116, "Hostname '" + hostname
            + "' already in use by other custom domain. Either delete it, try a different"
            + " hostname, or use the option 'override_existing_origin' to override.");
      }
    }
    for (DnsRecord record : dns.records(zone.get().id())) {
      if (record.name().equals(hostname)
          && List.of("A", "AAAA", "CNAME").contains(record.type())) {
        return FakeCloudflareReply.failure(409, 100117, "Hostname '" + hostname
            + "' already has externally managed DNS records (A, CNAME, etc). Delete them first"
            + " or try a different hostname.");
      }
    }
    CustomDomain domain = new CustomDomain(FakeCloudflareDns.newId(), hostname, service,
        environment, zone.get().id(), zone.get().name());
    domains.put(domain.id(), domain);
    return FakeCloudflareReply.success(json(domain));
  }

  /**
   * worker-domain-list-domains: GET /accounts/{account_id}/workers/domains with the exact
   * filters {@code zone_name}, {@code service}, {@code zone_id}, {@code hostname} and {@code
   * environment}; one page holds them all.
   */
  private MockResponse list(FakeCloudflareRequest call) {
    JsonArray result = new JsonArray();
    for (CustomDomain domain : domains.values()) {
      if (call.query("zone_name").map(domain.zoneName()::equals).orElse(true)
          && call.query("service").map(domain.service()::equals).orElse(true)
          && call.query("zone_id").map(domain.zoneId()::equals).orElse(true)
          && call.query("hostname").map(h -> h.equalsIgnoreCase(domain.hostname())).orElse(true)
          && call.query("environment").map(domain.environment()::equals).orElse(true)) {
        result.add(json(domain));
      }
    }
    return FakeCloudflareReply.success(result);
  }

  /**
   * worker-domain-detach-from-domain: DELETE /accounts/{account_id}/workers/domains/{domain_id},
   * whose successful answer has no body.
   */
  private MockResponse detach(String id) {
    if (domains.remove(id) == null) {
      return notFound();
    }
    return new MockResponse.Builder().code(200).build();
  }

  private static MockResponse notFound() {
    return FakeCloudflareReply.failure(404, 10007, "Resource not found (similar to HTTP 404)");
  }

  private static JsonObject json(CustomDomain domain) {
    JsonObject out = new JsonObject();
    out.addProperty("id", domain.id());
    out.addProperty("hostname", domain.hostname());
    out.addProperty("service", domain.service());
    out.addProperty("environment", domain.environment());
    out.addProperty("zone_id", domain.zoneId());
    out.addProperty("zone_name", domain.zoneName());
    return out;
  }

  /** The {@code name} parameter of a {@code Content-Disposition: form-data} header. */
  private static String dispositionName(String disposition) {
    for (String parameter : disposition.split(";")) {
      String p = parameter.strip();
      if (p.startsWith("name=")) {
        return p.substring("name=".length()).replace("\"", "");
      }
    }
    return "";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
