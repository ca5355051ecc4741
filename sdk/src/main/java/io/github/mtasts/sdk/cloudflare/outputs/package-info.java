/**
 * Results of the Cloudflare functions, such as
 * {@link io.github.mtasts.sdk.cloudflare.outputs.GetZoneResult}: a zone's id and name.
 */
package io.github.mtasts.sdk.cloudflare.outputs;
