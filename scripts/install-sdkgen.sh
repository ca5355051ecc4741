#!/usr/bin/env bash
# Builds tools/sdkgen, which writes the package's Node.js, Python, Go and .NET SDKs with Pulumi's
# own code generators, into a cache directory keyed by its sources, and prints the binary's path.
# A no-op when that build exists.
#
# Go 1.26 changed path/filepath.Rel to return a clean path: Rel("aws", "") is now ".." where it
# was "../.". The Node.js and Python generators of Pulumi v3.205.0 take path.Dir of that result
# to reach the package root from a nested module, so built with Go 1.26 they write
# `from . import _utilities` and "./types/input" in aws/ instead of `from .. import _utilities`
# and "../types/input", and those SDKs do not compile. The build therefore compiles a vendored
# copy of its modules in which the three calls Rel(mod.mod, "") of those two generators read
# Rel(mod.mod, "_"), whose path.Dir is the package root under every Go release. (go build's
# -overlay would be lighter, but it refuses to replace files of the module cache.)
#
# Usage: scripts/install-sdkgen.sh            (prints the binary's path on stdout)
# Env:   MTASTS_TOOLS_DIR  cache root (default: $HOME/.cache/mtasts)
set -euo pipefail
src="$(cd "$(dirname "$0")/../tools/sdkgen" && pwd)"
log() { echo "install-sdkgen: $*" >&2; }

# The machine's Go, as in scripts/install-pulumi.sh; go.sum pins every module.
export GOTOOLCHAIN=local GOFLAGS=-mod=readonly CGO_ENABLED=0
key="$(cat "$src/go.mod" "$src/go.sum" "$src"/*.go "$0" | sha256sum | cut -c1-16)"
dir="${MTASTS_TOOLS_DIR:-$HOME/.cache/mtasts}/sdkgen-$key"
if [[ -x "$dir/sdkgen" ]]; then
  echo "$dir/sdkgen"
  exit 0
fi
build="$dir/build"
rm -rf "$build" && mkdir -p "$build"
cp "$src/go.mod" "$src/go.sum" "$src"/*.go "$build/"

log "vendoring the modules of tools/sdkgen"
(cd "$build" && go mod vendor >&2)
for language in nodejs python; do
  generator="$build/vendor/github.com/pulumi/pulumi/pkg/v3/codegen/$language/gen.go"
  before="$(cat "$generator")"
  sed -i 's/filepath\.Rel(mod\.mod, "")/filepath.Rel(mod.mod, "_")/g' "$generator"
  if [[ "$(cat "$generator")" == "$before" ]]; then
    log "$generator calls filepath.Rel(mod.mod, \"\") no more: review this script's patch"
    exit 1
  fi
done

log "compiling tools/sdkgen (minutes on two cores the first time)"
# Built beside the target and moved into place, so a running binary is never overwritten.
(cd "$build" && go build -mod=vendor -trimpath -o "$dir/sdkgen.new" . >&2)
mv -f "$dir/sdkgen.new" "$dir/sdkgen"
rm -rf "$build"
echo "$dir/sdkgen"
