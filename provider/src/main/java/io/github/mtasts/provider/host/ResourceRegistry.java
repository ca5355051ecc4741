package io.github.mtasts.provider.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The resource types and functions this provider serves, by token. Handlers are built on first
 * use, so starting the plugin loads none of their classes (the engine waits for the port on
 * every command).
 */
public final class ResourceRegistry {

  private final Map<String, Supplier<ResourceHandler>> factories;
  private final Map<String, Supplier<FunctionHandler>> functionFactories;
  private final Map<String, ResourceHandler> built = new ConcurrentHashMap<>();
  private final Map<String, FunctionHandler> builtFunctions = new ConcurrentHashMap<>();
  private final Map<String, Supplier<Component>> componentFactories;

  private ResourceRegistry(Map<String, Supplier<ResourceHandler>> factories,
      Map<String, Supplier<FunctionHandler>> functionFactories,
      Map<String, Supplier<Component>> componentFactories) {
    this.factories = factories;
    this.functionFactories = functionFactories;
    this.componentFactories = componentFactories;
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The handler for a type.
   *
   * @param token the type token
   * @return the handler, or empty when this provider does not serve the type
   */
  public Optional<ResourceHandler> handler(String token) {
    Supplier<ResourceHandler> factory = factories.get(token);
    return factory == null ? Optional.empty() : Optional.of(built.computeIfAbsent(token, t -> factory.get()));
  }

  /**
   * The type tokens served.
   *
   * @return the tokens, in registration order
   */
  public Set<String> tokens() {
    return factories.keySet();
  }

  /**
   * The handler for a function.
   *
   * @param token the function token
   * @return the handler, or empty when this provider has no such function
   */
  public Optional<FunctionHandler> function(String token) {
    Supplier<FunctionHandler> factory = functionFactories.get(token);
    return factory == null ? Optional.empty() : Optional.of(builtFunctions.computeIfAbsent(token, t -> factory.get()));
  }

  /**
   * The function tokens served.
   *
   * @return the tokens, in registration order
   */
  public Set<String> functionTokens() {
    return functionFactories.keySet();
  }

  /**
   * The component type of a token, built anew for each {@code Construct}.
   *
   * @param token the component's type token
   * @return the component, or empty when this provider serves no such component
   */
  public Optional<Component> component(String token) {
    return Optional.ofNullable(componentFactories.get(token)).map(Supplier::get);
  }

  /**
   * The component type tokens served.
   *
   * @return the tokens, in registration order
   */
  public Set<String> componentTokens() {
    return componentFactories.keySet();
  }

  /** Builds a {@link ResourceRegistry}. */
  public static final class Builder {
    private final Map<String, Supplier<ResourceHandler>> factories = new LinkedHashMap<>();
    private final Map<String, Supplier<FunctionHandler>> functionFactories = new LinkedHashMap<>();
    private final Map<String, Supplier<Component>> componentFactories = new LinkedHashMap<>();

    /**
     * Registers a type.
     *
     * @param token the type token
     * @param factory builds the handler on first use
     * @return this builder
     */
    public Builder register(String token, Supplier<ResourceHandler> factory) {
      factories.put(token, factory);
      return this;
    }

    /**
     * Registers a function.
     *
     * @param token the function token
     * @param factory builds the handler on first use
     * @return this builder
     */
    public Builder function(String token, Supplier<FunctionHandler> factory) {
      functionFactories.put(token, factory);
      return this;
    }

    /**
     * Registers a component type, served through {@code Construct}.
     *
     * @param token the component's type token
     * @param factory builds the component for each {@code Construct}
     * @return this builder
     */
    public Builder component(String token, Supplier<Component> factory) {
      componentFactories.put(token, factory);
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return the registry
     */
    public ResourceRegistry build() {
      return new ResourceRegistry(Collections.unmodifiableMap(new LinkedHashMap<>(factories)),
          Collections.unmodifiableMap(new LinkedHashMap<>(functionFactories)),
          Collections.unmodifiableMap(new LinkedHashMap<>(componentFactories)));
    }
  }
}
