package io.github.mtasts.sdk;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import javax.annotation.Nullable;

/**
 * An explicit instance of the mtasts provider plugin, for resources that need settings other
 * than the stack's {@code mtasts:*} config (another Cloudflare account, for example). Pass it
 * with {@code CustomResourceOptions.builder().provider(provider)}.
 */
@ResourceType(type = "pulumi:providers:" + MtastsPackage.NAME)
public class Provider extends ProviderResource {

  /**
   * Declares a provider that uses only stack config and environment.
   *
   * @param name the unique name of the resource in the program
   */
  public Provider(String name) {
    this(name, ProviderArgs.Empty);
  }

  /**
   * Declares a provider with settings.
   *
   * @param name the unique name of the resource in the program
   * @param args the settings, or {@code null} for none
   */
  public Provider(String name, @Nullable ProviderArgs args) {
    this(name, args, null);
  }

  /**
   * Declares a provider with settings and resource options.
   *
   * @param name the unique name of the resource in the program
   * @param args the settings, or {@code null} for none
   * @param options resource options, or {@code null}
   */
  public Provider(
      String name, @Nullable ProviderArgs args, @Nullable CustomResourceOptions options) {
    super(
        MtastsPackage.NAME,
        name,
        args == null ? ProviderArgs.Empty : args,
        MtastsPackage.resourceOptions(options, Codegen.empty()));
  }
}
