package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImapAddressTest {
  @Test
  void addressesAreParsedAndPasswordsInThemRefused() {
    ImapMailbox box = ImapMailbox.parse("imaps://tls%40example.com@mail.example.com/Reports/TLS");
    assertEquals("tls@example.com", box.user());
    assertEquals(993, box.port());
    assertEquals("Reports/TLS", box.mailbox());
    assertEquals("INBOX", ImapMailbox.parse("imaps://u@h:1993").mailbox());
    assertThrows(IllegalArgumentException.class, () -> ImapMailbox.parse("imap://u@h/INBOX"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ImapMailbox.parse("imaps://u:secret@h/INBOX")).getMessage().contains("password"));
    assertThrows(IllegalArgumentException.class, () -> ImapMailbox.parse("imaps://h/INBOX"));
  }
}
