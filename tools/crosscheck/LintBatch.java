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
 * class path: {@code java -cp target/mtasts.jar tools/crosscheck/LintBatch.java < vectors}.
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
      String mxHost = vector.has("mxHost") ? vector.get("mxHost").getAsString() : null;
      List<String> command = new ArrayList<>(List.of(
          "lint", "--kind", vector.get("kind").getAsString(), "--json"));
      if (mxHost != null) {
        command.add("--mx-host=" + mxHost);
      }
      command.add("-");

      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setIn(new ByteArrayInputStream(input));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      int exit;
      try {
        exit = Main.execute(command.toArray(String[]::new));
      } finally {
        System.setOut(realOut);
        System.setIn(realIn);
      }

      JsonObject verdict = new JsonObject();
      verdict.addProperty("id", id);
      String printed = captured.toString(StandardCharsets.UTF_8);
      if (exit == 2 || printed.isBlank()) {
        verdict.addProperty("valid", false);
        verdict.addProperty("detail", "lint exited " + exit + " without a verdict");
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
      }
      realOut.println(gson.toJson(verdict));
    }
    realOut.flush();
  }

  private static String firstErrorMessage(JsonObject report) {
    var errors = report.getAsJsonArray("errors");
    return errors.isEmpty()
        ? ""
        : errors.get(0).getAsJsonObject().get("message").getAsString();
  }
}
