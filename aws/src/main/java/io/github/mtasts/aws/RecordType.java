package io.github.mtasts.aws;

/** The Route 53 record types this package manages. */
public enum RecordType {
  /** Text: the {@code _mta-sts} (RFC 8461 §3.1) and {@code _smtp._tls} (RFC 8460 §3) records. */
  TXT,
  /** Canonical name: the policy host on other hosting, and ACM validation records. */
  CNAME,
  /** IPv4 address; here only as an alias to a CloudFront distribution. */
  A,
  /** IPv6 address; here only as an alias to a CloudFront distribution. */
  AAAA
}
