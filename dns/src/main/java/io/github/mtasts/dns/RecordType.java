package io.github.mtasts.dns;

/** The record types mtasts publishes in a DNS service. */
public enum RecordType {
  /** Text: the {@code _mta-sts} (RFC 8461 §3.1) and {@code _smtp._tls} (RFC 8460 §3) records. */
  TXT,
  /** Canonical name: the policy host served elsewhere, and certificate validation records. */
  CNAME
}
