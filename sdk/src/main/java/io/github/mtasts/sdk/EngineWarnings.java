package io.github.mtasts.sdk;

import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.Resource;
import java.util.logging.Logger;

/**
 * Sends a warning about a resource to the Pulumi engine, which shows it in {@code pulumi preview}
 * and {@code pulumi up} under that resource, as {@code ctx.log().warn} does for a program.
 *
 * <p>A component has no {@code Context}; the running deployment's log is the one a program's
 * context writes to (Pulumi's test mocks pass it on to Java logging). A deployment of another
 * implementation has no such log: there the warning goes to the Java logger of {@link MtaSts}.
 */
final class EngineWarnings {
  private static final Logger FALLBACK = Logger.getLogger(MtaSts.class.getName());

  private EngineWarnings() {}

  static void warn(String message, Resource resource) {
    if (DeploymentInternal.getInstance() instanceof DeploymentImpl deployment) {
      deployment.getLog().warn(message, resource);
    } else {
      FALLBACK.warning(message);
    }
  }
}
