#!/usr/bin/env bash
# Installs what the test suite runs against, so that `./mvnw -B verify` works on a fresh
# machine: Maven runs this before the tests (phase generate-test-resources). Each step is
# a quick check when its tool is already there.
#
#   knotd         the authoritative DNS server of the verifier tests (Debian package knot)
#   .venv/        moto in server mode, the AWS emulator of the aws tests (pinned)
#   pulumi CLI    and the Java language host, for the end-to-end tests (scripts/install-pulumi.sh)
#   dovecot, chromium  the IMAP server and browser of the reports tests
#                 (scripts/test-prereqs-reports.sh)
#
# Skip with: ./mvnw verify -Dmtasts.prereqs.skip=true (then provide them yourself).
set -euo pipefail
cd "$(dirname "$0")/.."

MOTO_VERSION=5.2.5
log() { echo "test-prereqs: $*" >&2; }

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

if ! command -v knotd >/dev/null 2>&1 && [[ ! -x /usr/sbin/knotd ]]; then
  apt_install knot
fi

if [[ ! -x .venv/bin/moto_server ]] ||
    ! compgen -G ".venv/lib/python3*/site-packages/moto-$MOTO_VERSION.dist-info" >/dev/null; then
  python3 -m venv .venv 2>/dev/null || { apt_install python3-venv && python3 -m venv .venv; }
  log "installing moto[server]==$MOTO_VERSION into .venv"
  .venv/bin/pip install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

scripts/test-prereqs-reports.sh

scripts/install-pulumi.sh >/dev/null
