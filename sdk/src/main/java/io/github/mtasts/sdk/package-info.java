/**
 * The Java SDK of the Pulumi package {@code mtasts}: what a Pulumi program declares to publish
 * MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for a mail domain and to check it live.
 *
 * <p>MTA-STS lets a receiving domain tell sending mail servers that its MX hosts accept mail
 * over authenticated TLS only. The domain publishes a policy (mode, allowed MX host patterns,
 * lifetime) as a text file at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
 * (RFC 8461 §3.3) and announces its current version with the TXT record
 * {@code _mta-sts.<domain>} carrying a policy id (§3.1): a sender that sees a new id fetches the
 * policy again. TLS-RPT adds the TXT record {@code _smtp._tls.<domain>} naming where senders
 * send daily reports of TLS failures (RFC 8460 §3).
 *
 * <p>{@link io.github.mtasts.sdk.Policy} computes the canonical body, the id derived from it and
 * both TXT values; {@link io.github.mtasts.sdk.Verification} fetches what is live the way a
 * sender does and fails the deployment when it is wrong. These classes, their {@code Args}
 * builders, the {@code inputs}, {@code outputs} and {@code enums} packages,
 * {@link io.github.mtasts.sdk.Provider} (an explicitly configured plugin),
 * {@link io.github.mtasts.sdk.MtastsFunctions}, {@link io.github.mtasts.sdk.Config} (the
 * provider's stack config) and {@link io.github.mtasts.sdk.Utilities} are
 * generated from the package schema by Pulumi's Java code generator ({@code scripts/gen-sdk.sh});
 * the schema's descriptions are their documentation. Each registration names the plugin
 * {@code mtasts} at {@link io.github.mtasts.sdk.Utilities#getVersion()}, the project version; the
 * plugin ({@code pulumi-resource-mtasts}) does the work. The classes need neither the plugin nor
 * any cloud SDK on the program's class path.
 *
 * <p>The resources that publish on AWS are in {@link io.github.mtasts.sdk.aws}. The functions
 * are in {@link io.github.mtasts.sdk.MtastsFunctions}: {@code checkMxCoverage} looks up a domain's
 * MX hosts live and names those the policy's mx patterns leave out (RFC 8461 §4.1).
 *
 * <p>Most programs need only the component {@link io.github.mtasts.sdk.MtaSts}: from one
 * {@link io.github.mtasts.sdk.MtaStsArgs} (domain, mode, MX patterns, lifetime, report addresses,
 * {@link io.github.mtasts.sdk.Dns} and {@link io.github.mtasts.sdk.Hosting}) it declares all of
 * the above for one domain, in the order that keeps senders safe: the new policy is served and
 * verified before the {@code _mta-sts} record announces its id.
 */
package io.github.mtasts.sdk;
