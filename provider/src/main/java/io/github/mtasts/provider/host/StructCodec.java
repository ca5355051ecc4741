package io.github.mtasts.provider.host;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.github.mtasts.policy.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps between the protobuf wire form of Pulumi values ({@link Struct}, {@link Value}) and
 * {@link PropertyValue}: the one place that knows the engine's special encodings.
 *
 * <p>The engine marks special values in two ways. An unknown value is the string
 * {@value #UNKNOWN}. Secrets, resource references, output values, assets and archives are
 * objects whose key {@value #SIGNATURE_KEY} holds a signature naming the kind. Resource
 * references and output values are reduced here to what a provider may rely on: a reference is
 * its id (or its URN for a component; an empty id means unknown), an output value is its value
 * (unknown when absent, secret when marked so). No mtasts resource takes assets or archives,
 * so those are rejected with an error naming the property.
 */
public final class StructCodec {

  /** The string that stands for an unknown value. */
  public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

  /** The key whose value names the kind of a special object. */
  public static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

  /** The signature of a secret: {@code {SIGNATURE_KEY: SECRET, "value": ...}}. */
  public static final String SECRET = "1b47061264138c4ac30d75fd1eb44270";

  static final String RESOURCE_REFERENCE = "5cf8f73096256a8f31e491e813e4eb8e";
  static final String OUTPUT_VALUE = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
  static final String ASSET = "c44067f5952c0a294b673a41bacd8c17";
  static final String ARCHIVE = "0def7320c3a5731c473e5ecbe6d01bc7";

  private StructCodec() {}

  /**
   * Decodes an object from the wire.
   *
   * @param struct the protobuf object
   * @return the object
   * @throws IllegalArgumentException when a property holds a value mtasts does not accept
   */
  public static PropertyMap decode(Struct struct) {
    PropertyMap.Builder builder = PropertyMap.builder();
    for (Map.Entry<String, Value> field : struct.getFieldsMap().entrySet()) {
      builder.put(field.getKey(), decode(field.getKey(), field.getValue()));
    }
    return builder.build();
  }

  private static PropertyValue decode(String path, Value value) {
    switch (value.getKindCase()) {
      case NULL_VALUE:
      case KIND_NOT_SET:
        return PropertyValue.NULL;
      case BOOL_VALUE:
        return PropertyValue.of(value.getBoolValue());
      case NUMBER_VALUE:
        return PropertyValue.of(value.getNumberValue());
      case STRING_VALUE:
        return UNKNOWN.equals(value.getStringValue()) ? PropertyValue.UNKNOWN : PropertyValue.of(value.getStringValue());
      case LIST_VALUE:
        List<PropertyValue> elements = new ArrayList<>();
        List<Value> values = value.getListValue().getValuesList();
        for (int i = 0; i < values.size(); i++) {
          elements.add(decode(path + "[" + i + "]", values.get(i)));
        }
        return new PropertyValue.Array(elements);
      case STRUCT_VALUE:
        return decodeObject(path, value.getStructValue());
      default:
        throw new IllegalArgumentException(path + ": unsupported protobuf value kind " + value.getKindCase());
    }
  }

  private static PropertyValue decodeObject(String path, Struct struct) {
    Map<String, Value> fields = struct.getFieldsMap();
    Value signature = fields.get(SIGNATURE_KEY);
    if (signature == null) {
      PropertyMap.Builder builder = PropertyMap.builder();
      fields.forEach((key, field) -> builder.put(key, decode(path + "." + key, field)));
      return builder.build();
    }
    if (signature.getKindCase() != Value.KindCase.STRING_VALUE) {
      throw new IllegalArgumentException(path + ": a special value whose signature is " + kind(signature)
          + ", not a string: send a value the Pulumi engine encodes");
    }
    Value inner = fields.get("value");
    switch (signature.getStringValue()) {
      case SECRET:
        if (inner == null) {
          throw new IllegalArgumentException(path + ": a secret without a value: give the value to keep secret");
        }
        return new PropertyValue.Secret(decode(path, inner));
      case RESOURCE_REFERENCE:
        return decodeReference(path, fields);
      case OUTPUT_VALUE:
        PropertyValue known = inner == null ? PropertyValue.UNKNOWN : decode(path, inner);
        Value secret = fields.get("secret");
        if (secret != null && secret.getKindCase() != Value.KindCase.BOOL_VALUE) {
          throw new IllegalArgumentException(path + ": an output value whose secret flag is " + kind(secret)
              + ", not true or false");
        }
        return secret != null && secret.getBoolValue() ? new PropertyValue.Secret(known) : known;
      case ASSET:
      case ARCHIVE:
        throw new IllegalArgumentException(path + ": assets and archives are not accepted by mtasts resources");
      default:
        throw new IllegalArgumentException(path + ": unknown special value signature "
            + Excerpt.quote(signature.getStringValue()));
    }
  }

  /**
   * A resource reference: its id, or its URN when it has no id (a component). The engine always
   * sends one of the two as a string; a reference without them names nothing a resource can use.
   */
  private static PropertyValue decodeReference(String path, Map<String, Value> fields) {
    Value id = fields.get("id");
    Value urn = fields.get("urn");
    if (id != null) {
      if (id.getKindCase() != Value.KindCase.STRING_VALUE) {
        throw new IllegalArgumentException(path + ": a resource reference whose id is " + kind(id)
            + ", not a string: pass the resource or its id");
      }
      String text = id.getStringValue();
      return text.isEmpty() || UNKNOWN.equals(text) ? PropertyValue.UNKNOWN : PropertyValue.of(text);
    }
    if (urn == null || urn.getKindCase() != Value.KindCase.STRING_VALUE) {
      throw new IllegalArgumentException(path + ": a resource reference with "
          + (urn == null ? "neither id nor URN" : "a URN that is " + kind(urn) + ", not a string")
          + ": pass the resource or its id");
    }
    return PropertyValue.of(urn.getStringValue());
  }

  /** The kind of a wire value, for messages: what was sent instead. */
  private static String kind(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> "null";
      case BOOL_VALUE -> "a boolean";
      case NUMBER_VALUE -> "a number";
      case STRING_VALUE -> "a string";
      case LIST_VALUE -> "a list";
      case STRUCT_VALUE -> "an object";
    };
  }

  /**
   * Encodes an object for the wire.
   *
   * @param map the object
   * @return the protobuf object
   */
  public static Struct encode(PropertyMap map) {
    Struct.Builder struct = Struct.newBuilder();
    map.asMap().forEach((key, value) -> struct.putFields(key, encode(value)));
    return struct.build();
  }

  /**
   * Encodes one value for the wire.
   *
   * @param value the value
   * @return the protobuf value
   */
  public static Value encode(PropertyValue value) {
    if (value instanceof PropertyValue.Text text) {
      return Value.newBuilder().setStringValue(text.value()).build();
    }
    if (value instanceof PropertyValue.Number number) {
      return Value.newBuilder().setNumberValue(number.value()).build();
    }
    if (value instanceof PropertyValue.Bool bool) {
      return Value.newBuilder().setBoolValue(bool.value()).build();
    }
    if (value instanceof PropertyValue.Array array) {
      ListValue.Builder list = ListValue.newBuilder();
      array.elements().forEach(element -> list.addValues(encode(element)));
      return Value.newBuilder().setListValue(list).build();
    }
    if (value instanceof PropertyMap map) {
      return Value.newBuilder().setStructValue(encode(map)).build();
    }
    if (value instanceof PropertyValue.Unknown) {
      return Value.newBuilder().setStringValue(UNKNOWN).build();
    }
    if (value instanceof PropertyValue.Secret secret) {
      Struct wrapped =
          Struct.newBuilder()
              .putFields(SIGNATURE_KEY, Value.newBuilder().setStringValue(SECRET).build())
              .putFields("value", encode(secret.value()))
              .build();
      return Value.newBuilder().setStructValue(wrapped).build();
    }
    return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
  }
}
