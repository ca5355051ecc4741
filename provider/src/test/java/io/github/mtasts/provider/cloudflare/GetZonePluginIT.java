package io.github.mtasts.provider.cloudflare;

import static io.github.mtasts.testlab.Wire.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import io.github.mtasts.testlab.RunningPlugin;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;

/**
 * The function {@code mtasts:cloudflare:getZone} invoked over gRPC in the packaged plugin against
 * the fake API, which answers zones-get with the exact {@code name} filter and zones-0-get, and a
 * zone id the token cannot reach with 9109 as Cloudflare does.
 */
class GetZonePluginIT {

  private static final String TOKEN = "mtasts:cloudflare:getZone";

  @RegisterExtension
  static final RunningPlugin plugin = RunningPlugin.extension(Map.of());

  @RegisterExtension
  final FakeCloudflarePlugin cloudflare = new FakeCloudflarePlugin(plugin);



  private static InvokeResponse invoke(String given) {
    return plugin.provider().invoke(InvokeRequest.newBuilder().setTok(TOKEN).setArgs(struct("zone", given)).build());
  }

  @Test
  void aZoneIsFoundByNameOrById() {
    Struct byName = invoke("Example.COM").getReturn();
    assertEquals(cloudflare.zone(), byName.getFieldsOrThrow("id").getStringValue());
    assertEquals("example.com", byName.getFieldsOrThrow("name").getStringValue());
    assertEquals(byName, invoke(cloudflare.zone()).getReturn());
  }

  @Test
  void aZoneTheTokenDoesNotSeeIsNamedWithWhatToCheck() {
    StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> invoke("example.org"));
    String reason = missing.getStatus().getDescription();
    assertTrue(reason.contains("'example.org' was not found") && reason.contains("Zone Resources"), reason);
    assertEquals("zone", invoke(" ").getFailures(0).getProperty(), "an empty zone fails the check");
  }
}
