/**
 * Arguments of the package's functions, such as
 * {@link io.github.mtasts.sdk.inputs.CheckMxCoverageArgs}.
 */
package io.github.mtasts.sdk.inputs;
