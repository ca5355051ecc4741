import com.pulumi.Pulumi;
import io.github.mtasts.sdk.Policy;
import io.github.mtasts.sdk.PolicyArgs;
import io.github.mtasts.sdk.enums.Mode;

/** Benchmark program: {@code count} (stack config) MTA-STS policies, one per mail domain. */
public final class PolicyFleet {
  public static void main(String[] args) {
    Pulumi.run(ctx -> {
      int count = ctx.config().requireInteger("count");
      for (int i = 0; i < count; i++) {
        new Policy("domain-" + i, PolicyArgs.builder()
            .mode(Mode.ENFORCE)
            .mx("mx1.domain-" + i + ".example", "*.mail.domain-" + i + ".example")
            .maxAge(604800)
            .rua("mailto:tlsrpt@domain-" + i + ".example")
            .build());
      }
    });
  }
}
