/**
 * The words the Cloudflare resources' inputs choose from: the
 * {@link io.github.mtasts.sdk.cloudflare.enums.RecordType type} of a Cloudflare DNS record, TXT
 * or CNAME.
 */
package io.github.mtasts.sdk.cloudflare.enums;
