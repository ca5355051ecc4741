#!/usr/bin/env bash
# Benchmark of `mtasts reports`: summarising a generated corpus of RFC 8460 aggregate reports
# (bench/ReportCorpus.java: deterministic, 20 senders, 5 domains, 30 days) read from files, from
# a Maildir, and from an IMAP mailbox (dovecot on 127.0.0.1, started here with a throwaway
# certificate and user); side by side with parsedmarc on the same files, in the same run.
#
#   bench/reports-bench.sh [REPORTS]      (default 100000)
#
# Each row is one process from start to exit (JVM or Python start included; mtasts through
# bin/mtasts, as a user runs it): wall time, reports
# per second and peak resident memory (GNU time's maximum RSS). The work differs: mtasts parses,
# de-duplicates and adds every report up into its summary, printed as JSON; parsedmarc
# (--offline, -s) parses every report and writes each one out as JSON and CSV.
#
# Needs dovecot (scripts/test-prereqs.sh dovecot installs it), GNU time (installed here with
# apt-get when missing and running as root), python3 with venv; parsedmarc is installed, at the
# pinned version, into target/bench-venv. Everything listens on 127.0.0.1; nothing else is
# contacted.
set -euo pipefail
cd "$(dirname "$0")/.."

PARSEDMARC_VERSION=11.1.0
# The rows marked "heap" cap the JVM's heap, which otherwise may grow to a quarter of the
# machine's memory before collecting: their peak memory is what the work needs.
heap=256m
count=${1:-100000}
die() { echo "reports-bench: $*" >&2; exit 2; }
[[ $count =~ ^[0-9]+$ ]] && [ "$count" -ge 1 ] && [ "$count" -le 1000000 ] \
  || die "REPORTS '$count' is out of range: use 1 to 1000000"
if [ ! -x /usr/bin/time ]; then
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null \
    || die "/usr/bin/time not found: install the Debian package 'time' (apt-get install time)"
  echo "reports-bench: installing the Debian package 'time' for /usr/bin/time" >&2
  { apt-get update -qq && apt-get install -y -qq time >/dev/null; } || die "apt-get install time failed"
fi
scripts/test-prereqs.sh dovecot
if ! target/bench-venv/bin/python -c "import importlib.metadata as m, sys; \
    sys.exit(m.version('parsedmarc') != '$PARSEDMARC_VERSION')" 2>/dev/null; then
  python3 -m venv target/bench-venv
  echo "reports-bench: installing parsedmarc==$PARSEDMARC_VERSION into target/bench-venv" >&2
  target/bench-venv/bin/pip install -q --disable-pip-version-check "parsedmarc==$PARSEDMARC_VERSION"
fi
./mvnw -q -B package -DskipTests

work=$(mktemp -d)
dovecot_pid=""
cleanup() {
  if [ -n "$dovecot_pid" ]; then
    kill "$dovecot_pid" 2>/dev/null || true
    wait "$dovecot_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
mail="$work/home/bench/Maildir"
mkdir -p "$mail/cur" "$mail/tmp"
java bench/ReportCorpus.java "$count" "$work/files" "$mail/new"
echo "corpus: $count reports, $(du -sm "$work/files" | cut -f1) MiB of .json.gz files, $(du -sm "$mail" | cut -f1) MiB of messages"

# dovecot on a free port, IMAP over TLS only, one user; the mail processes run as 'dovecot'.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
echo "bench:{PLAIN}bench-password" > "$work/passwd"
user=$([ "$(id -u)" -eq 0 ] && echo dovecot || id -un)
cat > "$work/dovecot.conf" <<CONF
base_dir = $work/run
state_dir = $work/state
log_path = $work/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <$work/cert.pem
ssl_key = <$work/key.pem
default_internal_user = $([ "$(id -u)" -eq 0 ] && echo root || id -un)
default_internal_group = $([ "$(id -u)" -eq 0 ] && echo root || id -gn)
default_login_user = $([ "$(id -u)" -eq 0 ] && echo dovenull || id -un)
first_valid_uid = 1
mail_location = maildir:$work/home/%u/Maildir
auth_mechanisms = plain
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/passwd
}
userdb {
  driver = static
  args = uid=$(id -u "$user") gid=$(id -g "$user") home=$work/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $port
    ssl = yes
  }
}
service anvil {
  chroot =
}
CONF
chown -R "$user" "$work/home"
/usr/sbin/dovecot -F -c "$work/dovecot.conf" >"$work/dovecot.out" 2>&1 &
dovecot_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

# run NAME SOURCE COUNT_COMMAND -- COMMAND...: one row of the table.
printf '%-30s %8s %10s %14s %12s\n' case wall_s reports reports_per_s max_rss_mib
declare -A walls
row() {
  local name=$1 counter=$2; shift 3
  timeout 3600 /usr/bin/time -f "%e %M" -o "$work/time.out" "$@" >"$work/out" 2>"$work/err" \
    || { [ $? -eq 1 ] || die "$name failed: $(tail -5 "$work/err")"; }
  local wall rss n
  read -r wall rss <"$work/time.out"
  n=$($counter)
  walls[$name]=$wall
  printf '%-30s %8s %10s %14s %12s\n' "$name" "$wall" "$n" \
    "$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')" "$((rss / 1024))"
}
mtasts_count() { python3 -c "import json,sys; print(json.load(open('$work/out'))['read']['reports'])"; }
parsedmarc_count() { python3 -c "import json; print(len(json.load(open('$work/pd/smtp_tls.json'))))"; }

row "mtasts files (.json.gz)" mtasts_count -- bin/mtasts reports --json "$work/files"
row "parsedmarc files (.json.gz)" parsedmarc_count -- \
  target/bench-venv/bin/parsedmarc --offline -s -o "$work/pd" "$work/files"
MTASTS_JAVA_OPTS=-Xmx$heap row "mtasts files, heap $heap" mtasts_count -- \
  bin/mtasts reports --json "$work/files"
row "mtasts Maildir (messages)" mtasts_count -- bin/mtasts reports --json "$mail"
MTASTS_IMAP_PASSWORD=bench-password row "mtasts IMAP (dovecot, TLS)" mtasts_count -- \
  bin/mtasts reports --json --ca-file "$work/cert.pem" --imap "imaps://bench@localhost:$port/INBOX"
MTASTS_IMAP_PASSWORD=bench-password MTASTS_JAVA_OPTS=-Xmx$heap row "mtasts IMAP, heap $heap" \
  mtasts_count -- bin/mtasts reports --json --ca-file "$work/cert.pem" \
  --imap "imaps://bench@localhost:$port/INBOX"
awk -v a="${walls[parsedmarc files (.json.gz)]}" -v b="${walls[mtasts files (.json.gz)]}" \
  'BEGIN { printf "files: parsedmarc wall time / mtasts wall time = %.2f\n", a / b }'
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
