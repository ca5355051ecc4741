package io.github.mtasts.testlab;

/** Builds the text of a zone file for {@link KnotServer}: SOA and NS first, then records. */
public final class Zone {
  private final String origin;
  private final StringBuilder text = new StringBuilder();

  private Zone(String origin) {
    this.origin = origin;
    text.append("$ORIGIN ").append(origin).append(".\n")
        .append("$TTL 60\n")
        .append("@ SOA ns.").append(origin).append(". hostmaster.").append(origin)
        .append(". 1 3600 600 86400 60\n")
        .append("@ NS ns.").append(origin).append(".\n")
        .append("ns A 127.0.0.1\n");
  }

  public static Zone of(String origin) {
    return new Zone(origin);
  }

  public String origin() {
    return origin;
  }

  /** Adds a record; {@code owner} is relative to the origin ("@" for the origin itself). */
  public Zone add(String owner, String type, String data) {
    text.append(owner).append(' ').append(type).append(' ').append(data).append('\n');
    return this;
  }

  /** Adds a TXT record of one or more strings, each quoted. */
  public Zone txt(String owner, String... strings) {
    StringBuilder data = new StringBuilder();
    for (String s : strings) {
      data.append(data.length() == 0 ? "" : " ").append('"').append(s.replace("\"", "\\\"")).append('"');
    }
    return add(owner, "TXT", data.toString());
  }

  public String text() {
    return text.toString();
  }
}
