#!/usr/bin/env bash
# Hostile input against the policy core, before and after its work was bounded: a 64 KiB policy
# of thousands of mx lines, policies of N mx names under a wildcard (each pattern used to be
# compared with every other, with a host check per pair), _mta-sts records of thousands of
# empty fields (each finding used to carry the whole record), and TXT RRsets of many records
# (the choice of the record used to be quadratic).
#
#   bench/policy-core.sh [BASE] [RUNS] [MX_SIZES] [RRSET_SIZES]
#   defaults: 833f625 (the policy core before the bounds), 3, 1000,2000, 20000,50000
#
# The policy module is JDK only: the script compiles its sources at BASE and in this checkout
# with the same javac, and bench/PolicyCoreBench.java runs both in one JVM, each in a class
# loader of its own, rounds interleaved. It prints per case the median time, the median memory
# the call allocated, and the findings returned (count/characters: what a JSON report of them
# holds), before and after, and the load average at start and end: ratios are what to read on
# a loaded machine. The before side of the larger sizes takes minutes; pass smaller sizes to
# try it quickly.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:-833f625}
runs=${2:-3}
mx_sizes=${3:-1000,2000}
rrset_sizes=${4:-20000,50000}
die() { echo "policy-core bench: $*" >&2; exit 2; }
git rev-parse --verify --quiet "$base^{commit}" >/dev/null || die "BASE '$base' is not a commit of this repository"
[[ $runs =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] && [ "$runs" -le 51 ] || die "RUNS '$runs' is out of range: use 1 to 51"
[[ $mx_sizes =~ ^([0-9]+(,[0-9]+)*)?$ ]] || die "MX_SIZES '$mx_sizes' is not a comma-separated list of counts"
[[ $rrset_sizes =~ ^([0-9]+(,[0-9]+)*)?$ ]] || die "RRSET_SIZES '$rrset_sizes' is not a comma-separated list of counts"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/before-src" "$work/before" "$work/after" "$work/bench"
git archive "$base" policy/src/main/java | tar -x -C "$work/before-src"
javac -nowarn -encoding UTF-8 -d "$work/before" $(find "$work/before-src" -name '*.java')
javac -nowarn -encoding UTF-8 -d "$work/after" $(find policy/src/main/java -name '*.java')
javac -encoding UTF-8 -d "$work/bench" bench/PolicyCoreBench.java

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "before: $(git log -1 --format='%h %s' "$base")"
echo "after:  this checkout ($(git log -1 --format='%h' HEAD)$(git diff --quiet HEAD -- policy/src/main || echo ', with uncommitted changes'))"
echo "command: java -Xmx3g PolicyCoreBench (runs $runs, mx $mx_sizes, rrset $rrset_sizes)"
echo
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx3g -cp "$work/bench" PolicyCoreBench \
  "$work/before" "$work/after" "$runs" "$mx_sizes" "$rrset_sizes"
echo
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
