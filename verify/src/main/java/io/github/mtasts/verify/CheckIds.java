package io.github.mtasts.verify;

/**
 * The stable ids of the checks a {@link Verifier} reports. A step that works is reported once
 * under its short id (for example {@link #POLICY_FETCH}) with its evidence; each problem gets its
 * own, more specific id, so that scripts can react to exactly one kind of problem.
 */
public final class CheckIds {
  private CheckIds() {}

  /** The {@code _mta-sts} TXT record: one valid {@code v=STSv1} record is published. */
  public static final String STS_TXT = "sts-txt";
  /** The resolver could not answer for {@code _mta-sts} (operational). */
  public static final String STS_TXT_LOOKUP = "sts-txt.lookup";
  /** No {@code v=STSv1} TXT record: the domain publishes no MTA-STS policy. */
  public static final String STS_TXT_MISSING = "sts-txt.missing";
  /** More than one {@code v=STSv1} TXT record: senders ignore them all. */
  public static final String STS_TXT_COUNT = "sts-txt.count";
  /** The {@code v=STSv1} record does not parse, or parses with a warning. */
  public static final String STS_TXT_SYNTAX = "sts-txt.syntax";

  /** The policy host {@code mta-sts.<domain>} has no address, or the lookup failed. */
  public static final String POLICY_HOST_RESOLVE = "policy.host.resolve";
  /** The HTTPS fetch of the policy worked: status, headers, TLS version and certificate. */
  public static final String POLICY_FETCH = "policy.fetch";
  /** No TCP connection to the policy host, or the fetch timed out. */
  public static final String POLICY_FETCH_CONNECT = "policy.fetch.connect";
  /** The TLS handshake with the policy host failed for a reason other than its certificate. */
  public static final String POLICY_FETCH_TLS = "policy.fetch.tls";
  /** The policy host's certificate does not chain to a trusted root, or has expired. */
  public static final String POLICY_FETCH_CERT_CHAIN = "policy.fetch.cert-chain";
  /** The policy host's certificate is not valid for {@code mta-sts.<domain>}. */
  public static final String POLICY_FETCH_CERT_NAME = "policy.fetch.cert-name";
  /** The policy host's certificate expires soon. */
  public static final String POLICY_FETCH_CERT_EXPIRY = "policy.fetch.cert-expiry";
  /** The policy host answered with a status other than 200. */
  public static final String POLICY_FETCH_STATUS = "policy.fetch.status";
  /** The policy host answered with a redirect, which senders do not follow. */
  public static final String POLICY_FETCH_REDIRECT = "policy.fetch.redirect";
  /** The policy is not served as {@code text/plain} in UTF-8 or US-ASCII. */
  public static final String POLICY_FETCH_CONTENT_TYPE = "policy.fetch.content-type";
  /** The policy body is larger than senders read. */
  public static final String POLICY_FETCH_SIZE = "policy.fetch.size";
  /** The policy body parsed: mode, MX patterns and max_age. */
  public static final String POLICY = "policy";
  /**
   * The policy body does not parse, or parses with a warning (including advice on a valid policy:
   * a short max_age, redundant patterns; the testing or none mode as information).
   */
  public static final String POLICY_SYNTAX = "policy.syntax";

  /** The domain's MX records. */
  public static final String MX = "mx";
  /** The resolver could not answer for the domain's MX records (operational). */
  public static final String MX_LOOKUP = "mx.lookup";
  /** The domain has no MX records. */
  public static final String MX_MISSING = "mx.missing";
  /** The domain publishes a null MX (RFC 7505): it accepts no mail. */
  public static final String MX_NULL = "mx.null";
  /** Whether an MX host matches a pattern of the policy. */
  public static final String MX_COVERAGE = "mx.coverage";
  /** A non-wildcard pattern of the policy names a host that is not an MX of the domain. */
  public static final String MX_COVERAGE_UNUSED = "mx.coverage.unused-pattern";
  /** An MX host has no address, or its address lookup failed. */
  public static final String MX_RESOLVE = "mx.resolve";
  /** One MX address passed: STARTTLS, TLS version, certificate subject and expiry. */
  public static final String MX_TLS = "mx.tls";
  /** No TCP connection to an MX address within the connect timeout. */
  public static final String MX_TLS_CONNECT = "mx.tls.connect";
  /** This machine has no route to an MX address (often IPv6): not tested. */
  public static final String MX_TLS_NO_ROUTE = "mx.tls.no-route";
  /** The SMTP dialogue (banner, EHLO) failed or timed out. */
  public static final String MX_TLS_SMTP = "mx.tls.smtp";
  /** The MX does not offer or does not accept STARTTLS. */
  public static final String MX_TLS_STARTTLS = "mx.tls.starttls";
  /** The TLS handshake after STARTTLS failed. */
  public static final String MX_TLS_HANDSHAKE = "mx.tls.handshake";
  /** The MX certificate does not chain to a trusted root, or has expired. */
  public static final String MX_TLS_CERT_CHAIN = "mx.tls.cert-chain";
  /** The MX certificate is not valid for the MX host name. */
  public static final String MX_TLS_CERT_NAME = "mx.tls.cert-name";
  /** The MX certificate expires soon. */
  public static final String MX_TLS_CERT_EXPIRY = "mx.tls.cert-expiry";
  /** The scope left the STARTTLS probes of the MX hosts out: their TLS is not verified. */
  public static final String MX_TLS_NOT_PROBED = "mx.tls.not-probed";

  /** The {@code _smtp._tls} TXT record: one valid {@code v=TLSRPTv1} record is published. */
  public static final String TLSRPT = "tlsrpt";
  /** The resolver could not answer for {@code _smtp._tls} (operational). */
  public static final String TLSRPT_LOOKUP = "tlsrpt.lookup";
  /** No {@code v=TLSRPTv1} TXT record: nobody receives reports of failed deliveries. */
  public static final String TLSRPT_MISSING = "tlsrpt.missing";
  /** More than one {@code v=TLSRPTv1} TXT record: senders ignore them all. */
  public static final String TLSRPT_COUNT = "tlsrpt.count";
  /** The {@code v=TLSRPTv1} record does not parse, or parses with a warning. */
  public static final String TLSRPT_SYNTAX = "tlsrpt.syntax";

  /** The served policy body equals the expected one. */
  public static final String EXPECT_POLICY = "expect.policy";
  /** The {@code _mta-sts} id equals the expected one. */
  public static final String EXPECT_ID = "expect.id";
  /** The served body changed since the previous run while the {@code _mta-sts} id did not. */
  public static final String EXPECT_STALE_ID = "expect.stale-id";
}
