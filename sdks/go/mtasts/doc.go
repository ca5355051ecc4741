// MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for a mail domain: the policy, its DNS records and hosting, and a live verification of what senders see.
package mtasts
