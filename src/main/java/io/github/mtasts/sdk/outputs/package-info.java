/**
 * Structured output values of mtasts resources, decoded from what the provider returns:
 * the {@link io.github.mtasts.sdk.outputs.VerificationSummary summary} and the
 * {@link io.github.mtasts.sdk.outputs.VerificationCheck checks} of a verification.
 */
package io.github.mtasts.sdk.outputs;
