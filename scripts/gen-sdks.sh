#!/usr/bin/env bash
# Regenerates the Node.js, Python, Go and .NET SDKs of the package from its schema, the single
# source of every type, property and description, into sdks/<language>, with Pulumi's own code
# generators (tools/sdkgen, built by scripts/install-sdkgen.sh). The Java SDK is the sdk module's
# (scripts/gen-sdk.sh).
#
# The SDKs record the plugin version, the project's version in pom.xml, and, when
# MTASTS_PLUGIN_DOWNLOAD_URL is set (as the build's mtasts.pluginDownloadURL should be), where
# the engine may download the plugin. Each language's folder is replaced whole, so files the
# schema no longer yields disappear. The Go SDK's go.sum is what `go mod tidy` makes of the
# go.mod the generator writes. A test of the sdks module (GeneratedSdksTest) runs this script
# into an empty folder and fails when the checked-in SDKs differ.
#
# Usage: scripts/gen-sdks.sh [OUT_DIR]       (default: the sdks folder of this repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
schema="$root/provider/src/main/resources/io/github/mtasts/provider/schema.json"
target="${1:-$root/sdks}"
languages=(nodejs python go dotnet)

# The first <version> of the parent pom is the project's: it has no parent of its own.
version="$(sed -n 's:^ *<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
sdkgen="$("$root/scripts/install-sdkgen.sh")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$sdkgen" -schema "$schema" -version "$version" -logo "$root/sdks/logo.png" \
  -plugin-download-url "${MTASTS_PLUGIN_DOWNLOAD_URL:-}" -out "$out" "${languages[@]}"
(cd "$out/go" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod tidy >&2)

mkdir -p "$target"
for language in "${languages[@]}"; do
  rm -rf "${target:?}/$language"
  mv "$out/$language" "$target/$language"
done
echo "gen-sdks: generated the ${languages[*]} SDKs $version into $target" >&2
