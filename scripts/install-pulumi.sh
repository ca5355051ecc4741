#!/usr/bin/env bash
# Builds the Pulumi CLI and the Java and YAML language hosts from their Go modules at pinned
# released versions, into a cache directory, and prints the directory that holds the
# binaries. A no-op when all three are already built.
#
# `go install module@version` refuses modules whose go.mod has replace directives, and
# the CLI's and the Java host's have some, so each main package is built from a small wrapper
# module that requires the released module and copies its non-local replaces.
#
# Usage: scripts/install-pulumi.sh            (prints the bin directory on stdout)
# Env:   MTASTS_TOOLS_DIR  cache root (default: $HOME/.cache/mtasts)
set -euo pipefail

# The Java language host is pinned to the same release as the Java SDK in pom.xml
# (com.pulumi:pulumi), and the CLI to the engine release that host was built against. The YAML
# host v1.25.0 is built against the Pulumi SDK v3.206.0 its go.mod requires; it speaks the
# language host protocol that CLI v3.205.0 speaks (the YAML end-to-end tests run the two together).
PULUMI_VERSION=v3.205.0
PULUMI_JAVA_VERSION=v1.17.0
PULUMI_YAML_VERSION=v1.25.0

# The machine's Go builds everything, never a toolchain downloaded because some go.mod asks for
# a newer one: a build that needs one fails here instead.
export GOTOOLCHAIN=local

root="${MTASTS_TOOLS_DIR:-$HOME/.cache/mtasts}/pulumi-${PULUMI_VERSION}-java-${PULUMI_JAVA_VERSION}-yaml-${PULUMI_YAML_VERSION}"
bin="$root/bin"
# Each binary is moved into place only when built, and the CLI carries its release version
# (stamped at link time), which is what makes this check a no-op only for a complete build of
# the pinned versions.
if [[ -x "$bin/pulumi" && -x "$bin/pulumi-language-java" && -x "$bin/pulumi-language-yaml" ]] &&
  [[ "$("$bin/pulumi" version 2>/dev/null)" == "$PULUMI_VERSION" ]]; then
  echo "$bin"
  exit 0
fi
mkdir -p "$bin"
log() { echo "install-pulumi: $*" >&2; }

# The checksum database has no entries for the pulumi-java module (its lookups answer 404),
# so only that module is exempt from it; every other module is verified as usual.
export GOFLAGS=-mod=mod GONOSUMDB=github.com/pulumi/pulumi-java CGO_ENABLED=0

# build_main WRAPPER_NAME MODULE VERSION MAIN_PACKAGE OUTPUT VERSION_VARIABLE [REPLACE...]
build_main() {
  local name=$1 module=$2 version=$3 main=$4 out=$5 version_var=$6
  shift 6
  local dir="$root/src/$name"
  rm -rf "$dir" && mkdir -p "$dir"
  {
    echo "module mtasts.local/$name"
    echo
    echo "go 1.24"
    echo
    echo "require $module $version"
    for r in "$@"; do echo "replace $r"; done
  } > "$dir/go.mod"
  # The tools-file idiom: records the main package as a dependency without compiling it.
  printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$main" > "$dir/tools.go"
  log "resolving $module $version"
  (cd "$dir" && go mod tidy >&2)
  log "compiling $main (several minutes on two cores)"
  # Built beside the target and moved into place, so a running binary is never overwritten.
  (cd "$dir" && go build -trimpath -ldflags "-X $version_var=$version" -o "$out.new" "$main" >&2)
  mv -f "$out.new" "$out"
}

# Replaces copied from pkg/go.mod of pulumi/pulumi at $PULUMI_VERSION; its local replace
# of the sdk (../sdk) is dropped, so its require of sdk/v3 at the same tag applies.
build_main pulumi-cli github.com/pulumi/pulumi/pkg/v3 "$PULUMI_VERSION" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$bin/pulumi" \
  github.com/pulumi/pulumi/sdk/v3/go/common/version.Version \
  "github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e"

# Replaces copied from pkg/go.mod of pulumi/pulumi-java at $PULUMI_JAVA_VERSION.
build_main pulumi-language-java github.com/pulumi/pulumi-java/pkg "$PULUMI_JAVA_VERSION" \
  github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java "$bin/pulumi-language-java" \
  github.com/pulumi/pulumi-java/pkg/version.Version \
  "github.com/Sirupsen/logrus => github.com/sirupsen/logrus v1.5.0" \
  "github.com/gogo/protobuf => github.com/gogo/protobuf v1.3.2"

# pulumi-yaml's go.mod has no replaces.
build_main pulumi-language-yaml github.com/pulumi/pulumi-yaml "$PULUMI_YAML_VERSION" \
  github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml "$bin/pulumi-language-yaml" \
  github.com/pulumi/pulumi-yaml/pkg/version.Version

"$bin/pulumi" version >&2
echo "$bin"
