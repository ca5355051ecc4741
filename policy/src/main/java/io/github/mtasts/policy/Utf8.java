package io.github.mtasts.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Strict UTF-8 decoding that reports malformed input as a {@link Problem}. */
final class Utf8 {
  private Utf8() {}

  /** Decoded text and the problems found; malformed bytes become U+FFFD. */
  record Decoded(String text, List<Problem> problems) {}

  static Decoded decode(byte[] bytes) {
    return strict(bytes)
        .map(text -> new Decoded(text, List.of()))
        .orElseGet(() -> new Decoded(new String(bytes, StandardCharsets.UTF_8), List.of(
            Problem.error(
                "body",
                0,
                "",
                "the policy body is not valid UTF-8: RFC 8461 §3.2 policies are UTF-8 text; save "
                    + "the file as UTF-8."))));
  }

  /** The text of well-formed UTF-8 octets, or empty when they are malformed. */
  static Optional<String> strict(byte[] bytes) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return Optional.of(strict.decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
