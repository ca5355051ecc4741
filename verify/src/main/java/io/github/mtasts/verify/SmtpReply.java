package io.github.mtasts.verify;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One SMTP reply, possibly of several lines (RFC 5321 §4.2: every line but the last has a hyphen
 * after the code, the last a space).
 */
record SmtpReply(int code, List<String> lines) {
  /** RFC 5321 §4.5.3.1.5 sets 512 octets per reply line; allow some slack, but bound it. */
  private static final int MAX_LINE = 4096;
  /** A reply with more lines than this is not an SMTP server speaking. */
  private static final int MAX_LINES = 200;

  SmtpReply {
    lines = List.copyOf(lines);
  }

  /** The text of each line, without the code and separator. */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (String line : lines) {
      texts.add(line.length() > 4 ? line.substring(4) : "");
    }
    return texts;
  }

  /** The whole reply on one line, for messages. */
  String oneLine() {
    return String.join(" / ", lines);
  }

  /**
   * Reads one reply.
   *
   * @throws IOException on end of stream, a read timeout, or a line that is not an SMTP reply
   */
  static SmtpReply read(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    int code = -1;
    while (true) {
      String line = readLine(in);
      if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)
          || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
        throw new IOException("not an SMTP reply line: '" + abbreviate(line) + "'");
      }
      int lineCode = Integer.parseInt(line.substring(0, 3));
      if (code >= 0 && lineCode != code) {
        throw new IOException("reply lines with different codes: " + code + " then " + lineCode);
      }
      code = lineCode;
      lines.add(line);
      if (line.length() == 3 || line.charAt(3) == ' ') {
        return new SmtpReply(code, lines);
      }
      if (lines.size() >= MAX_LINES) {
        throw new IOException("reply of more than " + MAX_LINES + " lines");
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(line.size() == 0
            ? "the server closed the connection"
            : "the server closed the connection in the middle of a reply line");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      if (line.size() >= MAX_LINE) {
        throw new IOException("reply line longer than " + MAX_LINE + " octets");
      }
      line.write(b);
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
