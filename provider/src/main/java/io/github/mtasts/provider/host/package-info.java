/**
 * The gRPC host of the provider plugin {@code pulumi-resource-mtasts}: the Pulumi provider
 * protocol, the wire form of values, secrets, cancellation and the engine's log, apart from the
 * resources it serves. A resource is a {@link io.github.mtasts.provider.host.ResourceHandler} and
 * a function a {@link io.github.mtasts.provider.host.FunctionHandler}, registered by token in a
 * {@link io.github.mtasts.provider.host.ResourceRegistry}; nothing here knows which ones exist.
 *
 * <h2>How the engine talks to a provider</h2>
 *
 * <p><b>Start.</b> The engine runs the plugin's executable ({@code bin/pulumi-resource-mtasts})
 * with logging flags and its own gRPC address as the last argument. The plugin listens on a
 * loopback port the kernel chooses and writes that port and a newline to stdout, which the
 * engine reads to connect; nothing else may appear there ({@link
 * io.github.mtasts.provider.ProviderMain}). The plugin serves the gRPC health service (the
 * engine probes it when it closes the plugin) and polls the engine's, exiting when the engine
 * is gone ({@link io.github.mtasts.provider.host.EngineHealthWatch}).
 *
 * <p><b>Protocol.</b> The service is {@code pulumirpc.ResourceProvider}
 * ({@link io.github.mtasts.provider.host.ProviderService}). {@code Handshake} and {@code Configure}
 * settle the protocol: this provider accepts secrets and resource references and supports
 * previews. {@code CheckConfig}, {@code DiffConfig} and {@code Configure} handle the provider's
 * own configuration ({@link io.github.mtasts.provider.host.ConfigKey}; environment variables fill in
 * what the stack does not set, at Configure time only, so they never reach the state). Each
 * resource then goes through {@code Check} (validate, apply defaults: one failure per property),
 * {@code Diff} (which top-level properties changed, and whether that needs a replacement),
 * {@code Create}/{@code Update} (with {@code preview} set during {@code pulumi preview}: change
 * nothing, and return unknowns for what cannot be known yet), {@code Read} (refresh from the
 * recorded state, or import from an id alone) and {@code Delete}. {@code Cancel} asks running
 * operations to stop. Messages for the user go through the engine's {@code Engine.Log} service
 * against the resource's URN; a status line ({@code ephemeral}) shows progress.
 *
 * <p><b>Values.</b> Properties travel as protobuf {@code Struct}s, with special values marked by
 * sentinels: the string {@code 04da6b54-80e4-46f7-96ec-b56ff0331ba9} for an unknown value, and
 * objects keyed {@code 4dabf18193072939515e22adb298388d} for secrets, resource references,
 * output values and assets. {@link io.github.mtasts.provider.host.StructCodec} is the only class that
 * reads or writes them; handlers see {@link io.github.mtasts.provider.host.PropertyValue}s with
 * secrets revealed, and {@link io.github.mtasts.provider.host.Secrets} conceals their results the way
 * the inputs were and masks secret strings in every message.
 *
 * <p><b>Partial failure.</b> A create or update that made something and then failed answers
 * with an error whose details hold the protocol's {@code ErrorResourceInitFailed}: the resource's
 * id and the outputs of what exists. The engine records that state with the error, fails the
 * deployment, and on the next one calls Update with the recorded state even when no input
 * changed, which completes the resource ({@link io.github.mtasts.provider.host.ResourceInitFailedException}).
 * {@code Invoke} serves the package's functions: arguments checked like a resource's inputs, a
 * result that is secret when an argument was.
 */
package io.github.mtasts.provider.host;
