/**
 * The record resource over any DNS service: {@link io.github.mtasts.provider.dns.RecordResource}
 * checks a record's inputs by the rules every service shares (TXT values at {@code _mta-sts} and
 * {@code _smtp._tls} must hold exactly one valid record of the protocol, RFC 8461 §3.1 and RFC
 * 8460 §3; a CNAME has one target, RFC 1034 §3.6.2), decides what a change replaces, and runs
 * create, read, update and delete against the service's {@link io.github.mtasts.dns.RecordStore}.
 * A service plugs in as a {@link io.github.mtasts.provider.dns.RecordService}: Route 53 for
 * {@code mtasts:aws:Record} ({@link io.github.mtasts.provider.aws.Route53RecordService}).
 */
package io.github.mtasts.provider.dns;
