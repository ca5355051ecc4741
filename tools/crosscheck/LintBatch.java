import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.cli.Main;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Runs every vector through {@code mtasts lint --kind KIND --json -} in one JVM: standard input
 * is the vector's bytes, and the verdict is read from the JSON that command prints, so this is
 * the command line's own code path, not a shortcut into the parsers.
 *
 * <p>Reads the same JSON lines as the mox side from standard input and writes {@code
 * {"id","valid","matches","detail"}} lines to standard output. Run with the packaged jar on the
 * class path: {@code java -cp cli/target/mtasts.jar tools/crosscheck/LintBatch.java < vectors}.
 */
public final class LintBatch {
  private LintBatch() {}

  public static void main(String[] args) throws Exception {
    PrintStream realOut = System.out;
    InputStream realIn = System.in;
    BufferedReader vectors =
        new BufferedReader(new InputStreamReader(realIn, StandardCharsets.UTF_8));
    Gson gson = new Gson();
    String line;
    while ((line = vectors.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject vector = JsonParser.parseString(line).getAsJsonObject();
      int id = vector.get("id").getAsInt();
      byte[] input = Base64.getDecoder().decode(vector.get("input").getAsString());
      String kind = vector.get("kind").getAsString();
      String mxHost = vector.has("mxHost") ? vector.get("mxHost").getAsString() : null;
      Run run = lint(kind, mxHost, input, realIn, realOut);
      String refused = null;
      if (run.exit == 2 && mxHost != null) {
        // lint refuses an --mx-host that is no host name; the policy is then judged without it
        // and the host counts as covered by nothing.
        refused = run.err.strip();
        run = lint(kind, null, input, realIn, realOut);
      }

      JsonObject verdict = new JsonObject();
      verdict.addProperty("id", id);
      String printed = run.out;
      if (run.exit == 2 || printed.isBlank()) {
        verdict.addProperty("valid", false);
        verdict.addProperty("detail", "lint exited " + run.exit + " without a verdict: " + run.err);
      } else {
        JsonObject report = JsonParser.parseString(printed).getAsJsonObject();
        verdict.addProperty("valid", report.get("valid").getAsBoolean());
        JsonElement hosts = report.get("mxHosts");
        if (hosts != null && hosts.isJsonArray()) {
          verdict.addProperty(
              "matches",
              hosts.getAsJsonArray().get(0).getAsJsonObject().get("matches").getAsBoolean());
        }
        verdict.addProperty("detail", firstErrorMessage(report));
        if (refused != null && report.get("valid").getAsBoolean()) {
          verdict.addProperty("matches", false);
          verdict.addProperty("detail", refused);
        }
      }
      realOut.println(gson.toJson(verdict));
    }
    realOut.flush();
  }

  private record Run(int exit, String out, String err) {}

  /** Runs {@code mtasts lint --kind KIND --json [--mx-host=HOST] -} on the input. */
  private static Run lint(
      String kind, String mxHost, byte[] input, InputStream realIn, PrintStream realOut) {
    List<String> command = new ArrayList<>(List.of("lint", "--kind", kind, "--json"));
    if (mxHost != null) {
      command.add("--mx-host=" + mxHost);
    }
    command.add("-");
    PrintStream realErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setIn(new ByteArrayInputStream(input));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.execute(command.toArray(String[]::new));
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
      System.setIn(realIn);
    }
  }

  private static String firstErrorMessage(JsonObject report) {
    var errors = report.getAsJsonArray("errors");
    return errors.isEmpty()
        ? ""
        : errors.get(0).getAsJsonObject().get("message").getAsString();
  }
}
