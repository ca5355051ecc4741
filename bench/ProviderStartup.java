import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.ResourceProviderGrpc;

/**
 * Start-up benchmark of the provider plugin: how long the engine waits from launching
 * bin/pulumi-resource-mtasts to reading its port (median of N launches), and the plugin's peak
 * resident memory (VmHWM) after it served GetSchema, a Policy Check and a Policy Create.
 *
 * Run through bench/provider-startup.sh (it builds the classpath); Linux only (/proc).
 */
public final class ProviderStartup {

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path launcher = Path.of("bin", "pulumi-resource-mtasts").toAbsolutePath();
    List<Double> startMillis = new ArrayList<>();
    List<Double> firstCallMillis = new ArrayList<>();
    List<Long> peakKib = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long launched = System.nanoTime();
      // 127.0.0.1:1 stands for the engine: nothing is called back during this benchmark.
      Process plugin = new ProcessBuilder(launcher.toString(), "127.0.0.1:1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(plugin.getInputStream(), StandardCharsets.UTF_8));
      int port = Integer.parseInt(out.readLine().trim());
      long portRead = System.nanoTime();
      ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
      try {
        var provider = ResourceProviderGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        provider.getPluginInfo(Empty.getDefaultInstance());
        long firstAnswer = System.nanoTime();
        provider.getSchema(GetSchemaRequest.getDefaultInstance());
        Struct inputs = Struct.newBuilder()
            .putFields("mode", Value.newBuilder().setStringValue("enforce").build())
            .putFields("mx", Value.newBuilder().setListValue(ListValue.newBuilder()
                .addValues(Value.newBuilder().setStringValue("mx1.example.com"))).build())
            .putFields("maxAge", Value.newBuilder().setNumberValue(604800).build())
            .build();
        String urn = "urn:pulumi:bench::bench::mtasts:index:Policy::p";
        provider.check(CheckRequest.newBuilder().setUrn(urn).setNews(inputs).build());
        provider.create(CreateRequest.newBuilder().setUrn(urn).setProperties(inputs).build());
        startMillis.add((portRead - launched) / 1e6);
        firstCallMillis.add((firstAnswer - launched) / 1e6);
        peakKib.add(peakResidentKib(plugin.pid()));
      } finally {
        channel.shutdownNow();
        plugin.destroy();
        plugin.waitFor(10, TimeUnit.SECONDS);
      }
    }
    System.out.printf("runs: %d%n", runs);
    System.out.printf("launch to port printed: median %.0f ms (min %.0f, max %.0f)%n",
        median(startMillis), Collections.min(startMillis), Collections.max(startMillis));
    System.out.printf("launch to first answer (GetPluginInfo): median %.0f ms%n", median(firstCallMillis));
    System.out.printf("peak resident memory after GetSchema, Check, Create: median %d MiB (max %d MiB)%n",
        (long) median(peakKib.stream().map(Long::doubleValue).toList()) / 1024, Collections.max(peakKib) / 1024);
  }

  private static long peakResidentKib(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmHWM for " + pid);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
