package io.github.mtasts.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The servers' command line: one address per server in a loopback block, every problem named. */
class SandboxPlanTest {

  @Test
  void eachServerGetsItsOwnAddressOfTheLoopbackBlock() {
    SandboxPlan plan = SandboxPlan.parse(
        "--dir", "/tmp/box", "--domain", "example.test", "--network", "127.0.50");
    assertEquals(Path.of("/tmp/box"), plan.dir());
    assertEquals("example.test", plan.domain());
    assertEquals("127.0.50.1", plan.edge().getHostAddress());
    assertEquals("127.0.50.25", plan.mx().getHostAddress());
    assertEquals("127.0.50.53", plan.dns().getHostAddress());
    assertEquals("127.0.50.80", plan.aws().getHostAddress());
    assertEquals(plan.edge(), plan.labAddresses().edge());
    assertEquals(plan.dns(), plan.labAddresses().dns());
    assertEquals(plan.mx(), plan.labAddresses().mx());
  }

  @Test
  void aRelativeFolderIsMadeAbsolute() {
    SandboxPlan plan = SandboxPlan.parse(
        "--dir", "box", "--domain", "example.test", "--network", "127.255.0");
    assertTrue(plan.dir().isAbsolute(), plan.dir().toString());
    assertEquals("127.255.0.80", plan.aws().getHostAddress());
  }

  @Test
  void aBlockOutsideLoopbackIsRefusedWithTheFix() {
    String message = assertThrows(IllegalArgumentException.class, () -> SandboxPlan.parse(
        "--dir", "/tmp/box", "--domain", "example.test", "--network", "192.168.1")).getMessage();
    assertTrue(message.contains("--network '192.168.1' is not a loopback block"), message);
    assertTrue(message.contains("such as 127.0.50"), message);
  }

  @Test
  void anOctetAbove255IsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SandboxPlan.parse(
        "--dir", "/tmp/box", "--domain", "example.test", "--network", "127.0.256"));
  }

  @Test
  void everyMissingUnknownOrEmptyOptionIsNamedAtOnce() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> SandboxPlan.parse("--domain", " ", "--port", "1", "--dir")).getMessage();
    assertTrue(message.contains("unknown argument '--port'"), message);
    assertTrue(message.contains("--dir needs a value"), message);
    assertTrue(message.contains("--network is required"), message);
    assertTrue(message.contains("--domain is empty"), message);
  }
}
