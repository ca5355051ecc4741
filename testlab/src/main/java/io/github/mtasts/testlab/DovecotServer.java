package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.tls.HeldCertificate;

/**
 * A real IMAP server for tests: Debian's dovecot ({@code dovecot-imapd}) on 127.0.0.1 and a free
 * port, IMAP over implicit TLS only, with a throwaway certificate issued by a throwaway CA, one
 * user from a passwd-file, and everything (configuration, runtime files, the user's Maildir) in a
 * temporary folder that {@link #close()} removes.
 *
 * <p>Messages are delivered by writing Maildir files directly, which is how a local delivery
 * agent does it, and fast enough for mailboxes of many thousands of messages. When the tests run
 * as root, the mail processes run as the {@code dovecot} user (dovecot refuses root for them) and
 * {@link #deliver} hands the files to it; otherwise everything runs as the current user.
 */
public final class DovecotServer implements AutoCloseable {
  /** The user's name. */
  public static final String USER = "tlsrpt";
  /** The user's password. */
  public static final String PASSWORD = "throwaway-password";

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Process process;
  private final Path directory;
  private final Path maildir;
  private final Path caFile;
  private final int port;
  private final String owner;

  private DovecotServer(Process process, Path directory, Path caFile, int port, String owner) {
    this.process = process;
    this.directory = directory;
    this.maildir = directory.resolve("home").resolve(USER).resolve("Maildir");
    this.caFile = caFile;
    this.port = port;
    this.owner = owner;
  }

  /**
   * Starts dovecot and waits until it accepts connections.
   *
   * @return the running server
   * @throws IOException when dovecot is missing or does not start
   * @throws InterruptedException when interrupted while waiting
   */
  public static DovecotServer start() throws IOException, InterruptedException {
    Path dovecot = Path.of("/usr/sbin/dovecot");
    if (!Files.isExecutable(dovecot)) {
      throw new IllegalStateException("/usr/sbin/dovecot not found: install the Debian package "
          + "dovecot-imapd (scripts/test-prereqs.sh dovecot does)");
    }
    Path dir = Files.createTempDirectory("dovecot-test");
    // The login and auth processes run as other users and must reach their files.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    boolean root = "root".equals(System.getProperty("user.name"));
    String user = root ? "dovecot" : System.getProperty("user.name");
    String uid = command("id", "-u", user);
    String gid = command("id", "-g", user);
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0)
        .commonName("mtasts imap test root").build();
    HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).commonName("localhost")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
        .validityInterval(System.currentTimeMillis() - 86_400_000L,
            System.currentTimeMillis() + 86_400_000L)
        .build();
    Path caFile = dir.resolve("ca.pem");
    Files.writeString(caFile, ca.certificatePem());
    Files.writeString(dir.resolve("cert.pem"), server.certificatePem() + ca.certificatePem());
    Files.writeString(dir.resolve("key.pem"), server.privateKeyPkcs8Pem());
    Files.writeString(dir.resolve("passwd"), USER + ":{PLAIN}" + PASSWORD + "\n");
    Path maildir = dir.resolve("home").resolve(USER).resolve("Maildir");
    for (String sub : List.of("cur", "new", "tmp")) {
      Files.createDirectories(maildir.resolve(sub));
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    String login = root ? "dovenull" : user;
    String internal = root ? "root" : user;
    String conf = String.join("\n",
        "base_dir = " + dir.resolve("run"),
        "state_dir = " + dir.resolve("state"),
        "log_path = " + dir.resolve("dovecot.log"),
        "protocols = imap",
        "listen = 127.0.0.1",
        "ssl = required",
        "ssl_cert = <" + dir.resolve("cert.pem"),
        "ssl_key = <" + dir.resolve("key.pem"),
        "default_internal_user = " + internal,
        "default_internal_group = " + internal,
        "default_login_user = " + login,
        "first_valid_uid = 1",
        "mail_location = maildir:" + dir.resolve("home") + "/%u/Maildir",
        "auth_mechanisms = plain",
        "passdb {",
        "  driver = passwd-file",
        "  args = scheme=PLAIN username_format=%u " + dir.resolve("passwd"),
        "}",
        "userdb {",
        "  driver = static",
        "  args = uid=" + uid + " gid=" + gid + " home=" + dir.resolve("home") + "/%u",
        "}",
        "service imap-login {",
        "  chroot =",
        "  inet_listener imap {",
        "    port = 0",
        "  }",
        "  inet_listener imaps {",
        "    address = 127.0.0.1",
        "    port = " + port,
        "    ssl = yes",
        "  }",
        "}",
        "service anvil {",
        "  chroot =",
        "}",
        "");
    Path confFile = dir.resolve("dovecot.conf");
    Files.writeString(confFile, conf, StandardCharsets.US_ASCII);
    Process process = new ProcessBuilder(dovecot.toString(), "-F", "-c", confFile.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("dovecot.out").toFile()).start();
    DovecotServer started = new DovecotServer(process, dir, caFile, port, uid + ":" + gid);
    try {
      started.handOver();
      started.awaitListening(Duration.ofSeconds(30));
    } catch (IOException | RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  /** The port of IMAP over TLS on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The PEM file of the CA that issued the server's certificate (for "localhost"). */
  public Path caFile() {
    return caFile;
  }

  /** The address of a mailbox of the user, as {@code mtasts reports --imap} takes it. */
  public String url(String mailbox) {
    return "imaps://" + USER + "@localhost:" + port + "/" + mailbox;
  }

  /** The user's Maildir: the INBOX, with sub-folders as {@code .NAME} beside it. */
  public Path maildir() {
    return maildir;
  }

  /**
   * Delivers messages to the INBOX, as a local delivery agent does: each written to {@code tmp},
   * then moved to {@code new}.
   *
   * @param messages the messages in RFC 5322 form
   * @throws IOException when they cannot be written
   * @throws InterruptedException when interrupted while handing them to the mail user
   */
  public void deliver(List<byte[]> messages) throws IOException, InterruptedException {
    for (byte[] message : messages) {
      String name = System.currentTimeMillis() / 1000 + ".M" + SEQUENCE.incrementAndGet()
          + "P" + ProcessHandle.current().pid() + ".mtasts-test";
      Path tmp = maildir.resolve("tmp").resolve(name);
      Files.write(tmp, message);
      Files.move(tmp, maildir.resolve("new").resolve(name));
    }
    handOver();
  }

  /** The names of the messages now in a Maildir folder ({@code ""} for the INBOX). */
  public List<Path> messagesIn(String folder) throws IOException {
    Path base = folder.isEmpty() ? maildir : maildir.resolve("." + folder);
    if (!Files.isDirectory(base)) {
      return List.of();
    }
    try (Stream<Path> cur = Files.list(base.resolve("cur"));
        Stream<Path> fresh = Files.list(base.resolve("new"))) {
      return Stream.concat(cur, fresh).sorted().toList();
    }
  }

  /** Gives the mail files to the user the mail processes run as. */
  private void handOver() throws IOException, InterruptedException {
    command("chown", "-R", owner, directory.resolve("home").toString());
  }

  private void awaitListening(Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("dovecot exited with " + process.exitValue() + ": " + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(50); // not listening yet
      }
    }
    throw new IOException("dovecot did not listen within " + patience + ": " + log());
  }

  /** The server's log, for failure messages. */
  public String log() {
    StringBuilder out = new StringBuilder();
    for (String name : List.of("dovecot.out", "dovecot.log")) {
      try {
        out.append(Files.readString(directory.resolve(name)));
      } catch (IOException e) {
        out.append("(no ").append(name).append(")");
      }
    }
    return out.toString();
  }

  private static String command(String... command) throws IOException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
