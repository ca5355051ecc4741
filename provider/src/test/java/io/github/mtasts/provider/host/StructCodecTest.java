package io.github.mtasts.provider.host;

import io.github.mtasts.testlab.Wire;
import static io.github.mtasts.testlab.Wire.list;
import static io.github.mtasts.testlab.Wire.secret;
import static io.github.mtasts.testlab.Wire.struct;
import static io.github.mtasts.testlab.Wire.unknown;
import static io.github.mtasts.testlab.Wire.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire form of Pulumi values, with the engine's literal sentinels. */
class StructCodecTest {

  @Test
  void decodesPlainValues() {
    PropertyMap map = StructCodec.decode(struct("s", "x", "n", 604800, "b", true, "l", list("a", 1),
        "o", struct("k", "v"), "z", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build()));
    assertEquals(PropertyValue.of("x"), map.get("s").orElseThrow());
    assertEquals(PropertyValue.of(604800), map.get("n").orElseThrow());
    assertEquals(PropertyValue.of(true), map.get("b").orElseThrow());
    assertEquals(new PropertyValue.Array(List.of(PropertyValue.of("a"), PropertyValue.of(1))), map.get("l").orElseThrow());
    assertEquals(PropertyMap.builder().put("k", "v").build(), map.get("o").orElseThrow());
    assertTrue(map.get("z").isEmpty(), "null reads as unset");
    assertTrue(map.keys().contains("z"), "but stays present");
  }

  @Test
  void decodesUnknownsAndSecretsAnywhere() {
    PropertyMap map = StructCodec.decode(struct("u", unknown(), "l", list("a", unknown()), "s", secret(list("t"))));
    assertEquals(PropertyValue.UNKNOWN, map.get("u").orElseThrow());
    assertTrue(map.isUnknown("l"));
    assertEquals(new PropertyValue.Secret(PropertyValue.ofTexts(List.of("t"))), map.get("s").orElseThrow());
    assertEquals(PropertyValue.ofTexts(List.of("t")), map.reveal().get("s").orElseThrow());
  }

  @Test
  void encodesBackToTheSameWireForm() {
    Struct wire = struct("u", unknown(), "s", secret("tok"), "l", list("a", struct("k", secret(1))), "n", 5, "b", false);
    assertEquals(wire, StructCodec.encode(StructCodec.decode(wire)));
  }

  @Test
  void reducesResourceReferencesToTheirIdOrUrn() {
    String sig = "5cf8f73096256a8f31e491e813e4eb8e";
    PropertyMap map = StructCodec.decode(struct(
        "custom", struct(Wire.SIG, sig, "urn", "urn:pulumi:s::p::t::a", "id", "zone-1"),
        "pending", struct(Wire.SIG, sig, "urn", "urn:pulumi:s::p::t::b", "id", ""),
        "component", struct(Wire.SIG, sig, "urn", "urn:pulumi:s::p::c::c")));
    assertEquals(PropertyValue.of("zone-1"), map.get("custom").orElseThrow());
    assertEquals(PropertyValue.UNKNOWN, map.get("pending").orElseThrow());
    assertEquals(PropertyValue.of("urn:pulumi:s::p::c::c"), map.get("component").orElseThrow());
  }

  @Test
  void unwrapsOutputValues() {
    String sig = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    PropertyMap map = StructCodec.decode(struct(
        "known", struct(Wire.SIG, sig, "value", "v"),
        "secret", struct(Wire.SIG, sig, "value", "v", "secret", true),
        "unknown", struct(Wire.SIG, sig)));
    assertEquals(PropertyValue.of("v"), map.get("known").orElseThrow());
    assertEquals(new PropertyValue.Secret(PropertyValue.of("v")), map.get("secret").orElseThrow());
    assertEquals(PropertyValue.UNKNOWN, map.get("unknown").orElseThrow());
  }

  @Test
  void rejectsAssetsNamingTheProperty() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StructCodec.decode(
        struct("files", list(struct(Wire.SIG, "c44067f5952c0a294b673a41bacd8c17", "text", "x")))));
    assertTrue(error.getMessage().startsWith("files[0]"), error.getMessage());
  }

  @Test
  void malformedSpecialValuesAreRefusedNamingThePropertyNotFailingInside() {
    String reference = "5cf8f73096256a8f31e491e813e4eb8e";
    List<Struct> malformed = List.of(
        struct("certificateArn", struct(Wire.SIG, reference)),
        struct("certificateArn", struct(Wire.SIG, reference, "urn", 7)),
        struct("certificateArn", struct(Wire.SIG, reference, "id", list("x"))),
        struct("certificateArn", struct(Wire.SIG, Wire.SECRET_SIG)),
        struct("certificateArn", struct(Wire.SIG, 42)),
        struct("certificateArn", struct(Wire.SIG, "d0e6a833031e9bbcd3f4e8bde6ca49a4", "value", "x", "secret", "yes")));
    for (Struct wire : malformed) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StructCodec.decode(wire),
          wire::toString);
      assertTrue(error.getMessage().startsWith("certificateArn: "), error.getMessage());
    }
  }

  @Test
  void aSecretNeverShowsInText() {
    assertEquals("Secret[****]", new PropertyValue.Secret(PropertyValue.of("tok")).toString());
    assertTrue(!PropertyMap.builder().put("t", new PropertyValue.Secret(PropertyValue.of("tok"))).build().toString().contains("tok"));
    assertEquals(value("x"), StructCodec.encode(PropertyValue.of("x")));
  }
}
