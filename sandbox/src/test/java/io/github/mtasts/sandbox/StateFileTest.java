package io.github.mtasts.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file the script reads with sed: KEY=VALUE lines, complete once it exists. */
class StateFileTest {
  @TempDir Path dir;

  @Test
  void theEntriesAreWrittenInTheirOrderAfterAComment() throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("resolver", "127.0.50.53:5300");
    entries.put("AWS_ACCESS_KEY_ID", "moto-test");
    entries.put("caFile", "/tmp/a b/ca.pem");
    Path file = dir.resolve("servers.env");
    StateFile.write(file, entries);
    assertEquals(List.of("# The sandbox's servers; read by scripts/sandbox.sh.",
        "resolver=127.0.50.53:5300", "AWS_ACCESS_KEY_ID=moto-test", "caFile=/tmp/a b/ca.pem"),
        Files.readAllLines(file));
    assertFalse(Files.exists(dir.resolve("servers.env.partial")), "no partial file is left");
  }

  @Test
  void aValueOfTwoLinesIsRefusedAndNoFileAppears() {
    Path file = dir.resolve("servers.env");
    assertThrows(IllegalArgumentException.class,
        () -> StateFile.write(file, Map.of("caFile", "/tmp/x\nAWS_PROFILE=real")));
    assertFalse(Files.exists(file));
  }

  @Test
  void aKeyThatIsNoShellNameIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> StateFile.write(dir.resolve("servers.env"), Map.of("aws endpoint", "x")));
  }
}
