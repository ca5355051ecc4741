package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading SMTP replies (RFC 5321 §4.2), including multi-line greetings as real servers send. */
class SmtpReplyTest {
  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void multiLineGreetingIsOneReply() throws IOException {
    InputStream in = stream("220-mx.example.com ESMTP\r\n220-no UCE\r\n220 ready\r\n250 next\r\n");
    SmtpReply greeting = SmtpReply.read(in);
    assertEquals(220, greeting.code());
    assertEquals(List.of("mx.example.com ESMTP", "no UCE", "ready"), greeting.texts());
    assertEquals(250, SmtpReply.read(in).code());
  }

  @Test
  void ehloKeywordsAndBareLineFeeds() throws IOException {
    SmtpReply ehlo = SmtpReply.read(stream("250-mx.example.com\n250-PIPELINING\n250-STARTTLS\n250 8BITMIME\n"));
    assertEquals(List.of("mx.example.com", "PIPELINING", "STARTTLS", "8BITMIME"), ehlo.texts());
  }

  @Test
  void codeOnlyLineEndsTheReply() throws IOException {
    assertEquals(221, SmtpReply.read(stream("221\r\n")).code());
  }

  @Test
  void garbageMixedCodesTruncationAndEndlessLinesAreErrors() {
    assertThrows(IOException.class, () -> SmtpReply.read(stream("HTTP/1.1 400 Bad Request\r\n")));
    assertThrows(IOException.class, () -> SmtpReply.read(stream("250-a\r\n251 b\r\n")));
    assertThrows(EOFException.class, () -> SmtpReply.read(stream("220-a\r\n")));
    IOException longLine = assertThrows(IOException.class, () -> SmtpReply.read(stream("220 " + "x".repeat(5000))));
    assertTrue(longLine.getMessage().contains("longer than"), longLine.getMessage());
  }
}
