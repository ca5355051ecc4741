package io.github.mtasts.testlab;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import mockwebserver3.RecordedRequest;

/** One request to {@link FakeCloudflareApi}: its method, path segments, query and body. */
final class FakeCloudflareRequest {
  private final RecordedRequest request;
  private final String[] segments;

  FakeCloudflareRequest(RecordedRequest request, String[] segments) {
    this.request = request;
    this.segments = segments;
  }

  String method() {
    return request.getMethod();
  }

  /** The path segments after the base path, e.g. {@code zones, ID, dns_records}. */
  String[] segments() {
    return segments;
  }

  int depth() {
    return segments.length;
  }

  String segment(int index) {
    return segments[index];
  }

  Optional<String> query(String name) {
    return Optional.ofNullable(request.getUrl().queryParameter(name));
  }

  String header(String name) {
    return request.getHeaders().get(name);
  }

  byte[] bodyBytes() {
    return request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
  }

  /** The body as a JSON object, or empty when it is not one. */
  Optional<JsonObject> json() {
    try {
      return Optional.of(JsonParser.parseString(new String(bodyBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject());
    } catch (JsonParseException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}
