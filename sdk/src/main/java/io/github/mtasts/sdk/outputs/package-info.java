/**
 * Structured output values of mtasts resources, decoded from what the provider returns:
 * the {@link io.github.mtasts.sdk.outputs.VerificationSummary summary} and the
 * {@link io.github.mtasts.sdk.outputs.VerificationCheck checks} of a verification, and the
 * {@link io.github.mtasts.sdk.outputs.CheckMxCoverageResult result} of a function.
 */
package io.github.mtasts.sdk.outputs;
