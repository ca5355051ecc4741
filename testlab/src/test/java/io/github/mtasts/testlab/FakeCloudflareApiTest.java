package io.github.mtasts.testlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake answers plain HTTP as Cloudflare's API description says, whatever client asks: these
 * tests use no client of the project.
 */
class FakeCloudflareApiTest {

  private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-Zz";
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http = new OkHttpClient();
  private FakeCloudflareApi api;
  private String zone;

  @BeforeEach
  void start() throws IOException {
    api = FakeCloudflareApi.start(InetAddress.getByName("127.0.30.1"), TOKEN, "0123456789abcdef0123456789abcdef");
    zone = api.addZone("example.com");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aListAnswersTheCollectionEnvelopeWithResultInfo() throws IOException {
    for (int i = 0; i < 7; i++) {
      api.addRecord(zone, "_mta-sts.example.com", "TXT", "\"v=STSv1; id=" + i + "\"");
    }
    JsonObject page = call("GET", "/zones/" + zone + "/dns_records?name=_mta-sts.example.com&per_page=3&page=3",
        null, 200);
    assertTrue(page.get("success").getAsBoolean());
    assertEquals(0, page.getAsJsonArray("errors").size());
    assertEquals(0, page.getAsJsonArray("messages").size());
    assertEquals(1, page.getAsJsonArray("result").size());
    JsonObject info = page.getAsJsonObject("result_info");
    assertEquals(3, info.get("page").getAsInt());
    assertEquals(3, info.get("per_page").getAsInt());
    assertEquals(1, info.get("count").getAsInt());
    assertEquals(7, info.get("total_count").getAsInt());
    assertEquals(3, info.get("total_pages").getAsInt());
  }

  @Test
  void zonesArePagedFiveToFiftyAtATime() throws IOException {
    JsonObject refused = call("GET", "/zones?per_page=51", null, 400);
    assertFalse(refused.get("success").getAsBoolean());
    assertTrue(refused.get("result").isJsonNull());
  }

  @Test
  void aSecondTxtRecordOfANameIsKeptButAnIdenticalOneIsRefused() throws IOException {
    call("POST", "/zones/" + zone + "/dns_records", "{\"type\":\"TXT\",\"name\":\"_mta-sts\",\"content\":\"\\\"a\\\"\"}", 200);
    call("POST", "/zones/" + zone + "/dns_records", "{\"type\":\"TXT\",\"name\":\"_mta-sts\",\"content\":\"\\\"b\\\"\"}", 200);
    JsonObject identical = call("POST", "/zones/" + zone + "/dns_records",
        "{\"type\":\"TXT\",\"name\":\"_mta-sts.example.com\",\"content\":\"\\\"a\\\"\"}", 400);
    assertEquals(81057, code(identical));
    assertEquals(2, api.records(zone).size());
    assertEquals("_mta-sts.example.com", api.records(zone).get(0).name(), "a relative name is in the zone");
  }

  @Test
  void aRateLimitedCallAnswers429WithRetryAfterAndDoesNothing() throws IOException {
    api.rateLimitNext(1, 7);
    try (Response response = http.newCall(request("POST", "/zones/" + zone + "/dns_records",
        "{\"type\":\"TXT\",\"name\":\"x\",\"content\":\"\\\"a\\\"\"}").build()).execute()) {
      assertEquals(429, response.code());
      assertEquals("7", response.header("Retry-After"));
    }
    assertEquals(0, api.records(zone).size());
  }

  @Test
  void credentialsAreCheckedAsTheApiTokenSchemeSays() throws IOException {
    try (Response malformed = http.newCall(new Request.Builder().url(api.baseUrl() + "/zones")
        .header("Authorization", "Bearer not-a-token").build()).execute()) {
      JsonObject body = JsonParser.parseString(malformed.body().string()).getAsJsonObject();
      assertEquals(400, malformed.code());
      assertEquals(6003, code(body));
      assertEquals(6111, body.getAsJsonArray("errors").get(0).getAsJsonObject()
          .getAsJsonArray("error_chain").get(0).getAsJsonObject().get("code").getAsInt());
    }
    try (Response other = http.newCall(new Request.Builder().url(api.baseUrl() + "/zones")
        .header("Authorization", "Bearer " + TOKEN.toLowerCase(java.util.Locale.ROOT)).build()).execute()) {
      assertEquals(403, other.code());
    }
  }

  @Test
  void aModuleUploadNeedsMetadataNamingItsMainModule() throws IOException {
    MultipartBody noMetadata = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("main.mjs", "main.mjs", RequestBody.create("export default {};",
            MediaType.get("application/javascript+module"))).build();
    try (Response response = http.newCall(new Request.Builder()
        .url(api.baseUrl() + "/accounts/0123456789abcdef0123456789abcdef/workers/scripts/site")
        .header("Authorization", "Bearer " + TOKEN).put(noMetadata).build()).execute()) {
      assertEquals(400, response.code());
      assertEquals(10021, code(JsonParser.parseString(response.body().string()).getAsJsonObject()));
    }
    assertTrue(api.scripts().isEmpty());
  }

  private JsonObject call(String method, String path, String body, int status) throws IOException {
    try (Response response = http.newCall(request(method, path, body).build()).execute()) {
      String text = response.body().string();
      assertEquals(status, response.code(), text);
      return JsonParser.parseString(text).getAsJsonObject();
    }
  }

  private Request.Builder request(String method, String path, String body) {
    return new Request.Builder().url(api.baseUrl() + path).header("Authorization", "Bearer " + TOKEN)
        .method(method, body == null ? null : RequestBody.create(body, JSON));
  }

  private static int code(JsonObject envelope) {
    return envelope.getAsJsonArray("errors").get(0).getAsJsonObject().get("code").getAsInt();
  }
}
