/**
 * The ready-to-run Pulumi program of this repository: MTA-STS (RFC 8461) and TLS-RPT (RFC 8460)
 * for one mail domain, configured through stack configuration instead of Java code.
 *
 * <p>A mail domain that publishes MTA-STS tells sending mail servers to deliver only over TLS
 * with a certificate valid for an allowed MX host: a TXT record {@code _mta-sts.<domain>} with
 * the id of the current policy, and the policy itself at
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}. The program declares one
 * {@link io.github.mtasts.sdk.MtaSts} component, which publishes both (records in Route 53, the
 * policy on S3 behind CloudFront or on GitHub Pages) and verifies them
 * live the way a sender would before and after announcing a new id. {@code Pulumi.yaml} runs
 * {@link io.github.mtasts.program.MtaStsProgram} from {@code program/target/mtasts-program.jar},
 * which holds this module with the SDK and the Pulumi Java SDK it runs on.
 */
package io.github.mtasts.program;
