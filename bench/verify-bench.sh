#!/usr/bin/env bash
# Benchmark of `mtasts verify` against the local laboratory on loopback: Knot DNS, an HTTPS
# policy host (MockWebServer) and a STARTTLS SMTP server (SubEthaSMTP), reached either directly
# or through delaying relays that stand for a network path with a given round-trip time (RTT).
#
#   bench/verify-bench.sh [RTTS_MS] [DOMAINS] [RUNS]    (defaults: 50,100  200  11)
#
# Needs knot (Debian package `knot`) and GNU time (`time`, for the peak memory figure: the
# script installs it with apt-get when /usr/bin/time is missing and it runs as root, otherwise
# it stops and says so). Everything listens on 127.0.0.0/8; nothing else is contacted.
#
# The delay is injected in user space (this kernel has no netem qdisc). The laboratory JVM
# starts, for 0 ms and for each RTT, one set of relays (src/test/.../LabRelays.java) on the
# servers' own addresses, on ports of their own; the verifier takes a path by its --resolver,
# --https-port and --smtp-port options (the zone's addresses are the same for every path):
#   - DNS over UDP (DelayingDnsRelay): each query reaches Knot RTT/2 after it was sent, each
#     answer reaches its client RTT/2 after Knot sent it; DNS over TCP goes through a TCP relay.
#   - TCP (DelayingTcpRelay), in front of the HTTPS, SMTP and DNS servers: each chunk of bytes is
#     forwarded RTT/2 after it arrived, in order, in both directions. The TCP handshake is
#     modelled: the relay connects to the server 1.5 RTT after accepting (SYN, SYN-ACK, ACK) and
#     forwards no client byte before then, so a greeting or the answer to the first bytes comes
#     as late as over a real path. Only the client's connect() returns early, so client work
#     between connect and its first write (building the TLS ClientHello) is hidden by the
#     modelled handshake instead of following it: a few ms at most.
#   - Not modelled: bandwidth, loss, retransmission, the congestion window, the closing
#     handshake's timing. The relays' own cost shows in the "relay-0ms" path.
#
# Longest dependent chain of one verification, in round trips (this laboratory: one MX host with
# one IPv4 address, no CNAME, TLS 1.3 everywhere, answers in one datagram):
#   MX lookup (1) -> A and AAAA of the MX host, together (1) -> TCP handshake and 220 greeting
#   (2: the server speaks only once the handshake's last ACK arrives) -> EHLO (1) -> STARTTLS (1)
#   -> TLS 1.3 handshake (1) -> QUIT and its 221 (1; sent with the client's Finished)  = 8.
# Beside it: the _mta-sts and _smtp._tls TXT lookups (1 each, in parallel), and the policy chain
# A/AAAA of mta-sts.<domain> (1) -> TCP (1) -> TLS 1.3 (1) -> HTTP GET (1) = 4.
# So a verification that runs its independent lookups in parallel takes about 8 RTT plus its
# CPU time (the "direct" path's time is that CPU time plus the servers' on loopback).
#
# Reports:
#   1. one domain: per path (direct, relay-0ms, relay-RTT...), one JVM, rounds interleaved over
#      the paths: the median and fastest Report.elapsed(), and each divided by 8 x RTT; then
#      each step timed alone, in RTTs, which checks the relays' model (expect 1, 4 and 6).
#   2. DOMAINS domains with `bin/mtasts verify --domains-file` at the default concurrency, once
#      per path: wall time (JVM start included), throughput, peak resident memory (GNU time's
#      maximum RSS of the process).
set -euo pipefail
cd "$(dirname "$0")/.."

rtts=${1:-50,100}
count=${2:-200}
runs=${3:-11}
chain_round_trips=8

die() { echo "verify-bench: $*" >&2; exit 2; }
[[ $rtts =~ ^[0-9]+(,[0-9]+)*$ ]] || die "RTTS_MS '$rtts' is not a comma-separated list of milliseconds, e.g. 50,100"
for rtt in ${rtts//,/ }; do
  # The verifier's default DNS timeout is 5 s; a round trip near it measures timeouts, not the chain.
  [ "$rtt" -ge 1 ] && [ "$rtt" -le 1000 ] || die "RTTS_MS: $rtt ms is out of range: use 1 to 1000 (0 is always run)"
done
[[ $count =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] && [ "$count" -le 1000 ] \
  || die "DOMAINS '$count' is out of range: use 1 to 1000"
[[ $runs =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] && [ "$runs" -le 101 ] || die "RUNS '$runs' is out of range: use 1 to 101"
if [ ! -x /usr/bin/time ]; then
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null \
    || die "/usr/bin/time not found: install the Debian package 'time' (apt-get install time)"
  echo "verify-bench: installing the Debian package 'time' for /usr/bin/time" >&2
  { apt-get update -qq && apt-get install -y -qq time >/dev/null; } || die "apt-get install time failed"
fi

# The verifier's test classes (the benchmark driver) with the test laboratory they run. The
# project's own modules come from this checkout's build, not from the local Maven repository,
# which another checkout's install may have replaced since.
./mvnw -q install -DskipTests
./mvnw -q -pl verify dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.excludeGroupIds=io.github.mtasts -Dmdep.outputFile=target/bench-classpath.txt
modules="verify/target/test-classes:verify/target/classes:policy/target/classes:testlab/target/classes"
classpath="$modules:$(cat verify/target/bench-classpath.txt)"

work=$(mktemp -d)
lab_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$lab_pid" ]; then
    # The laboratory ends when its standard input closes; give it 30 s, then stop it.
    for _ in $(seq 1 300); do kill -0 "$lab_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$lab_pid" 2>/dev/null || true
    wait "$lab_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

# The laboratory runs in its own JVM until its standard input closes.
mkfifo "$work/lab.stdin"
java -cp "$classpath" io.github.mtasts.verify.VerifyBench lab "$count" "$work" "0,$rtts" \
  <"$work/lab.stdin" >"$work/lab.log" 2>&1 &
lab_pid=$!
exec 3>"$work/lab.stdin"
for _ in $(seq 1 600); do
  [ -s "$work/paths.txt" ] && break
  kill -0 "$lab_pid" 2>/dev/null || { cat "$work/lab.log" >&2; die "the laboratory did not start"; }
  sleep 0.1
done
[ -s "$work/paths.txt" ] || die "the laboratory did not start within 60 s"

echo
timeout 1800 java -cp "$classpath" io.github.mtasts.verify.VerifyBench single "$work" "$runs" "$chain_round_trips" \
  || die "the one-domain benchmark failed (exit $?)"

echo
echo "$count domains, default concurrency, one process per path (JVM start included)"
printf '%-12s %6s %8s %14s %12s\n' path rtt_ms wall_s domains_per_s max_rss_mib
while read -r name rtt options; do
  # shellcheck disable=SC2086
  timeout 900 /usr/bin/time -f "%e %M" -o "$work/time.out" \
    bin/mtasts verify --domains-file "$work/domains.txt" $options --json </dev/null >"$work/many.json" \
    || die "$name: mtasts verify reported errors or failed: $(tail -12 "$work/many.json")"
  read -r wall_s max_rss_kb <"$work/time.out"
  printf '%-12s %6s %8s %14s %12s\n' "$name" "$rtt" "$wall_s" \
    "$(awk -v n="$count" -v w="$wall_s" 'BEGIN { printf "%.1f", n / w }')" "$((max_rss_kb / 1024))"
done <"$work/paths.txt"
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
