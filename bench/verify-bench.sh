#!/usr/bin/env bash
# Benchmark of `mtasts verify` against the local laboratory (Knot DNS, HTTPS policy host,
# STARTTLS SMTP server) inside a network namespace this script creates, with a round-trip
# delay injected on its loopback by `tc netem`.
#
#   bench/verify-bench.sh [DELAY_MS] [DOMAINS]     (root; defaults: 25 ms each way, 200 domains)
#
# Reports:
#   1. one domain: the median verification wall time (one JVM, after warm-up) divided by the
#      longest dependent chain of round trips. That chain is 8 round trips: MX lookup, address
#      lookup of the MX, TCP connect, greeting, EHLO, STARTTLS, TLS 1.3 handshake, QUIT. The
#      other chains run beside it and are shorter (policy host: address lookup, TCP, TLS, GET).
#   2. DOMAINS domains with `mtasts verify --domains-file` at the default concurrency: wall time
#      (JVM start included), throughput, and the peak resident memory of that process.
set -euo pipefail
cd "$(dirname "$0")/.."

delay_ms=${1:-25}
count=${2:-200}
chain_round_trips=8

die() { echo "verify-bench: $*" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || die "run as root: it creates a network namespace and sets a qdisc"
command -v ip >/dev/null || die "ip not found: apt-get install iproute2"
command -v tc >/dev/null || die "tc not found: apt-get install iproute2"
[ -x /usr/bin/time ] || die "/usr/bin/time not found: apt-get install time"

./mvnw -q package -DskipTests
./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

ns="mtasts-bench-$$"
work=$(mktemp -d)
lab_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  [ -n "$lab_pid" ] && wait "$lab_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$ns"
ip netns exec "$ns" ip link set lo up
if ip netns exec "$ns" tc qdisc add dev lo root netem delay "${delay_ms}ms" 2>"$work/tc.err"; then
  echo "delay: ${delay_ms} ms each way on loopback (round trip $((2 * delay_ms)) ms)"
else
  echo "verify-bench: tc netem is not available on this kernel ($(cat "$work/tc.err"));" \
    "measuring WITHOUT injected delay, so the chain ratio below is not meaningful" >&2
  delay_ms=0
fi

# The laboratory runs in its own JVM until its standard input closes.
mkfifo "$work/lab.stdin"
ip netns exec "$ns" java -cp "$classpath" io.github.mtasts.verify.VerifyBench lab "$count" "$work/lab.env" \
  <"$work/lab.stdin" >"$work/lab.log" 2>&1 &
lab_pid=$!
exec 3>"$work/lab.stdin"
for _ in $(seq 1 600); do
  [ -s "$work/lab.env" ] && break
  kill -0 "$lab_pid" 2>/dev/null || { cat "$work/lab.log" >&2; die "the laboratory did not start"; }
  sleep 0.1
done
[ -s "$work/lab.env" ] || die "the laboratory did not start within 60 s"
lab_options=$(cat "$work/lab.env")

echo "== one domain (d1.bench.test), 10 runs after 3 warm-up runs"
ip netns exec "$ns" java -cp "$classpath" io.github.mtasts.verify.VerifyBench single "$work/lab.env" 10 \
  | tee "$work/single.out"
median=$(sed -n 's/^median_ms //p' "$work/single.out")
if [ "$delay_ms" -gt 0 ]; then
  chain_ms=$((chain_round_trips * 2 * delay_ms))
  echo "longest dependent chain: $chain_round_trips round trips = $chain_ms ms"
  echo "ratio wall/chain: $(awk -v m="$median" -v c="$chain_ms" 'BEGIN { printf "%.2f", m / c }')"
fi

echo "== $count domains, default concurrency, one process (JVM start included)"
# shellcheck disable=SC2086
/usr/bin/time -f "%e %M" -o "$work/time.out" \
  ip netns exec "$ns" bin/mtasts verify --domains-file "$work/domains.txt" $lab_options --json \
  >"$work/many.json" || die "mtasts verify reported errors: see the JSON summary: $(tail -12 "$work/many.json")"
read -r wall_s max_rss_kb <"$work/time.out"
echo "wall: ${wall_s} s"
echo "throughput: $(awk -v n="$count" -v w="$wall_s" 'BEGIN { printf "%.1f", n / w }') domains/s"
echo "peak memory (max RSS): $((max_rss_kb / 1024)) MiB"
