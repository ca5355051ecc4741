/**
 * The words the AWS resources' inputs choose from: the
 * {@link io.github.mtasts.sdk.aws.enums.RecordType type} of a Route 53 record set, TXT or CNAME.
 */
package io.github.mtasts.sdk.aws.enums;
