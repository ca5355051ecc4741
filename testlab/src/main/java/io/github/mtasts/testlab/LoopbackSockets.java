package io.github.mtasts.testlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sockets of every process of this machine that listen on an address of one loopback block,
 * as the Linux kernel lists them in {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and
 * {@code udp6}: TCP sockets in the LISTEN state and bound UDP sockets, on IPv4 addresses and on
 * IPv4-mapped IPv6 ones (the JDK binds an IPv4 address through an IPv6 socket). What a test looks
 * at to say that nothing it started is left listening, whichever process it was.
 */
public final class LoopbackSockets {
  /** {@code st} of a TCP socket in the LISTEN state (include/net/tcp_states.h: TCP_LISTEN = 10). */
  private static final String TCP_LISTEN = "0A";
  /** The first 96 bits of an IPv4-mapped IPv6 address (RFC 4291 §2.5.5.2), as /proc prints them. */
  private static final String MAPPED_PREFIX = "0000000000000000FFFF0000";

  private LoopbackSockets() {}

  /**
   * Lists the sockets listening on addresses that start with {@code prefix}.
   *
   * @param prefix the start of the addresses, such as {@code 127.0.51.}
   * @return one {@code PROTOCOL ADDRESS:PORT} per socket, such as {@code tcp 127.0.51.1:4431}
   * @throws IOException when /proc/net cannot be read
   */
  public static List<String> listening(String prefix) throws IOException {
    List<String> sockets = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
      Path file = Path.of("/proc/net", table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        String[] fields = line.trim().split("\\s+");
        boolean tcp = table.startsWith("tcp");
        if (fields.length < 4 || (tcp && !fields[3].equals(TCP_LISTEN))) {
          continue;
        }
        String[] local = fields[1].split(":");
        String address = ipv4(local[0]);
        if (address != null && address.startsWith(prefix)) {
          sockets.add((tcp ? "tcp " : "udp ") + address + ":" + Integer.parseInt(local[1], 16));
        }
      }
    }
    return sockets;
  }

  /**
   * The IPv4 address of a /proc/net address: 8 hex digits of one 32-bit word in the host's
   * (little-endian) order, or 32 digits of four such words for IPv6.
   */
  private static String ipv4(String hex) {
    String word;
    if (hex.length() == 8) {
      word = hex;
    } else if (hex.length() == 32 && hex.startsWith(MAPPED_PREFIX)) {
      word = hex.substring(24);
    } else {
      return null;
    }
    long value = Long.parseLong(word, 16);
    return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "."
        + (value >> 24 & 0xff);
  }
}
