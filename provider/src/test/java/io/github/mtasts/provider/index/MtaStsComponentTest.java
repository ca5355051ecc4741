package io.github.mtasts.provider.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import io.github.mtasts.provider.host.Component;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.sdk.ProviderMocks;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code Construct} declares for {@code mtasts:index:MtaSts}, against Pulumi's mock engine:
 * the Java component's children, and the outputs the schema declares.
 */
class MtaStsComponentTest {
  private final ProviderMocks mocks = new ProviderMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  private static PropertyMap inputs() {
    return PropertyMap.builder()
        .put("domain", "example.com")
        .put("mode", "testing")
        .put("mx", PropertyValue.ofTexts(List.of("mx1.example.com", "*.mail.example.net")))
        .put("dns", PropertyMap.builder().put("route53ZoneId", "Z0123456789ABCDEFGHIJ").build())
        .put("hosting", PropertyMap.builder().put("s3CloudFront", PropertyMap.empty()).build())
        .build();
  }

  @Test
  void theComponentDeclaresTheJavaComponentsChildrenAndTheSchemasOutputs() {
    Component.Declaration declaration = new MtaStsComponent().check("example-com", inputs());
    AtomicReference<Component.Constructed> constructed = new AtomicReference<>();
    TestResult result = PulumiTest.withMocks(mocks).runTest(ctx ->
        constructed.set(declaration.declare(ComponentResourceOptions.builder().build())));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    JsonObject schema = JsonParser.parseString(Schema.json()).getAsJsonObject()
        .getAsJsonObject("resources").getAsJsonObject(MtaStsComponent.TOKEN);
    assertEquals(schema.getAsJsonObject("properties").keySet(), constructed.get().outputs().keySet());
    assertTrue(schema.get("isComponent").getAsBoolean());
    assertEquals(Set.of(
        "mtasts:index:MtaSts::example-com",
        "mtasts:index:Policy::example-com-policy",
        "mtasts:aws:Certificate::example-com-certificate",
        "mtasts:aws:Record::example-com-validation-record",
        "mtasts:aws:CertificateValidation::example-com-certificate-validation",
        "mtasts:aws:PolicySite::example-com-site",
        "mtasts:aws:Record::example-com-policy-host",
        "mtasts:index:Verification::example-com-verify-policy-host",
        "mtasts:aws:Record::example-com-sts",
        "mtasts:index:Verification::example-com-verify-all"), Set.copyOf(mocks.names()));
  }
}
