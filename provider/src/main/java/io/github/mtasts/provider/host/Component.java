package io.github.mtasts.provider.host;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import java.util.Map;

/**
 * A component resource type the provider serves through {@code Construct}: a program in any
 * Pulumi language declares it, and the provider declares its children on the program's behalf,
 * through the same deployment. Registered in the {@link ResourceRegistry} under its type token.
 */
public interface Component {

  /**
   * Checks the inputs before any deployment starts, so that a bad input fails {@code Construct}
   * with its message alone.
   *
   * @param name the component's name, as the program gave it
   * @param inputs the checked inputs, secrets revealed, all known
   * @return what declares the component once the deployment runs
   * @throws IllegalArgumentException naming every input that is not usable, its value and the fix
   */
  Declaration check(String name, PropertyMap inputs);

  /** Declares a component whose inputs passed {@link Component#check}. */
  @FunctionalInterface
  interface Declaration {

    /**
     * Declares the component resource and its children in the running deployment ({@link
     * ComponentHost} has started it), in the deployment's thread.
     *
     * @param options the program's options (parent, providers, protect...) and the dependencies
     *     of the inputs
     * @return the component resource and its outputs by name; an output's value is a string, a
     *     number, a boolean, null, a list or a map of such values
     */
    Constructed declare(ComponentResourceOptions options);
  }

  /**
   * What a {@link Declaration} declared.
   *
   * @param resource the component resource, whose URN the engine gets back
   * @param outputs its outputs by name
   */
  record Constructed(ComponentResource resource, Map<String, Output<?>> outputs) {}
}
