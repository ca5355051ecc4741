package io.github.mtasts.sdks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.GeneratedFiles;
import io.github.mtasts.testlab.Repository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in Node.js, Python, Go and .NET SDKs are what Pulumi's code generators make of the
 * package schema now: {@code scripts/gen-sdks.sh} regenerates them into an empty folder, and
 * every file of each language's folder must be the same, none missing, none left over.
 */
class GeneratedSdksTest {
  private static final String SCRIPT = "scripts/gen-sdks.sh";
  private static final List<String> LANGUAGES = List.of("nodejs", "python", "go", "dotnet");
  /** The script builds the generators when they are missing: minutes on a fresh machine. */
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  @TempDir Path work;

  @Test
  void theCheckedInSdksAreWhatTheSchemaGenerates() {
    Commands.succeed(Repository.root(), Map.of(), TIMEOUT, Repository.resolve(SCRIPT).toString(), work.toString());

    List<String> differences = new ArrayList<>();
    for (String language : LANGUAGES) {
      Map<String, byte[]> generated = GeneratedFiles.read(work.resolve(language), file -> true);
      assertFalse(generated.isEmpty(), SCRIPT + " generated no " + language + " SDK");
      Map<String, byte[]> checkedIn = GeneratedFiles.read(Repository.resolve("sdks/" + language), file -> true);
      GeneratedFiles.differences(generated, checkedIn).forEach(d -> differences.add(language + "/" + d));
    }
    assertTrue(differences.isEmpty(), () -> "The SDKs in sdks/ are not what schema.json generates. Run "
        + SCRIPT + " and commit the result:\n  " + String.join("\n  ", differences));
  }
}
