#!/usr/bin/env bash
# Cost of the mtasts plugin in `pulumi preview`: the same Java program declaring 50 Policy
# resources and declaring none, previewed RUNS times each with the real engine; prints the
# median wall time of each and their ratio. Both include the engine, the Java language host
# and the program's JVM; only the 50-resource run starts the plugin (its JVM) and has it check
# and diff 50 resources, so the difference is what the plugin adds to a preview.
#
# Usage: bench/preview-policies.sh [RUNS]   (default 5; needs program/target/mtasts-program.jar
#        and the plugin: ./mvnw -q package -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
count=50
jar="$here/program/target/mtasts-program.jar"
[[ -f "$jar" ]] || { echo "bench: $jar missing; run ./mvnw -q package -DskipTests" >&2; exit 2; }
pulumi_bin=$("$here/scripts/install-pulumi.sh")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work/classes" -cp "$jar" "$here/bench/PolicyFleet.java"
printf 'Main-Class: PolicyFleet\nClass-Path: %s\n' "$jar" > "$work/manifest.txt"
jar cfm "$work/app.jar" "$work/manifest.txt" -C "$work/classes" .

export PATH="$here/bin:$pulumi_bin:$PATH"
export PULUMI_HOME="$work/home" PULUMI_BACKEND_URL="file://$work/state"
export PULUMI_CONFIG_PASSPHRASE=bench PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
mkdir -p "$work/project" "$work/state"
cat > "$work/project/Pulumi.yaml" <<YAML
name: mtasts-bench
runtime:
  name: java
  options:
    binary: $work/app.jar
plugins:
  providers:
    - name: mtasts
      path: $here/bin
YAML
cd "$work/project"
pulumi --non-interactive stack init bench >/dev/null 2>&1

# median_seconds N: previews RUNS times with count=N after one warm-up; prints the median.
median_seconds() {
  pulumi --non-interactive config set count "$1" >/dev/null
  pulumi --non-interactive preview >/dev/null
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s.%N)
    pulumi --non-interactive preview >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN {print e - s}')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f\n", m}'
}

none=$(median_seconds 0)
fleet=$(median_seconds "$count")
echo "command: pulumi preview (median of $runs runs each, after one warm-up run)"
echo "0 Policy resources:  ${none} s"
echo "$count Policy resources: ${fleet} s"
echo "ratio: $(awk -v f="$fleet" -v n="$none" 'BEGIN {printf "%.2f\n", f / n}')"
