/**
 * The resources and functions of the {@code index} module of the {@code mtasts} package, which
 * need no cloud: {@code mtasts:index:Policy} ({@link io.github.mtasts.provider.index.PolicyResource},
 * an MTA-STS policy computed with the policy core: body, id and TXT values, RFC 8461 §3.1-§3.2,
 * RFC 8460 §3), {@code mtasts:index:Verification}
 * ({@link io.github.mtasts.provider.index.VerificationResource}, the live verifier, retried until
 * its timeout: what a sending MTA checks, RFC 8461 §3-§5) and the function
 * {@code mtasts:index:checkMxCoverage} ({@link io.github.mtasts.provider.index.CheckMxCoverageFunction},
 * which MX hosts the mx patterns of a policy leave uncovered, RFC 8461 §4.1).
 */
package io.github.mtasts.provider.index;
