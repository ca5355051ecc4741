package io.github.mtasts.provider.host;

import io.github.mtasts.policy.Excerpt;
import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import io.github.mtasts.ProjectVersion;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import pulumirpc.Plugin.PluginAttach;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckRequest;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.ConfigureRequest;
import pulumirpc.Provider.ConfigureResponse;
import pulumirpc.Provider.ConstructRequest;
import pulumirpc.Provider.ConstructResponse;
import pulumirpc.Provider.CreateRequest;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.DeleteRequest;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.GetMappingRequest;
import pulumirpc.Provider.GetMappingResponse;
import pulumirpc.Provider.GetMappingsRequest;
import pulumirpc.Provider.GetMappingsResponse;
import pulumirpc.Provider.GetSchemaRequest;
import pulumirpc.Provider.GetSchemaResponse;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.Provider.InvokeResponse;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ProviderHandshakeRequest;
import pulumirpc.Provider.ProviderHandshakeResponse;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.Provider.UpdateResponse;
import pulumirpc.ResourceProviderGrpc;

/**
 * The {@code pulumirpc.ResourceProvider} service: decodes each request, hands it to the resource
 * type's {@link ResourceHandler}, and encodes the answer.
 *
 * <p>Secrets are handled here and nowhere else: values reach handlers revealed, results go back
 * concealed the way their inputs were ({@link Secrets#conceal}), and every message leaving the
 * provider (failures, errors, log lines) is redacted with the secrets of the request and of the
 * configuration.
 *
 * <p>A create or update that fails part way ({@link ResourceInitFailedException}) answers with
 * the protocol's {@code ErrorResourceInitFailed} in the error's details: the engine records the
 * partial state it carries, and the next deployment updates the resource from there.
 */
public final class ProviderService extends ResourceProviderGrpc.ResourceProviderImplBase {

  private final ResourceRegistry registry;
  private final ConfigHandler configHandler;
  private final EngineConnection engine;
  private final EngineLog engineLog;
  private final Cancellation cancellation = new Cancellation();
  private final ComponentHost components = new ComponentHost();
  private volatile ProviderConfig config = ProviderConfig.empty();

  /**
   * A service over a set of resource types.
   *
   * @param registry the resource types
   * @param configHandler the configuration lifecycle
   * @param engine the connection back to the engine
   */
  public ProviderService(ResourceRegistry registry, ConfigHandler configHandler, EngineConnection engine) {
    this.registry = registry;
    this.configHandler = configHandler;
    this.engine = engine;
    this.engineLog = new EngineLog(engine);
  }

  @Override
  public void handshake(ProviderHandshakeRequest request, StreamObserver<ProviderHandshakeResponse> response) {
    respond(response, redaction -> {
      engine.connect(request.getEngineAddress());
      // These answers must match Configure's: a provider that handshakes takes secrets and
      // resource references (reduced to ids by StructCodec); it does not take output values.
      return ProviderHandshakeResponse.newBuilder().setAcceptSecrets(true).setAcceptResources(true).build();
    });
  }

  @Override
  public void attach(PluginAttach request, StreamObserver<Empty> response) {
    respond(response, redaction -> {
      engine.connect(request.getAddress());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void getPluginInfo(Empty request, StreamObserver<PluginInfo> response) {
    respond(response, redaction -> PluginInfo.newBuilder().setVersion(ProjectVersion.get()).build());
  }

  @Override
  public void getSchema(GetSchemaRequest request, StreamObserver<GetSchemaResponse> response) {
    respond(response, redaction -> {
      if (!request.getSubpackageName().isEmpty()) {
        throw new IllegalArgumentException("mtasts has no sub-package " + request.getSubpackageName());
      }
      return GetSchemaResponse.newBuilder().setSchema(Schema.json()).build();
    });
  }

  @Override
  public void checkConfig(CheckRequest request, StreamObserver<CheckResponse> response) {
    respond(response, redaction -> {
      PropertyMap news = configHandler.markSecrets(StructCodec.decode(request.getNews()));
      Secrets secrets = redaction.use(configHandler.secrets(news));
      return checkResponse(configHandler.check(news.reveal()), news, secrets);
    });
  }

  @Override
  public void diffConfig(DiffRequest request, StreamObserver<DiffResponse> response) {
    respond(response, redaction -> {
      PropertyMap olds = StructCodec.decode(request.hasOldInputs() ? request.getOldInputs() : request.getOlds());
      return diffResponse(configHandler.diff(olds, StructCodec.decode(request.getNews())));
    });
  }

  @Override
  public void configure(ConfigureRequest request, StreamObserver<ConfigureResponse> response) {
    respond(response, redaction -> {
      PropertyMap args = request.hasArgs()
          ? StructCodec.decode(request.getArgs()).reveal()
          : configHandler.fromVariables(request.getVariablesMap());
      config = configHandler.configure(args);
      return ConfigureResponse.newBuilder()
          .setAcceptSecrets(true)
          .setAcceptResources(true)
          // Construct takes inputs as output values, whose dependencies it keeps.
          .setAcceptOutputs(true)
          .setSupportsPreview(true)
          .build();
    });
  }

  @Override
  public void check(CheckRequest request, StreamObserver<CheckResponse> response) {
    respond(response, redaction -> {
      PropertyMap news = StructCodec.decode(request.getNews());
      Secrets secrets = redaction.use(Secrets.of(news));
      CheckResult result = handler(request.getType(), request.getUrn())
          .check(StructCodec.decode(request.getOlds()).reveal(), news.reveal());
      return checkResponse(result, news, secrets);
    });
  }

  @Override
  public void diff(DiffRequest request, StreamObserver<DiffResponse> response) {
    respond(response, redaction -> {
      PropertyMap olds = StructCodec.decode(request.getOlds()).reveal();
      PropertyMap oldInputs = request.hasOldInputs() ? StructCodec.decode(request.getOldInputs()).reveal() : olds;
      DiffResult diff = handler(request.getType(), request.getUrn())
          .diff(oldInputs, olds, StructCodec.decode(request.getNews()).reveal(), Set.copyOf(request.getIgnoreChangesList()));
      return diffResponse(diff);
    });
  }

  @Override
  public void create(CreateRequest request, StreamObserver<CreateResponse> response) {
    respond(response, redaction -> {
      PropertyMap inputs = StructCodec.decode(request.getProperties());
      Secrets secrets = redaction.use(Secrets.of(inputs).and(config.secrets()));
      ResourceHandler handler = handler(request.getType(), request.getUrn());
      OperationContext context = context(request.getUrn(), request.getPreview(), request.getTimeout(), secrets);
      ResourceState created;
      try {
        created = handler.create(context, inputs.reveal());
      } catch (ResourceInitFailedException e) {
        throw initFailed(e, secrets, handler);
      }
      return CreateResponse.newBuilder()
          .setId(created.id())
          .setProperties(StructCodec.encode(secrets.conceal(created.outputs(), handler.derivations())))
          .build();
    });
  }

  @Override
  public void read(ReadRequest request, StreamObserver<ReadResponse> response) {
    respond(response, redaction -> {
      PropertyMap inputs = StructCodec.decode(request.getInputs());
      PropertyMap state = StructCodec.decode(request.getProperties());
      Secrets inputSecrets = Secrets.of(inputs);
      Secrets stateSecrets = Secrets.of(state);
      Secrets secrets = redaction.use(inputSecrets.and(stateSecrets).and(config.secrets()));
      ResourceHandler handler = handler(request.getType(), request.getUrn());
      OperationContext context = context(request.getUrn(), false, 0, secrets);
      ResourceState read = handler.read(context, request.getId(), inputs.reveal(), state.reveal());
      return ReadResponse.newBuilder()
          .setId(read.id())
          .setInputs(StructCodec.encode(inputSecrets.conceal(read.inputs())))
          .setProperties(StructCodec.encode(stateSecrets.conceal(read.outputs())))
          .build();
    });
  }

  @Override
  public void update(UpdateRequest request, StreamObserver<UpdateResponse> response) {
    respond(response, redaction -> {
      PropertyMap news = StructCodec.decode(request.getNews());
      Secrets secrets = redaction.use(Secrets.of(news).and(config.secrets()));
      ResourceHandler handler = handler(request.getType(), request.getUrn());
      OperationContext context = context(request.getUrn(), request.getPreview(), request.getTimeout(), secrets);
      PropertyMap outputs;
      try {
        outputs = handler.update(context, request.getId(), StructCodec.decode(request.getOlds()).reveal(), news.reveal());
      } catch (ResourceInitFailedException e) {
        throw initFailed(e, secrets, handler);
      }
      return UpdateResponse.newBuilder().setProperties(StructCodec.encode(secrets.conceal(outputs, handler.derivations()))).build();
    });
  }

  @Override
  public void delete(DeleteRequest request, StreamObserver<Empty> response) {
    respond(response, redaction -> {
      PropertyMap state = StructCodec.decode(request.getProperties());
      Secrets secrets = redaction.use(Secrets.of(state).and(config.secrets()));
      ResourceHandler handler = handler(request.getType(), request.getUrn());
      handler.delete(context(request.getUrn(), false, request.getTimeout(), secrets), request.getId(), state.reveal());
      return Empty.getDefaultInstance();
    });
  }

  @Override
  public void invoke(InvokeRequest request, StreamObserver<InvokeResponse> response) {
    respond(response, redaction -> {
      PropertyMap args = StructCodec.decode(request.getArgs());
      // A function may call a service with the provider's secret settings, as resources do.
      Secrets argSecrets = Secrets.of(args);
      Secrets secrets = redaction.use(argSecrets.and(config.secrets()));
      FunctionHandler function = registry.function(request.getTok()).orElseThrow(() -> new IllegalArgumentException(
          "mtasts has no function " + Excerpt.quote(request.getTok()) + "; it has " + String.join(", ", registry.functionTokens())));
      CheckResult checked = function.check(args.reveal());
      InvokeResponse.Builder builder = InvokeResponse.newBuilder();
      if (!checked.failures().isEmpty()) {
        checked.failures().forEach(failure -> builder.addFailures(CheckFailure.newBuilder()
            .setProperty(failure.property())
            .setReason(secrets.redact(failure.reason()))));
        return builder.build();
      }
      // A result is secret when an argument was: it may show what the argument held.
      return builder.setReturn(StructCodec.encode(argSecrets.conceal(function.invoke(config, checked.inputs())))).build();
    });
  }

  @Override
  public void construct(ConstructRequest request, StreamObserver<ConstructResponse> response) {
    respond(response, redaction -> {
      Component component = registry.component(request.getType()).orElseThrow(() -> new IllegalArgumentException(
          "mtasts does not serve component type " + Excerpt.quote(request.getType()) + "; it serves "
              + String.join(", ", registry.componentTokens())));
      redaction.use(Secrets.of(StructCodec.decode(request.getInputs())));
      return components.construct(request, component, engine.address().orElse(""));
    });
  }

  @Override
  public void cancel(Empty request, StreamObserver<Empty> response) {
    cancellation.cancel();
    response.onNext(Empty.getDefaultInstance());
    response.onCompleted();
  }

  @Override
  public void getMapping(GetMappingRequest request, StreamObserver<GetMappingResponse> response) {
    // No conversions from other ecosystems: the protocol asks for an empty answer, not an error.
    respond(response, redaction -> GetMappingResponse.getDefaultInstance());
  }

  @Override
  public void getMappings(GetMappingsRequest request, StreamObserver<GetMappingsResponse> response) {
    respond(response, redaction -> GetMappingsResponse.getDefaultInstance());
  }

  private ResourceHandler handler(String type, String urn) {
    String token = type.isEmpty() ? Urns.type(urn) : type;
    return registry.handler(token).orElseThrow(() -> new IllegalArgumentException(
        "mtasts does not serve resource type " + Excerpt.quote(token) + "; it serves " + String.join(", ", registry.tokens())));
  }

  private OperationContext context(String urn, boolean preview, double timeoutSeconds, Secrets secrets) {
    Optional<Duration> timeout = timeoutSeconds > 0 ? Optional.of(Duration.ofMillis((long) (timeoutSeconds * 1000))) : Optional.empty();
    return new OperationContext(urn, preview, timeout, engineLog.forResource(urn, secrets), config, cancellation);
  }

  private static CheckResponse checkResponse(CheckResult result, PropertyMap news, Secrets secrets) {
    CheckResponse.Builder builder = CheckResponse.newBuilder();
    if (result.failures().isEmpty()) {
      // A default the check added derives from no input: it is never secret.
      Map<String, Set<String>> defaults = new HashMap<>();
      result.inputs().keys().stream().filter(key -> !news.keys().contains(key)).forEach(key -> defaults.put(key, Set.of()));
      builder.setInputs(StructCodec.encode(secrets.conceal(result.inputs(), defaults)));
    }
    result.failures().forEach(failure -> builder.addFailures(CheckFailure.newBuilder()
        .setProperty(failure.property())
        .setReason(secrets.redact(failure.reason()))));
    return builder.build();
  }

  /**
   * The error of a create or update that stopped part way: its details carry the partial state
   * ({@code ErrorResourceInitFailed}), which the engine records, concealed like any outputs.
   */
  private static StatusRuntimeException initFailed(ResourceInitFailedException e, Secrets secrets, ResourceHandler handler) {
    String message = secrets.redact(e.getMessage());
    ErrorResourceInitFailed detail = ErrorResourceInitFailed.newBuilder()
        .setId(e.partial().id())
        .setProperties(StructCodec.encode(secrets.conceal(e.partial().outputs(), handler.derivations())))
        .addReasons(message)
        .build();
    return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.UNKNOWN.value())
        .setMessage(message)
        .addDetails(Any.pack(detail))
        .build());
  }

  private static DiffResponse diffResponse(DiffResult diff) {
    DiffResponse.Builder builder = DiffResponse.newBuilder()
        .setChanges(diff.hasChanges() ? DiffResponse.DiffChanges.DIFF_SOME : DiffResponse.DiffChanges.DIFF_NONE)
        .setHasDetailedDiff(true)
        .addAllDiffs(diff.changes().keySet())
        .addAllReplaces(diff.replaces())
        .setDeleteBeforeReplace(diff.deleteBeforeReplace() && !diff.replaces().isEmpty());
    diff.changes().forEach((property, kind) ->
        builder.putDetailedDiff(property, PropertyDiff.newBuilder().setKind(kind).setInputDiff(true).build()));
    return builder.build();
  }

  /** One call's work; it declares the secrets its messages must not show as soon as it knows them. */
  @FunctionalInterface
  private interface Call<T> {
    T run(Redaction redaction);
  }

  /** The secrets to mask in a call's error message. */
  private static final class Redaction {
    private Secrets secrets = Secrets.none();

    Secrets use(Secrets known) {
      secrets = secrets.and(known);
      return known;
    }
  }

  /**
   * Runs one call and answers it, turning failures into gRPC statuses with redacted messages:
   * INVALID_ARGUMENT for a request the provider cannot serve, CANCELLED after {@code Cancel},
   * UNKNOWN for an operation that failed (the engine shows its message), INTERNAL for a bug.
   */
  private <T> void respond(StreamObserver<T> response, Call<T> call) {
    Redaction redaction = new Redaction();
    redaction.use(config.secrets());
    T result;
    try {
      result = call.run(redaction);
    } catch (StatusRuntimeException e) {
      response.onError(e); // built here, already redacted
      return;
    } catch (IllegalArgumentException e) {
      response.onError(error(Status.INVALID_ARGUMENT, e, redaction.secrets));
      return;
    } catch (CancellationException e) {
      response.onError(error(Status.CANCELLED, e, redaction.secrets));
      return;
    } catch (OperationFailedException e) {
      response.onError(error(Status.UNKNOWN, e, redaction.secrets));
      return;
    } catch (RuntimeException e) {
      response.onError(error(Status.INTERNAL, e, redaction.secrets));
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }

  private static StatusRuntimeException error(Status status, RuntimeException e, Secrets secrets) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return status.withDescription(secrets.redact(message)).asRuntimeException();
  }
}
