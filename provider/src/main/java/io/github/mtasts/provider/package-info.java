/**
 * The Pulumi resource provider plugin {@code pulumi-resource-mtasts}: the process the Pulumi
 * engine starts to manage {@code mtasts:*} resources. {@link io.github.mtasts.provider.ProviderMain}
 * starts the gRPC host ({@link io.github.mtasts.provider.host}, which speaks the protocol and
 * knows no resource) with the registry of {@link io.github.mtasts.provider.Resources}, which
 * wires each type token to its resource: the cloud-independent ones in
 * {@link io.github.mtasts.provider.index}, the AWS ones in {@link io.github.mtasts.provider.aws},
 * the GitHub Pages ones in {@link io.github.mtasts.provider.github}, and the record resource of every DNS service in {@link io.github.mtasts.provider.dns}.
 */
package io.github.mtasts.provider;
