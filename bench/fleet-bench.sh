#!/usr/bin/env bash
# mtasts against checkdmarc 6.0.4 (a Python checker of the same records, installed pinned into a
# virtual environment under target/) on the same generated fleet, side by side, interleaved:
#
#   bench/fleet-bench.sh [DOMAINS] [ROUNDS] [SOAK_RUNS]    (defaults: 1000  3  10)
#
#   1. Cold start, one domain: `mtasts verify`, `mtasts lint` (the same domain's policy) and
#      checkdmarc on that domain, each a new process, ROUNDS x 3 rounds interleaved (after one
#      warm-up round each, which also records mtasts' class-data archive); median and fastest
#      wall times, and each mtasts median divided by checkdmarc's.
#   2. Throughput, DOMAINS domains: checkdmarc checks one domain at a time per process, so it
#      runs as 4, 8 and 16 processes over slices of the list, once each, and the fastest count
#      is its best parallel setting; then ROUNDS rounds, each `mtasts verify --domains-file`
#      (default concurrency) and checkdmarc at its best setting: wall time, domains per second,
#      peak resident memory (GNU time's maximum RSS; for checkdmarc the sum over its processes),
#      and every verdict checked (mtasts: no error but the planted ones, no operational failure;
#      checkdmarc: a valid MTA-STS policy and STARTTLS everywhere but the planted bad MX).
#   3. The floor: the client CPU of one policy fetch (a TLS handshake, nothing shared), with
#      bin/mtasts's JVM options and with C2, and the throughput that CPU caps on this machine.
#   4. Under load: SOAK_RUNS runs of `mtasts verify --domains-file --concurrency 64` while
#      busy loops (one per core) load the machine; every domain is reachable, so any operational
#      failure is a false one.
#
# The fleet (testlab FleetLab): domains d1.fleet.test ..., each with its own policy host (one
# HTTPS server presenting each host's certificate by SNI) in enforce mode, a TLS-RPT record, and
# the two MX hosts of one of 20 mail providers; the second MX of provider 0 presents a
# certificate for another name, so every 20th domain must fail. Knot DNS, the HTTPS server and
# 40 STARTTLS SMTP servers listen on their standard ports on 127.77.0.0/16: checkdmarc has no
# port options and resolves the policy and MX hosts with the system resolver, so it runs in a
# mount namespace whose /etc/resolv.conf names the fleet's DNS server. Hence: run as root.
# Nothing but loopback is contacted (pip aside, once, to install checkdmarc).
#
# The laboratory's servers run in a JVM of their own, on the newest JDK found (its TLS is the
# fastest: the servers' handshakes share the machine with the tools measured). MTASTS overrides
# the command that runs mtasts (default bin/mtasts); MTASTS_BEFORE names another build to
# measure beside it in parts 1 and 2, interleaved (before and after a change, on one load):
#   MTASTS_BEFORE="java -jar old/mtasts.jar" bench/fleet-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-1000}
rounds=${2:-3}
soak_runs=${3:-10}
checkdmarc_version=6.0.4
read -r -a mtasts <<<"${MTASTS:-bin/mtasts}"
read -r -a before <<<"${MTASTS_BEFORE:-}"

die() { echo "fleet-bench: $*" >&2; exit 2; }
[[ $count =~ ^[0-9]+$ ]] && [ "$count" -ge 20 ] && [ "$count" -le 5000 ] || die "DOMAINS '$count': use 20 to 5000"
[[ $rounds =~ ^[0-9]+$ ]] && [ "$rounds" -ge 1 ] && [ "$rounds" -le 50 ] || die "ROUNDS '$rounds': use 1 to 50"
[[ $soak_runs =~ ^[0-9]+$ ]] && [ "$soak_runs" -le 100 ] || die "SOAK_RUNS '$soak_runs': use 0 to 100"
[ "$(id -u)" -eq 0 ] || die "run as root: the fleet binds ports 25, 53 and 443, and checkdmarc runs in a mount namespace"
command -v knotd >/dev/null || [ -x /usr/sbin/knotd ] || die "knotd not found: apt-get install knot"
command -v unshare >/dev/null || die "unshare not found (util-linux)"
if [ ! -x /usr/bin/time ]; then
  echo "fleet-bench: installing the Debian package 'time' for /usr/bin/time" >&2
  { apt-get update -qq && apt-get install -y -qq time >/dev/null; } || die "apt-get install time failed"
fi

# checkdmarc, pinned, in a virtual environment of its own.
venv=target/bench/checkdmarc-$checkdmarc_version
if [ ! -x "$venv/bin/checkdmarc" ]; then
  echo "fleet-bench: installing checkdmarc $checkdmarc_version into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "checkdmarc==$checkdmarc_version" || die "pip install checkdmarc==$checkdmarc_version failed"
fi

# This checkout's modules, in one reactor (not from the local Maven repository, which another
# checkout's install may have replaced).
./mvnw -q -pl policy,testlab,verify,cli -am package -DskipTests -Dmtasts.prereqs.skip=true
./mvnw -q -pl verify dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.excludeGroupIds=io.github.mtasts -Dmdep.outputFile=target/bench-classpath.txt
classpath="verify/target/test-classes:verify/target/classes:policy/target/classes:testlab/target/classes"
classpath="$classpath:$(cat verify/target/bench-classpath.txt)"
lab_java=java
for jdk in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /usr/lib/jvm/*-21-*; do
  [ -x "$jdk/bin/java" ] && { lab_java=$jdk/bin/java; break; }
done

work=$(mktemp -d)
lab_pid=""
burners=()
cleanup() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  exec 3>&- 2>/dev/null || true
  if [ -n "$lab_pid" ]; then
    for _ in $(seq 1 300); do kill -0 "$lab_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$lab_pid" 2>/dev/null || true
    wait "$lab_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, load average $(load) at start; mtasts run as: ${mtasts[*]}${MTASTS_BEFORE:+; before: ${before[*]}}"
echo "laboratory JVM: $lab_java"

mkfifo "$work/lab.stdin"
"$lab_java" -cp "$classpath" io.github.mtasts.verify.FleetBench lab "$count" "$work" <"$work/lab.stdin" >"$work/lab.log" 2>&1 &
lab_pid=$!
exec 3>"$work/lab.stdin"
for _ in $(seq 1 1200); do
  [ -s "$work/ca.txt" ] && break
  kill -0 "$lab_pid" 2>/dev/null || { cat "$work/lab.log" >&2; die "the fleet did not start (ports 25, 53, 443 of 127.77.x.x taken?)"; }
  sleep 0.1
done
[ -s "$work/ca.txt" ] || die "the fleet did not start within 120 s"
ca=$(cat "$work/ca.txt")
resolver=127.77.0.53
echo "nameserver $resolver" >"$work/resolv.conf"
policy=$'version: STSv1\nmode: enforce\nmx: mx1.p1.fleet-mx.test\nmx: mx2.p1.fleet-mx.test\nmax_age: 604800\n'
printf '%s' "$policy" >"$work/policy.txt"

# Runs checkdmarc in a mount namespace whose resolver is the fleet's, trusting the fleet's CA.
checkdmarc_ns() {
  SSL_CERT_FILE=$ca REQUESTS_CA_BUNDLE=$ca unshare -m sh -c \
    'mount --bind "$0" /etc/resolv.conf && exec "$@"' "$work/resolv.conf" "$@"
}
mtasts_verify() { "${mtasts[@]}" verify --resolver "$resolver" --ca-file "$ca" "$@"; }
# Times one command in milliseconds; fails the benchmark, naming it, when it fails.
timed() {
  local name=$1 t0 t1; shift
  t0=$(millis)
  "$@" >"$work/timed.out" 2>&1 || die "$name failed: $(tail -5 "$work/timed.out")"
  t1=$(millis)
  echo $((t1 - t0))
}
millis() { date +%s%3N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# ---- 1. cold start, one domain ----------------------------------------------------------------
one=d1.fleet.test
cold_rounds=$((rounds * 3))
: >"$work/cold.verify"; : >"$work/cold.lint"; : >"$work/cold.checkdmarc"; : >"$work/cold.before-verify"; : >"$work/cold.before-lint"
for round in $(seq 0 "$cold_rounds"); do
  v=$(timed "mtasts verify $one" mtasts_verify "$one")
  l=$(timed "mtasts lint" "${mtasts[@]}" lint --kind policy "$work/policy.txt")
  c=$(timed "checkdmarc $one" checkdmarc_ns "$venv/bin/checkdmarc" "$one" --check-mx-tls -n "$resolver")
  if [ ${#before[@]} -gt 0 ]; then
    bv=$(timed "before: mtasts verify $one" "${before[@]}" verify --resolver "$resolver" --ca-file "$ca" "$one")
    bl=$(timed "before: mtasts lint" "${before[@]}" lint --kind policy "$work/policy.txt")
  fi
  if [ "$round" -gt 0 ]; then # round 0 warms the page cache (and records mtasts' class archive)
    echo "$v" >>"$work/cold.verify"; echo "$l" >>"$work/cold.lint"; echo "$c" >>"$work/cold.checkdmarc"
    if [ ${#before[@]} -gt 0 ]; then echo "$bv" >>"$work/cold.before-verify"; echo "$bl" >>"$work/cold.before-lint"; fi
  fi
done
cd_median=$(median <"$work/cold.checkdmarc")
echo
echo "1. one domain from a cold start: $cold_rounds rounds interleaved (ms)"
printf '%-22s %9s %7s %20s\n' command median_ms min_ms median/checkdmarc
names="verify lint checkdmarc"; [ ${#before[@]} -gt 0 ] && names="$names before-verify before-lint"
for name in $names; do
  m=$(median <"$work/cold.$name")
  label="mtasts $name"; [ "$name" = checkdmarc ] && label="checkdmarc $checkdmarc_version"
  case $name in before-*) label="before: mtasts ${name#before-}" ;; esac
  printf '%-22s %9s %7s %20s\n' "$label" "$m" "$(sort -n "$work/cold.$name" | head -1)" "$(ratio "$m" "$cd_median")"
done

# ---- 2. throughput -----------------------------------------------------------------------------
domains="$work/domains.txt"
check_mtasts() { java -cp "$classpath" io.github.mtasts.verify.FleetBench check "$count" "$1"; }
check_checkdmarc() {
  python3 - "$@" <<'EOF'
import json, sys
results = []
for path in sys.argv[1:]:
    data = json.load(open(path))
    results.extend(data if isinstance(data, list) else [data])
wrong = []
for r in results:
    provider = int(r["domain"][1:r["domain"].index(".")]) % 20
    starttls = {h["hostname"]: h.get("starttls") for h in r["mx"].get("hosts", [])}
    want = {f"mx{m}.p{provider}.fleet-mx.test": not (provider == 0 and m == 2) for m in (1, 2)}
    if not r["mta_sts"].get("valid") or starttls != want:
        wrong.append(r["domain"])
print(f"verdicts: {len(results) - len(wrong)} of {len(results)} right" + (f"; wrong: {wrong[:5]}" if wrong else ""))
sys.exit(1 if wrong else 0)
EOF
}
# checkdmarc over P slices in P processes; prints "wall_s rss_sum_mib rss_max_mib".
run_checkdmarc() {
  local p=$1 dir="$work/cd-$1"
  rm -rf "$dir"; mkdir -p "$dir"
  split -n "r/$p" -d -a 3 "$domains" "$dir/slice-"
  local t0 t1
  t0=$(millis)
  # shellcheck disable=SC2016
  checkdmarc_ns sh -c 'for f in "$1"/slice-*; do
      /usr/bin/time -f "%M" -o "$f.time" "$2" "$f" --check-mx-tls -n "$3" >"$f.json" 2>"$f.err" &
    done; wait' sh "$dir" "$venv/bin/checkdmarc" "$resolver"
  t1=$(millis)
  check_checkdmarc "$dir"/slice-*.json >"$dir/verdicts" || die "checkdmarc ($p processes): $(cat "$dir/verdicts")"
  local sum max
  sum=$(cat "$dir"/slice-*.time | awk '{ s += $1 } END { print int(s / 1024) }')
  max=$(cat "$dir"/slice-*.time | sort -n | tail -1 | awk '{ print int($1 / 1024) }')
  echo "$(awk -v ms=$((t1 - t0)) 'BEGIN { printf "%.2f", ms / 1000 }') $sum $max"
}
# mtasts (or, with "before" as the first argument, the build before) over the whole list;
# prints "wall_s rss_mib".
run_mtasts() {
  local command=("${mtasts[@]}")
  if [ "${1:-}" = before ]; then command=("${before[@]}"); shift; fi
  /usr/bin/time -f "%e %M" -o "$work/mtasts.time" "${command[@]}" verify --domains-file "$domains" \
    --resolver "$resolver" --ca-file "$ca" --json "$@" </dev/null >"$work/mtasts.json" 2>"$work/mtasts.err" || true
  check_mtasts "$work/mtasts.json" >"$work/mtasts.verdicts" 2>&1 || true
  # GNU time puts "Command exited with non-zero status 1" first when errors were found.
  read -r wall rss_kb < <(tail -1 "$work/mtasts.time")
  echo "$wall $((rss_kb / 1024))"
}

echo
echo "2. $count domains; checkdmarc's parallel settings, once each:"
best_p=""; best_wall=""
for p in 4 8 16; do
  read -r wall sum max < <(run_checkdmarc "$p")
  echo "   $p processes: ${wall} s, $(awk -v n="$count" -v w="$wall" 'BEGIN { printf "%.1f", n / w }') domains/s, peak RSS ${sum} MiB in all (${max} MiB the largest)"
  if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then best_p=$p; best_wall=$wall; fi
done
echo "   best: $best_p processes"
printf '%-7s %-24s %8s %10s %14s  %s\n' round tool wall_s domains/s peak_rss_mib verdicts
: >"$work/tp.mtasts"; : >"$work/tp.checkdmarc"; : >"$work/rss.mtasts"; : >"$work/rss.checkdmarc"; : >"$work/tp.before"
for round in $(seq 1 "$rounds"); do
  if [ ${#before[@]} -gt 0 ]; then
    read -r wall rss < <(run_mtasts before)
    echo "$wall" >>"$work/tp.before"
    printf '%-7s %-24s %8s %10s %14s  %s\n' "$round" "before: mtasts" "$wall" \
      "$(awk -v n="$count" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')" "$rss" "$(cat "$work/mtasts.verdicts")"
  fi
  read -r wall rss < <(run_mtasts)
  echo "$wall" >>"$work/tp.mtasts"; echo "$rss" >>"$work/rss.mtasts"
  printf '%-7s %-24s %8s %10s %14s  %s\n' "$round" "mtasts" "$wall" \
    "$(awk -v n="$count" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')" "$rss" "$(cat "$work/mtasts.verdicts")"
  read -r wall sum max < <(run_checkdmarc "$best_p")
  echo "$wall" >>"$work/tp.checkdmarc"; echo "$sum" >>"$work/rss.checkdmarc"
  printf '%-7s %-24s %8s %10s %14s  %s\n' "$round" "checkdmarc x$best_p" "$wall" \
    "$(awk -v n="$count" -v w="$wall" 'BEGIN { printf "%.1f", n / w }')" "$sum" "$(cat "$work/cd-$best_p/verdicts")"
done
tp_m=$(awk '{ print $1 * 1000 }' "$work/tp.mtasts" | median)
tp_c=$(awk '{ print $1 * 1000 }' "$work/tp.checkdmarc" | median)
echo "median: mtasts $(awk -v n="$count" -v w="$tp_m" 'BEGIN { printf "%.1f", n * 1000 / w }') domains/s," \
  "checkdmarc $(awk -v n="$count" -v w="$tp_c" 'BEGIN { printf "%.1f", n * 1000 / w }') domains/s:" \
  "throughput ratio $(ratio "$tp_c" "$tp_m")x; peak RSS mtasts $(sort -n "$work/rss.mtasts" | tail -1) MiB," \
  "checkdmarc $(sort -n "$work/rss.checkdmarc" | tail -1) MiB (all processes); load average $(load)"
if [ ${#before[@]} -gt 0 ]; then
  tp_b=$(awk '{ print $1 * 1000 }' "$work/tp.before" | median)
  echo "before: $(awk -v n="$count" -v w="$tp_b" 'BEGIN { printf "%.1f", n * 1000 / w }') domains/s, ratio $(ratio "$tp_c" "$tp_b")x"
fi

# ---- 3. the floor -------------------------------------------------------------------------------
# What no sharing removes: each domain's own policy fetch, one TLS handshake. Its CPU bounds the
# throughput any run of this JVM can reach on this machine, even if nothing else used a core.
echo
echo "3. the floor: $count policy fetches one at a time (one TLS handshake each; no DNS, no MX), client process CPU:"
cd_rate=$(awk -v n="$count" -v w="$tp_c" 'BEGIN { printf "%.1f", n * 1000 / w }')
for flags in "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m" "-XX:+UseSerialGC -Xms16m"; do
  # shellcheck disable=SC2086
  read -r cpu_ms wall_ms < <(java $flags -cp "$classpath" io.github.mtasts.verify.FleetBench fetches "$count" "$ca") \
    || die "the policy fetches failed"
  ceiling=$(awk -v c="$(nproc)" -v ms="$cpu_ms" 'BEGIN { printf "%.0f", c * 1000 / ms }')
  echo "   java $flags: $cpu_ms ms CPU and $wall_ms ms wall per fetch; $(nproc) cores give at most $ceiling" \
    "domains/s = $(ratio "$ceiling" "$cd_rate")x checkdmarc's median above"
done

# ---- 4. under load -----------------------------------------------------------------------------
if [ "$soak_runs" -gt 0 ]; then
  echo
  echo "4. $soak_runs runs of $count domains at --concurrency 64, with $(nproc) busy loops loading the machine:"
  for _ in $(seq 1 "$(nproc)"); do
    timeout 3600 sh -c 'while :; do :; done' &
    burners+=($!)
  done
  false_failures=0
  for run in $(seq 1 "$soak_runs"); do
    read -r wall rss < <(run_mtasts --concurrency 64)
    failed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["operationalFailures"])' "$work/mtasts.json" 2>/dev/null || echo "?")
    [ "$failed" = 0 ] || false_failures=$((false_failures + 1))
    echo "   run $run: ${wall} s, peak RSS ${rss} MiB, domains with operational failures: $failed; $(cat "$work/mtasts.verdicts"); load $(load)"
  done
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  burners=()
  echo "   runs with a false operational failure: $false_failures of $soak_runs"
fi
echo "machine: load average $(load) at end"
