package io.github.mtasts.provider.host;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.DependencyResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.StackOptions;
import com.pulumi.resources.internal.DependencyProviderResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;

/**
 * Serves {@code Construct}: runs a {@link Component}'s declarations as a Pulumi program inside
 * the provider, connected to the deployment that asked for the component.
 *
 * <p>The engine sends the address of its resource monitor with the request; the Pulumi Java SDK's
 * inline deployment ({@code PulumiInternal.fromInline}, the mechanism of pulumi-java's own
 * component providers) registers every resource the component declares there, parented to the
 * component, which the engine parents to the program's. The SDK keeps one deployment per
 * process, so requests are served one at a time; the engine calls Check and Create for the
 * children on other threads meanwhile. The answer carries the component's URN and its outputs,
 * unknown where a preview cannot know them and secret where any input was.
 */
public final class ComponentHost {

  /** pulumi-java holds the running deployment in one global per process. */
  private static final Object ONE_DEPLOYMENT_AT_A_TIME = new Object();

  /**
   * Constructs a component.
   *
   * @param request the engine's request
   * @param component the component type's declarations
   * @param engineAddress the engine's address, for the deployment's log
   * @return the component's URN and outputs
   * @throws IllegalArgumentException when an input is not known yet or not usable, naming it
   */
  public ConstructResponse construct(ConstructRequest request, Component component, String engineAddress) {
    PropertyMap decoded = StructCodec.decode(request.getInputs());
    for (String key : decoded.keys()) {
      if (decoded.get(key).orElseThrow().containsUnknowns()) {
        // The component decides what to declare from its inputs (which hosting, which records):
        // it cannot plan around a value it does not have.
        throw new IllegalArgumentException(request.getType() + " " + request.getName() + ": input " + key
            + " is not known yet (it comes from another resource's output that the preview cannot know);"
            + " give it a value known before the deployment, such as a literal or stack config");
      }
    }
    boolean secretInputs = decoded.containsSecrets();
    Component.Declaration declaration = component.check(request.getName(), decoded.reveal());
    InlineDeploymentSettings settings = InlineDeploymentSettings.builder()
        .monitorAddr(request.getMonitorEndpoint())
        .engineAddr(engineAddress)
        .project(request.getProject())
        .stack(request.getStack())
        .organization(request.getOrganization())
        .isDryRun(request.getDryRun())
        .config(ImmutableMap.copyOf(request.getConfigMap()))
        .configSecretKeys(ImmutableSet.copyOf(request.getConfigSecretKeysList()))
        .build();
    synchronized (ONE_DEPLOYMENT_AT_A_TIME) {
      try {
        return PulumiInternal.fromInline(settings, StackOptions.builder().build())
            .runInlineAsync(ctx -> {
              Component.Constructed constructed = declaration.declare(options(request));
              return answer(constructed, secretInputs);
            })
            .join();
      } catch (CompletionException e) {
        throw failure(e.getCause() == null ? e : e.getCause());
      } finally {
        DeploymentInstanceHolder.internalUnsafeDestroyInstance();
      }
    }
  }

  /**
   * What the engine shows of a declaration that failed: the message of each error the
   * deployment collected (the SDK wraps several in one without a message of its own).
   */
  private static RuntimeException failure(Throwable error) {
    List<String> messages = new ArrayList<>();
    if (error.getSuppressed().length > 0) {
      for (Throwable each : error.getSuppressed()) {
        messages.add(each.getMessage());
      }
    } else {
      messages.add(error.getMessage());
    }
    return new OperationFailedException(String.join("\n", messages.stream().distinct().toList()));
  }

  /** The program's options for the component, with the dependencies of its inputs. */
  private static ComponentResourceOptions options(ConstructRequest request) {
    Set<String> dependencies = new LinkedHashSet<>(request.getDependenciesList());
    request.getInputDependenciesMap().values().forEach(urns -> dependencies.addAll(urns.getUrnsList()));
    List<Resource> dependsOn = new ArrayList<>();
    dependencies.forEach(urn -> dependsOn.add(new DependencyResource(urn)));
    ComponentResourceOptions.Builder options = ComponentResourceOptions.builder()
        .aliases(request.getAliasesList().stream().map(Alias::withUrn).toArray(Alias[]::new))
        .dependsOn(dependsOn)
        .protect(request.getProtect())
        .providers(request.getProvidersMap().values().stream()
            .map(DependencyProviderResource::new).toArray(DependencyProviderResource[]::new))
        .ignoreChanges(request.getIgnoreChangesList())
        .retainOnDelete(request.getRetainOnDelete())
        .replaceOnChanges(request.getReplaceOnChangesList());
    if (!request.getParent().isEmpty()) {
      options.parent(new DependencyResource(request.getParent()));
    }
    if (request.hasCustomTimeouts()) {
      ConstructRequest.CustomTimeouts timeouts = request.getCustomTimeouts();
      options.customTimeouts(CustomTimeouts.builder()
          .create(CustomTimeouts.parseTimeoutString(timeouts.getCreate()))
          .update(CustomTimeouts.parseTimeoutString(timeouts.getUpdate()))
          .delete(CustomTimeouts.parseTimeoutString(timeouts.getDelete()))
          .build());
    }
    return options.build();
  }

  /** Waits for the URN and every output, and encodes them. */
  private static CompletableFuture<ConstructResponse> answer(Component.Constructed constructed, boolean secretInputs) {
    Map<String, CompletableFuture<PropertyValue>> values = new LinkedHashMap<>();
    constructed.outputs().forEach((name, output) -> values.put(name, value(output, secretInputs)));
    CompletableFuture<String> urn = Internal.of(constructed.resource().urn()).getValueNullable();
    List<CompletableFuture<?>> all = new ArrayList<>(values.values());
    all.add(urn);
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
      PropertyMap.Builder state = PropertyMap.builder();
      values.forEach((name, value) -> state.put(name, value.join()));
      return ConstructResponse.newBuilder()
          .setUrn(urn.join())
          .setState(StructCodec.encode(state.build()))
          .build();
    });
  }

  private static CompletableFuture<PropertyValue> value(Output<?> output, boolean secretInputs) {
    return Internal.of(output).getDataAsync().thenApply(data -> {
      PropertyValue value = data.isKnown() ? plain(data.getValueNullable()) : PropertyValue.UNKNOWN;
      return data.isSecret() || secretInputs ? new PropertyValue.Secret(value) : value;
    });
  }

  /** A Java value as a property value: strings, numbers, booleans, null, lists, maps, optionals. */
  private static PropertyValue plain(Object value) {
    if (value == null) {
      return PropertyValue.NULL;
    } else if (value instanceof Optional<?> optional) {
      return plain(optional.orElse(null));
    } else if (value instanceof String text) {
      return PropertyValue.of(text);
    } else if (value instanceof Number number) {
      return PropertyValue.of(number.doubleValue());
    } else if (value instanceof Boolean bool) {
      return PropertyValue.of(bool);
    } else if (value instanceof List<?> list) {
      return new PropertyValue.Array(list.stream().map(ComponentHost::plain).toList());
    } else if (value instanceof Map<?, ?> map) {
      PropertyMap.Builder object = PropertyMap.builder();
      map.forEach((key, element) -> object.put(String.valueOf(key), plain(element)));
      return object.build();
    }
    throw new IllegalStateException("a component output of type " + value.getClass().getName()
        + " has no property value: give plain values (strings, numbers, lists, maps)");
  }
}
