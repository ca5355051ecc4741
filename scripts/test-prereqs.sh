#!/usr/bin/env bash
# Installs what a module's tests run against, so that `./mvnw -B verify` works on a fresh
# machine: Maven runs this before each module's tests (phase generate-test-resources) with the
# tools that module needs, from the property mtasts.prereqs of its pom. Each step is a quick
# check when its tool is already there.
#
#   knot     the authoritative DNS server of the verifier tests (Debian package knot)
#   moto     moto in server mode, the AWS emulator, pinned into .venv/
#   pulumi   the Pulumi CLI and the Java and YAML language hosts, for the end-to-end tests
#            (scripts/install-pulumi.sh)
#   workerd  Cloudflare's Workers runtime (npm package workerd), pinned into .tools/workerd/,
#            which runs the policy Worker in the Cloudflare tests
#   dovecot  a real IMAP server for the reports tests (Debian package dovecot-imapd), started
#            by the tests on loopback with a throwaway certificate, user and port; the
#            package's own service, where an init system starts it, is not used
#   chromium headless Chromium, which opens the reports' HTML page in the tests and takes its
#            screenshot (Debian package chromium, and a font to draw text with)
#   sdkgen   Pulumi's Node.js, Python, Go and .NET code generators behind one command
#            (scripts/install-sdkgen.sh), for the test that regenerates the SDKs
#   typescript     tsc, Node's type declarations and the Pulumi Node.js SDK, pinned into
#                  .tools/nodejs/, that the generated Node.js SDK is compiled against
#   pulumi-python  the Pulumi Python SDK and the generated SDK's other requirements, pinned into
#                  the virtual environment .tools/python/, that the generated Python SDK is
#                  imported with
#   pulumi-go      the modules the generated Go SDK's go.sum names (the Pulumi Go SDK), in Go's
#                  module cache, that it is built with
#
# Usage: scripts/test-prereqs.sh [TOOL...]     (every tool above when none is named; `none` for
#        a module whose tests need nothing)
# Skip with: ./mvnw verify -Dmtasts.prereqs.skip=true (then provide them yourself).
set -euo pipefail
cd "$(dirname "$0")/.."

MOTO_VERSION=5.2.5
WORKERD_VERSION=1.20261117.1
# The Pulumi language SDKs at the release of the engine that scripts/install-pulumi.sh builds.
PULUMI_SDK_VERSION=3.205.0
TYPESCRIPT_VERSION=5.9.3
NODE_TYPES_VERSION=20.19.9
PARVER_VERSION=0.5
SETUPTOOLS_VERSION=80.9.0
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

knot() {
  if ! command -v knotd >/dev/null 2>&1 && [[ ! -x /usr/sbin/knotd ]]; then
    apt_install knot
  fi
}

moto() {
  if [[ ! -x .venv/bin/moto_server ]] ||
      ! compgen -G ".venv/lib/python3*/site-packages/moto-$MOTO_VERSION.dist-info" >/dev/null; then
    python3 -m venv .venv 2>/dev/null || { apt_install python3-venv && python3 -m venv .venv; }
    log "installing moto[server]==$MOTO_VERSION into .venv"
    .venv/bin/pip install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
  fi
}

pulumi() {
  scripts/install-pulumi.sh >/dev/null
}

# The npm package workerd carries the runtime's binary in a platform package
# (@cloudflare/workerd-linux-64 and the like); the tests start that binary directly.
workerd() {
  local installed=.tools/workerd/node_modules/workerd/package.json
  if [[ ! -f $installed ]] || ! grep -q "\"version\": \"$WORKERD_VERSION\"" "$installed"; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    log "installing workerd@$WORKERD_VERSION into .tools/workerd"
    mkdir -p .tools/workerd
    npm install --prefix .tools/workerd --no-audit --no-fund --no-save --loglevel=error \
      "workerd@$WORKERD_VERSION" >&2
  fi
}

dovecot() {
  [[ -x /usr/sbin/dovecot ]] || apt_install dovecot-imapd
}

chromium() {
  local missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  # Chromium draws text with the system's fonts; without any, the screenshot shows boxes.
  fc-list 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)
  if (( ${#missing[@]} > 0 )); then
    apt_install "${missing[@]}"
  fi
}

sdkgen() {
  scripts/install-sdkgen.sh >/dev/null
}

# A stamp file names what was installed, so a change of any pinned version reinstalls.
typescript() {
  local packages="typescript@$TYPESCRIPT_VERSION @types/node@$NODE_TYPES_VERSION @pulumi/pulumi@$PULUMI_SDK_VERSION"
  if [[ "$(cat .tools/nodejs/installed 2>/dev/null)" != "$packages" ]]; then
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    log "installing $packages into .tools/nodejs"
    mkdir -p .tools/nodejs
    # Split on purpose: a list of packages.
    npm install --prefix .tools/nodejs --no-audit --no-fund --no-save --loglevel=error $packages >&2
    echo "$packages" > .tools/nodejs/installed
  fi
}

pulumi-python() {
  local packages="pulumi==$PULUMI_SDK_VERSION parver==$PARVER_VERSION setuptools==$SETUPTOOLS_VERSION"
  if [[ "$(cat .tools/python/installed 2>/dev/null)" != "$packages" ]]; then
    rm -rf .tools/python
    python3 -m venv .tools/python 2>/dev/null || { apt_install python3-venv && python3 -m venv .tools/python; }
    log "installing $packages into .tools/python"
    # Split on purpose: a list of packages.
    .tools/python/bin/pip install -q --disable-pip-version-check $packages
    echo "$packages" > .tools/python/installed
  fi
}

pulumi-go() {
  command -v go >/dev/null 2>&1 || { log "install Go 1.24 or later: the generated Go SDK is built with it"; exit 1; }
  (cd sdks/go && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go mod download)
}

all=(knot moto pulumi workerd dovecot chromium sdkgen typescript pulumi-python pulumi-go)
[[ $# -gt 0 ]] || set -- "${all[@]}"
for tool in "$@"; do
  case $tool in
    knot | moto | pulumi | workerd | dovecot | chromium | sdkgen | typescript | pulumi-python | pulumi-go) "$tool" ;;
    none) ;;
    *) log "unknown prerequisite '$tool': the known ones are ${all[*]}"; exit 2 ;;
  esac
done
