package io.github.mtasts.e2e;

import java.util.Optional;

/**
 * What a sender could have seen at one moment: the policy body a policy host served, and the
 * {@code _mta-sts} TXT record DNS held as it served it (RFC 8461 §3.1: a sender that sees a new
 * id fetches the policy at once, so a new id must never be seen with an old body).
 *
 * @param body the body served
 * @param stsTxt the TXT record's value in master-file form, if there was one
 */
record Observation(String body, Optional<String> stsTxt) {}
