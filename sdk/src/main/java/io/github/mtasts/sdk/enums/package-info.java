/**
 * The words the package's inputs choose from, as Java enums: a policy
 * {@link io.github.mtasts.sdk.enums.Mode} (RFC 8461 §5), the
 * {@link io.github.mtasts.sdk.enums.VerificationScope scope} of a verification and the severity
 * that fails it ({@link io.github.mtasts.sdk.enums.FailOn}). Each travels to the provider as its
 * value ({@code getValue()}), for example {@code policy-host}.
 */
package io.github.mtasts.sdk.enums;
