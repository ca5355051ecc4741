#!/usr/bin/env bash
# Installs what the tests of the reports package run against, when missing; scripts/test-prereqs.sh
# calls it, so `./mvnw -B verify` installs it on a fresh machine. Each step is a quick check when
# its tool is already there.
#
#   dovecot       a real IMAP server for the IMAP source tests (Debian package dovecot-imapd),
#                 started by the tests on loopback with a throwaway certificate, user and port;
#                 the package's own service, where the init system starts it, is not used
#   chromium      headless Chromium opens the HTML summary page in the tests and takes its
#                 screenshot (Debian package chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "test-prereqs-reports: $*" >&2; }

# apt_install PACKAGE...: installs Debian packages, as root or through sudo.
apt_install() {
  command -v apt-get >/dev/null 2>&1 ||
    { log "install these packages with your system's package manager: $*"; exit 1; }
  local sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  log "installing Debian packages: $*"
  # The package lists of a fresh machine are empty until the first update.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
[[ -x /usr/sbin/dovecot ]] || missing+=(dovecot-imapd)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
# Chromium draws text with the system's fonts; without any, the screenshot shows boxes.
fc-list 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)
if (( ${#missing[@]} > 0 )); then
  apt_install "${missing[@]}"
fi
