/**
 * Arguments of the Cloudflare functions, such as
 * {@link io.github.mtasts.sdk.cloudflare.inputs.GetZoneArgs}.
 */
package io.github.mtasts.sdk.cloudflare.inputs;
