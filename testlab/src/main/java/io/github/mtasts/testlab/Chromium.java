package io.github.mtasts.testlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) for tests: opens a local page with no
 * network use of its own (no background networking, updates or sync) and a fresh profile each
 * time, and gives back the rendered DOM or a screenshot.
 */
public final class Chromium {
  private static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  /**
   * The DOM after the page is rendered, serialised ({@code --dump-dom}).
   *
   * @param page a local HTML file
   * @return the rendered document
   * @throws IOException when Chromium is missing or fails
   * @throws InterruptedException when interrupted while waiting
   */
  public static String dumpDom(Path page) throws IOException, InterruptedException {
    Path out = Files.createTempFile("chromium-dom", ".html");
    try {
      run(List.of("--dump-dom", page.toUri().toString()), out);
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Takes a PNG screenshot of the page.
   *
   * @param page a local HTML file
   * @param png where the screenshot goes
   * @param width the window's width in pixels
   * @param height the window's height in pixels
   * @throws IOException when Chromium is missing or fails
   * @throws InterruptedException when interrupted while waiting
   */
  public static void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("chromium", ".log");
    try {
      run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
          "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()), log);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static void run(List<String> arguments, Path stdout)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException("/usr/bin/chromium not found: install the Debian package "
          + "chromium (scripts/test-prereqs.sh chromium does)");
    }
    Path profile = Files.createTempDirectory("chromium-profile");
    Path stderr = Files.createTempFile("chromium", ".err");
    try {
      List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless",
          "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile));
      command.addAll(arguments);
      Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IOException("chromium did not finish within 120 s: " + Files.readString(stderr));
      }
      if (process.exitValue() != 0) {
        throw new IOException("chromium exited with " + process.exitValue() + ": "
            + Files.readString(stderr));
      }
    } finally {
      Files.deleteIfExists(stderr);
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
