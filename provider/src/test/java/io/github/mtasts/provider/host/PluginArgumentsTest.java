package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command lines the engine starts plugins with. */
class PluginArgumentsTest {

  @Test
  void theEngineAddressFollowsTheFlags() {
    assertEquals(Optional.of("127.0.0.1:4242"),
        PluginArguments.parse("--logtostderr", "-v=9", "--tracing", "127.0.0.1:9411", "127.0.0.1:4242").engineAddress());
    assertEquals(Optional.of("127.0.0.1:4242"), PluginArguments.parse("127.0.0.1:4242").engineAddress());
  }

  @Test
  void theLauncherAsksForATrainingRun() {
    assertEquals(new PluginArguments(Optional.empty(), true), PluginArguments.parse(PluginArguments.TRAINING_FLAG));
    assertEquals(false, PluginArguments.parse("127.0.0.1:1").training());
  }

  @Test
  void noAddressWhenStartedByHand() {
    assertEquals(Optional.empty(), PluginArguments.parse("--logflow").engineAddress());
    assertEquals(Optional.empty(), PluginArguments.parse().engineAddress());
  }
}
