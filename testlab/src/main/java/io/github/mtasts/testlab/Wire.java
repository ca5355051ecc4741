package io.github.mtasts.testlab;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

/**
 * Builds protobuf values exactly as the engine sends them, with the engine's literal sentinel
 * strings (deliberately not the provider's constants, so a wrong constant fails a test).
 */
public final class Wire {

  public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  public static final String SIG = "4dabf18193072939515e22adb298388d";
  public static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

  private Wire() {}

  /** An object from alternating keys and values (String, Number, Boolean, Value). */
  public static Struct struct(Object... keysAndValues) {
    Struct.Builder struct = Struct.newBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      struct.putFields((String) keysAndValues[i], value(keysAndValues[i + 1]));
    }
    return struct.build();
  }

  public static Value value(Object value) {
    if (value instanceof Value v) {
      return v;
    }
    if (value instanceof String s) {
      return Value.newBuilder().setStringValue(s).build();
    }
    if (value instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    if (value instanceof Boolean b) {
      return Value.newBuilder().setBoolValue(b).build();
    }
    if (value instanceof Struct s) {
      return Value.newBuilder().setStructValue(s).build();
    }
    throw new IllegalArgumentException("no wire form for " + value);
  }

  public static Value list(Object... elements) {
    ListValue.Builder list = ListValue.newBuilder();
    for (Object element : elements) {
      list.addValues(value(element));
    }
    return Value.newBuilder().setListValue(list).build();
  }

  public static Value unknown() {
    return value(UNKNOWN);
  }

  public static Value secret(Object inner) {
    return value(struct(SIG, SECRET_SIG, "value", value(inner)));
  }

  public static boolean isSecret(Value value) {
    return value.hasStructValue()
        && SECRET_SIG.equals(value.getStructValue().getFieldsOrDefault(SIG, Value.getDefaultInstance()).getStringValue());
  }

  public static Value unwrapSecret(Value value) {
    return value.getStructValue().getFieldsOrThrow("value");
  }
}
