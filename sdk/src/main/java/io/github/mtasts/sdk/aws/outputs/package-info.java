/**
 * Structured output values of the AWS resources: the
 * {@link io.github.mtasts.sdk.aws.outputs.ValidationRecord validation records} of a certificate.
 */
package io.github.mtasts.sdk.aws.outputs;
