import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Hostile input against two builds of the policy core, side by side in one JVM: each build in a
 * class loader of its own, the same inputs, rounds interleaved (the order of the two builds
 * alternating), so that the load of the machine weighs on both alike. For each case it prints the
 * median time, the median memory allocated by the call (the thread's allocation counter), and the
 * findings the call returned: how many, and how many characters their field, text and message
 * hold, which is what a JSON report of them holds.
 *
 * <p>Usage: {@code java PolicyCoreBench BEFORE_CLASSES AFTER_CLASSES RUNS MX_SIZES RRSET_SIZES};
 * run by {@code bench/policy-core.sh}, which compiles both builds.
 */
public final class PolicyCoreBench {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private PolicyCoreBench() {}

  /** One build of the policy core, called by reflection. */
  private static final class Core {
    final String name;
    final Method parsePolicy;
    final Method parsePolicyBytes;
    final Method parseSts;
    final Method stsFromRrset;
    final Method problems;
    final List<Method> parts;

    Core(String name, Path classes) throws Exception {
      this.name = name;
      ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
      Class<?> policy = loader.loadClass("io.github.mtasts.policy.Policy");
      Class<?> sts = loader.loadClass("io.github.mtasts.policy.StsRecord");
      parsePolicy = policy.getMethod("parse", String.class);
      parsePolicyBytes = policy.getMethod("parse", byte[].class);
      parseSts = sts.getMethod("parse", String.class);
      stsFromRrset = sts.getMethod("fromRrset", List.class);
      problems = loader.loadClass("io.github.mtasts.policy.ParseResult").getMethod("problems");
      Class<?> problem = loader.loadClass("io.github.mtasts.policy.Problem");
      parts = List.of(problem.getMethod("field"), problem.getMethod("text"), problem.getMethod("message"));
    }

    Object call(Method method, Object argument) {
      try {
        return method.invoke(null, argument);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(name + ": " + e.getCause(), e);
      }
    }

    /** How many findings a ParseResult holds, and how many characters. */
    long[] findings(Object result) throws Exception {
      List<?> list = (List<?>) problems.invoke(result);
      long chars = 0;
      for (Object problem : list) {
        for (Method part : parts) {
          chars += ((String) part.invoke(problem)).length();
        }
      }
      return new long[] {list.size(), chars};
    }
  }

  /** One input and the call that judges it. */
  private record Case(String name, Function<Core, Object> call) {}

  /** What one call cost. */
  private record Sample(long nanos, long allocated, long[] findings) {}

  public static void main(String[] args) throws Exception {
    Core before = new Core("before", Path.of(args[0]));
    Core after = new Core("after", Path.of(args[1]));
    int runs = Integer.parseInt(args[2]);
    List<Case> cases = new ArrayList<>();
    for (int n : sizes(args[3])) {
      String body = policy(n);
      cases.add(new Case("policy, " + n + " mx names under a wildcard", core -> core.call(core.parsePolicy, body)));
    }
    byte[] hostile = hostilePolicy();
    long lines = new String(hostile, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("mx:")).count();
    cases.add(new Case("policy of 64 KiB, " + lines + " mx",
        core -> core.call(core.parsePolicyBytes, hostile)));
    String semicolons = "v=STSv1; id=1" + ";".repeat(20_000);
    cases.add(new Case("_mta-sts record of 20,000 ';'", core -> core.call(core.parseSts, semicolons)));
    String big = "v=STSv1; id=1" + ";".repeat(60_000);
    cases.add(new Case("_mta-sts record of 60,000 ';'", core -> core.call(core.parseSts, big)));
    for (int n : sizes(args[4])) {
      List<String> rrset = IntStream.range(0, n).mapToObj(i -> "v=STSv1; id=" + i).toList();
      cases.add(new Case("TXT RRset of " + String.format(Locale.ROOT, "%,d", n) + " records",
          core -> core.call(core.stsFromRrset, rrset)));
    }

    // Warm up both builds on small inputs, so that the first round does not time the JIT.
    for (Core core : List.of(before, after)) {
      for (int i = 0; i < 20; i++) {
        core.call(core.parsePolicy, policy(50));
        core.call(core.parseSts, "v=STSv1; id=1" + ";".repeat(200));
        core.call(core.stsFromRrset, List.of("v=STSv1; id=1", "v=STSv1; id=2", "x"));
      }
    }

    List<List<Sample>> beforeSamples = new ArrayList<>();
    List<List<Sample>> afterSamples = new ArrayList<>();
    cases.forEach(c -> {
      beforeSamples.add(new ArrayList<>());
      afterSamples.add(new ArrayList<>());
    });
    for (int round = 0; round < runs; round++) {
      for (int i = 0; i < cases.size(); i++) {
        boolean beforeFirst = round % 2 == 0;
        for (Core core : beforeFirst ? List.of(before, after) : List.of(after, before)) {
          Sample sample = measure(core, cases.get(i));
          (core == before ? beforeSamples : afterSamples).get(i).add(sample);
        }
      }
      System.err.printf("round %d of %d done%n", round + 1, runs);
    }

    System.out.printf("%-40s %11s %10s %8s %12s %11s %17s %15s%n", "case", "before_ms", "after_ms", "ratio",
        "before_MB", "after_MB", "before_findings", "after_findings");
    for (int i = 0; i < cases.size(); i++) {
      Sample b = median(beforeSamples.get(i));
      Sample a = median(afterSamples.get(i));
      System.out.printf(Locale.ROOT, "%-40s %11.1f %10.1f %7.0fx %12.1f %11.1f %17s %15s%n", cases.get(i).name(),
          b.nanos() / 1e6, a.nanos() / 1e6, (double) b.nanos() / Math.max(1, a.nanos()),
          b.allocated() / 1048576.0, a.allocated() / 1048576.0, findings(b), findings(a));
    }
  }

  private static Sample measure(Core core, Case c) throws Exception {
    long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    long start = System.nanoTime();
    Object result = c.call().apply(core);
    long nanos = System.nanoTime() - start;
    allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocated;
    return new Sample(nanos, allocated, core.findings(result));
  }

  private static Sample median(List<Sample> samples) {
    long[] nanos = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
    long[] allocated = samples.stream().mapToLong(Sample::allocated).sorted().toArray();
    return new Sample(nanos[nanos.length / 2], allocated[allocated.length / 2], samples.get(0).findings());
  }

  /** "21 / 7.4k chars": the findings and their characters. */
  private static String findings(Sample sample) {
    long chars = sample.findings()[1];
    String size = chars >= 1_000_000 ? String.format(Locale.ROOT, "%.0fM", chars / 1e6)
        : chars >= 1_000 ? String.format(Locale.ROOT, "%.1fk", chars / 1e3) : Long.toString(chars);
    return sample.findings()[0] + "/" + size;
  }

  private static int[] sizes(String list) {
    return list.isEmpty() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /** A valid policy: n host names under one wildcard, each already covered by it. */
  private static String policy(int n) {
    StringBuilder body = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\nmx: *.mail.example.com\n");
    for (int i = 0; i < n; i++) {
      body.append("mx: mx").append(i).append(".mail.example.com\n");
    }
    return body.toString();
  }

  /** As many mx lines as 64 KiB holds: names of one to three characters under *.h. */
  private static byte[] hostilePolicy() {
    StringBuilder body = new StringBuilder("version: STSv1\nmode: enforce\nmax_age: 604800\nmx: *.h\n");
    for (int i = 0; body.length() < 64 * 1024 - 16; i++) {
      body.append("mx: ").append(Integer.toString(i, 36)).append(".h\n");
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }
}
