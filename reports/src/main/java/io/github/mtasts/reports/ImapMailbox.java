package io.github.mtasts.reports;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * An IMAP mailbox over TLS ({@code imaps://user@host[:port]/MAILBOX}, RFC 9051 over implicit TLS,
 * RFC 8314) that reports are delivered to.
 *
 * <p>The mailbox is opened read-only (EXAMINE): reading changes nothing, not even the {@code
 * \Seen} flags. Messages are read by UID in batches of 200. A message of at most 256 KiB (a
 * report e-mail is a few kilobytes) is fetched whole with the others of its batch, in one
 * command: a round trip per batch rather than per message, which is what makes a distant server
 * slow. Of a larger message only the structure is fetched, then only its report attachments,
 * each after its declared size is checked against {@link Limits}. The folder is opened anew after
 * every 32 MiB of messages, which frees what the client keeps of them, so that memory does not
 * grow with the mailbox. With a folder to move to, the mailbox is opened read-write and each
 * message whose attachments were all read as reports is moved there (MOVE, RFC 6851, where the
 * server has it); other messages stay.
 *
 * @param user the login name
 * @param host the server
 * @param port the port, 993 unless the address names one
 * @param mailbox the mailbox, {@code INBOX} unless the address names one
 */
public record ImapMailbox(String user, String host, int port, String mailbox) {
  private static final int IMAPS_PORT = 993;
  private static final int BATCH = 200;
  private static final int PREFETCH_MAX_BYTES = 256 * 1024;
  private static final long REOPEN_BYTES = 32L << 20;

  /** Checks the components. */
  public ImapMailbox {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(mailbox, "mailbox");
  }

  /**
   * Reads an address such as {@code imaps://tlsrpt@mail.example.com/INBOX}; a user name with
   * {@code @} is written {@code %40}.
   *
   * @param address the address
   * @return the mailbox
   * @throws IllegalArgumentException naming what is wrong with the address
   */
  public static ImapMailbox parse(String address) {
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + address + "' is not an address: " + e.getMessage());
    }
    if (!"imaps".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("'" + address + "' is not an imaps:// address: reports "
          + "are read over TLS only, as imaps://user@host/INBOX");
    }
    if (uri.getHost() == null || uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
      throw new IllegalArgumentException("'" + address + "' names no user or host: write it as "
          + "imaps://user@host/INBOX");
    }
    if (uri.getUserInfo().contains(":")) {
      throw new IllegalArgumentException("'" + address + "' contains a password: give it through "
          + "the environment or a file instead, so that it shows in no process list");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new ImapMailbox(uri.getUserInfo(), uri.getHost(),
        uri.getPort() < 0 ? IMAPS_PORT : uri.getPort(), path.isEmpty() ? "INBOX" : path);
  }

  /** The address without password, as sources are named. */
  @Override
  public String toString() {
    return "imaps://" + user.replace("@", "%40") + "@" + host + ":" + port + "/" + mailbox;
  }

  /**
   * Reads every message of the mailbox.
   *
   * @param password the password
   * @param sockets the TLS sockets, which carry the trust anchors; the server's name is checked
   *     against its certificate
   * @param moveTo a folder to move the messages read as reports to, created when missing; empty
   *     to change nothing
   * @param limits bounds on every attachment
   * @param sink receives each outcome, in message order
   * @return how many messages were moved
   * @throws MessagingException when the server cannot be reached, refuses the login, or lacks the
   *     mailbox
   * @throws IOException when a message cannot be read
   */
  public int read(char[] password, SSLSocketFactory sockets, Optional<String> moveTo,
      Limits limits, Consumer<Outcome> sink) throws MessagingException, IOException {
    Properties props = new Properties();
    props.put("mail.imaps.ssl.socketFactory", sockets);
    props.put("mail.imaps.ssl.checkserveridentity", "true");
    props.put("mail.imaps.connectiontimeout", "30000");
    props.put("mail.imaps.timeout", "120000");
    props.put("mail.imaps.peek", "true");
    props.put("mail.imaps.fetchsize", Integer.toString(1 << 20));
    Session session = Session.getInstance(props);
    Store store = session.getStore("imaps");
    store.connect(host, port, user, new String(password));
    try {
      Folder folder = store.getFolder(mailbox);
      int mode = moveTo.isPresent() ? Folder.READ_WRITE : Folder.READ_ONLY;
      long[] uids = uids(folder);
      Folder target = null;
      if (moveTo.isPresent()) {
        target = store.getFolder(moveTo.get());
        if (!target.exists()) {
          target.create(Folder.HOLDS_MESSAGES);
        }
      }
      int moved = 0;
      // The client keeps every message it has fetched until its folder closes, and opening a
      // folder costs the server a look at the whole mailbox: the folder is opened anew once
      // the messages fetched since it was opened add up to REOPEN_BYTES.
      int from = 0;
      while (from < uids.length) {
        folder.open(mode);
        try {
          long fetched = 0;
          while (from < uids.length && fetched < REOPEN_BYTES) {
            long[] batch = Arrays.copyOfRange(uids, from, Math.min(uids.length, from + BATCH));
            from += batch.length;
            Batch read = readBatch((UIDFolder) folder, batch, target, limits, sink);
            moved += read.moved();
            fetched += read.bytes();
          }
        } finally {
          folder.close(false);
        }
      }
      return moved;
    } finally {
      store.close();
    }
  }

  /** The UIDs of the messages now in the mailbox, in order. */
  private static long[] uids(Folder folder) throws MessagingException {
    folder.open(Folder.READ_ONLY);
    try {
      Message[] messages = folder.getMessages();
      FetchProfile profile = new FetchProfile();
      profile.add(UIDFolder.FetchProfileItem.UID);
      folder.fetch(messages, profile);
      long[] uids = new long[messages.length];
      for (int i = 0; i < messages.length; i++) {
        uids[i] = ((UIDFolder) folder).getUID(messages[i]);
      }
      return uids;
    } finally {
      folder.close(false);
    }
  }

  /** What reading a batch did: messages moved, and bytes of the messages in it. */
  private record Batch(int moved, long bytes) {}

  private Batch readBatch(UIDFolder folder, long[] uids, Folder target, Limits limits,
      Consumer<Outcome> sink) throws MessagingException, IOException {
    Message[] messages = Arrays.stream(folder.getMessagesByUID(uids)).filter(Objects::nonNull)
        .toArray(Message[]::new);
    FetchProfile structure = new FetchProfile();
    structure.add(UIDFolder.FetchProfileItem.UID);
    structure.add(IMAPFolder.FetchProfileItem.SIZE);
    ((Folder) folder).fetch(messages, structure);
    // Small messages come whole in one command. (Looking into a message's structure first
    // would tie it to fetching its parts one by one.)
    List<Message> small = new ArrayList<>();
    long bytes = 0;
    for (Message message : messages) {
      int size = message.getSize();
      bytes += Math.max(size, 0);
      if (size >= 0 && size <= PREFETCH_MAX_BYTES) {
        small.add(message);
      }
    }
    if (!small.isEmpty()) {
      FetchProfile whole = new FetchProfile();
      whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
      ((Folder) folder).fetch(small.toArray(Message[]::new), whole);
    }
    List<Message> done = new ArrayList<>();
    for (Message message : messages) {
      String source = this + " UID " + folder.getUID(message);
      List<Outcome> outcomes = MailReports.fromPart(message, source, limits);
      outcomes.forEach(sink);
      if (outcomes.stream().allMatch(o -> o instanceof Outcome.Read)) {
        done.add(message);
      }
    }
    if (target == null || done.isEmpty()) {
      return new Batch(0, bytes);
    }
    ((IMAPFolder) folder).moveMessages(done.toArray(Message[]::new), target);
    return new Batch(done.size(), bytes);
  }
}
