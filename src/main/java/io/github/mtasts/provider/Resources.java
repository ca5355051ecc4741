package io.github.mtasts.provider;

/** The resource types of the {@code mtasts} package and their handlers. */
final class Resources {

  private Resources() {}

  /**
   * The registry of every resource type the plugin serves.
   *
   * @return the registry
   */
  static ResourceRegistry registry() {
    return ResourceRegistry.builder()
        .register(PolicyResource.TOKEN, PolicyResource::new)
        .register(VerificationResource.TOKEN, VerificationResource::new)
        .build();
  }
}
