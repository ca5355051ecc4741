package io.github.mtasts.verify;

import io.github.mtasts.testlab.KnotServer;
import io.github.mtasts.testlab.Zone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;

/**
 * {@link AuthoritativeResolver} against two real Knot servers that stand for a delegation on
 * the internet: the parent zone {@code lab.test} on 127.0.0.1 (its own NS glue), which
 * delegates {@code child.lab.test} to a second server on 127.0.9.54. Both listen on the same
 * port, as name servers all listen on 53; the resolver is told that port. The bootstrap is the
 * parent's server alone, so an answer for the child zone proves the query went to the server
 * the delegation names, as a query to the real authoritative servers of a fresh zone does.
 */
class AuthoritativeResolverTest {

  private static final InetAddress PARENT_SERVER = InetAddress.getLoopbackAddress();
  private static KnotServer parent;
  private static KnotServer child;
  private static int port;

  @BeforeAll
  static void startServers() throws IOException, InterruptedException {
    InetAddress childServer = InetAddress.getByName("127.0.9.54");
    port = portFreeOnBoth(PARENT_SERVER, childServer);
    parent = KnotServer.start(PARENT_SERVER, port, Map.of("lab.test", Zone.of("lab.test")
        .add("child", "NS", "ns.child.lab.test.")
        .add("ns.child", "A", childServer.getHostAddress())
        .add("web", "A", "192.0.2.80")
        .txt("_mta-sts", "v=STSv1; id=parent")
        .text()), List.of());
    child = KnotServer.start(childServer, port, Map.of("child.lab.test", Zone.of("child.lab.test")
        .txt("_mta-sts", "v=STSv1; id=child")
        .add("mta-sts", "CNAME", "web.lab.test.")
        .text()), List.of());
  }

  @AfterAll
  static void stopServers() throws IOException, InterruptedException {
    if (child != null) {
      child.close();
    }
    if (parent != null) {
      parent.close();
    }
  }

  @Test
  void asksTheServerTheDelegationNames() throws Exception {
    assertEquals("v=STSv1; id=child", txt(session(), "_mta-sts.child.lab.test."));
  }

  @Test
  void asksTheParentZoneOwnServersForItsOwnNames() throws Exception {
    assertEquals("v=STSv1; id=parent", txt(session(), "_mta-sts.lab.test."));
  }

  @Test
  void followsACnameIntoAnotherZoneAtThatZonesServers() throws Exception {
    LookupResult result = session().lookupAsync(Name.fromString("mta-sts.child.lab.test."), Type.A, DClass.IN)
        .toCompletableFuture().get();
    assertEquals(List.of(Name.fromString("mta-sts.child.lab.test.")), result.getAliases());
    ARecord a = assertInstanceOf(ARecord.class, result.getRecords().get(0));
    assertEquals("192.0.2.80", a.getAddress().getHostAddress());
  }

  @Test
  void failsWithAReasonWhenNoNameServerIsFound() {
    ExecutionException error = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> session().lookupAsync(Name.fromString("www.unknown-tld-xyz."), Type.A, DClass.IN).toCompletableFuture().get());
    assertTrue(String.valueOf(error.getCause()).contains("no name servers found"), String.valueOf(error.getCause()));
  }

  private static LookupSession session() {
    SimpleResolver bootstrap = new SimpleResolver(parent.address());
    AuthoritativeResolver resolver = new AuthoritativeResolver(bootstrap, port);
    resolver.setTimeout(Duration.ofSeconds(2));
    return LookupSession.builder().resolver(resolver).clearSearchPath().build();
  }

  private static String txt(LookupSession session, String name) throws Exception {
    LookupResult result = session.lookupAsync(Name.fromString(name), Type.TXT, DClass.IN).toCompletableFuture().get();
    TXTRecord txt = assertInstanceOf(TXTRecord.class, result.getRecords().get(0));
    return String.join("", txt.getStrings());
  }

  /** A port free for UDP and TCP on both addresses. */
  private static int portFreeOnBoth(InetAddress first, InetAddress second) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = KnotServer.freePort(first);
      try (ServerSocket tcp = new ServerSocket(candidate, 1, second); DatagramSocket udp = new DatagramSocket(candidate, second)) {
        return candidate;
      } catch (IOException e) {
        // Taken on the second address; try another.
      }
    }
    throw new IOException("no port free on both " + first + " and " + second);
  }
}
