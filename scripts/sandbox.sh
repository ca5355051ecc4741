#!/usr/bin/env bash
# The first run: deploys a real MtaSts stack for a sample mail domain onto a sandbox on this
# machine, with the real Pulumi engine and a local state folder, then verifies the domain as a
# sending mail server would. The sandbox's servers (sandbox/target/mtasts-sandbox.jar) stand in
# for AWS and the internet, on loopback only: moto serves the Route 53, ACM, S3 and CloudFront
# APIs, a DNS server answers from the emulated hosted zone, an HTTPS edge serves what CloudFront
# would, and a STARTTLS server is the domain's MX host. Nothing reaches a real cloud: the AWS SDK
# gets moto's test credentials and no configuration file, and every AWS_* variable of the
# caller's environment is dropped.
#
# Usage: scripts/sandbox.sh [up] [--no-build]  build, install what is missing, start the servers,
#                                              pulumi up, mtasts verify (--no-build: use the jars
#                                              of an earlier ./mvnw package)
#        scripts/sandbox.sh verify             mtasts verify of the sample domain in the sandbox
#        scripts/sandbox.sh status             whether the servers run; the stack's outputs
#        scripts/sandbox.sh pulumi ARGS...     a pulumi command on the sandbox's stack
#        scripts/sandbox.sh down               pulumi destroy, stop the servers, remove the sandbox
# Env:   MTASTS_SANDBOX_DIR      the sandbox's folder (default: .sandbox/ of the checkout)
#        MTASTS_SANDBOX_NETWORK  the loopback block 127.X.Y.0/24 its servers listen on
#                                (default: 127.0.50)
#        JAVA_HOME               the JDK (17 or newer) to run, instead of the java on PATH
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
me=$0
dir=${MTASTS_SANDBOX_DIR:-$root/.sandbox}
[[ $dir == /* ]] || dir=$PWD/$dir
network=${MTASTS_SANDBOX_NETWORK:-127.0.50}
readonly DOMAIN=example.test            # RFC 2606 §2: .test is reserved for testing
readonly STACK=sandbox
readonly MARKER=.mtasts-sandbox          # what makes a folder one that `down` may remove
readonly STATE=servers.env               # written by the servers once they answer
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
servers_jar=$root/sandbox/target/mtasts-sandbox.jar

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'sandbox: %s\n' "$*" >&2; exit 1; }

# state KEY: a value of the servers' state file (KEY=VALUE lines, never evaluated).
state() { sed -n "s/^$1=//p" "$dir/$STATE" 2>/dev/null; }

# alive PIDFILE PATTERN: the process of the file runs and its command line holds PATTERN (a
# process id alone may have been reused since).
alive() {
  local pid
  pid=$(cat "$dir/$1" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && ps -ww -o args= -p "$pid" 2>/dev/null | grep -qF -- "$2"
}
servers_alive() { alive servers.pid "--dir $dir"; }
moto_alive() { alive moto.pid moto_server; }

# stop PIDFILE PATTERN: SIGTERM, then SIGKILL after 30 s.
stop() {
  alive "$1" "$2" || return 0
  local pid
  pid=$(cat "$dir/$1")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 300); do
    alive "$1" "$2" || return 0
    sleep 0.1
  done
  echo "sandbox: process $pid did not stop within 30 s: killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

check_java() {
  command -v "$java" >/dev/null 2>&1 ||
    die "no java found: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless), or set JAVA_HOME"
  local version
  version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  [[ ${version%%.*} =~ ^[0-9]+$ ]] && (( ${version%%.*} >= 17 )) ||
    die "$java is Java ${version:-of an unknown version}; the sandbox needs 17 or newer: install one, or set JAVA_HOME to it"
}

# The pinned Pulumi CLI and language hosts, and everything a pulumi command of the sandbox needs
# (with the servers up: the AWS SDK's settings come from their state file).
pulumi_env() {
  local bin
  bin=$("$root/scripts/install-pulumi.sh")
  export PATH="$root/bin:$bin:${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
  export PULUMI_HOME=$dir/pulumi-home PULUMI_BACKEND_URL=file://$dir/state
  export PULUMI_CONFIG_PASSPHRASE=sandbox   # nothing secret lives in the sandbox's stack
  export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
  local name value
  for name in $(compgen -e); do
    [[ $name != AWS_* ]] || unset "$name"
  done
  while IFS='=' read -r name value; do
    [[ $name != AWS_* ]] || export "$name=$value"
  done < <(grep '^AWS_' "$dir/$STATE" 2>/dev/null || true)
}
run_pulumi() { (cd "$dir/project" && pulumi "$@"); }
stack_exists() { [[ -d $dir/project ]] && run_pulumi stack select "$STACK" >/dev/null 2>&1; }

# Only one command changes a sandbox at a time.
lock() {
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$dir/lock"
  flock -n 9 || die "another scripts/sandbox.sh command is working on $dir: wait for it to end"
}

# A new folder becomes a sandbox; an existing one must be one already.
claim_dir() {
  if [[ -d $dir && ! -f $dir/$MARKER && -n $(ls -A "$dir") ]]; then
    die "$dir exists and is not a sandbox: choose another folder with MTASTS_SANDBOX_DIR"
  fi
  mkdir -p "$dir"
  touch "$dir/$MARKER"
}

# The sandbox's Pulumi project: the repository's Pulumi.yaml with its two paths made absolute,
# so that the stack's files stay in the sandbox folder.
write_project() {
  mkdir -p "$dir/project" "$dir/state"
  sed -e "s|binary: program/target/mtasts-program.jar|binary: $root/program/target/mtasts-program.jar|" \
      -e "s|path: bin\$|path: $root/bin|" "$root/Pulumi.yaml" > "$dir/project/Pulumi.yaml"
  grep -qF "binary: $root/program/target/mtasts-program.jar" "$dir/project/Pulumi.yaml" &&
    grep -qF "path: $root/bin" "$dir/project/Pulumi.yaml" ||
    die "Pulumi.yaml no longer names program/target/mtasts-program.jar and bin: update write_project in $me"
}

start_servers() {
  rm -f "$dir/$STATE" "$dir/servers.pid" "$dir/moto.pid"
  local launcher=()
  # A session of its own: Ctrl-C in this terminal, or closing it, does not stop the servers.
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  "${launcher[@]}" "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dmtasts.root="$root" \
    -jar "$servers_jar" --dir "$dir" --domain "$DOMAIN" --network "$network" \
    </dev/null >"$dir/servers.log" 2>&1 9>&- &
  echo $! > "$dir/servers.pid"
  for _ in $(seq 1200); do
    [[ -f $dir/$STATE ]] && return 0
    if ! servers_alive; then
      tail -n 30 "$dir/servers.log" >&2
      stop moto.pid moto_server
      die "the sandbox's servers did not start (their log, $dir/servers.log, ends above); run $me down to clean up"
    fi
    sleep 0.1
  done
  stop servers.pid "--dir $dir"
  stop moto.pid moto_server
  die "the sandbox's servers did not answer within 120 s (see $dir/servers.log); run $me down, then $me up"
}

verify() {
  "$root/bin/mtasts" verify "$DOMAIN" --resolver "$(state resolver)" --ca-file "$(state caFile)" \
    --https-port "$(state httpsPort)" --smtp-port "$(state smtpPort)"
}

cmd_up() {
  local build=true
  for arg in "$@"; do
    case $arg in
      --no-build) build=false ;;
      *) die "unknown argument '$arg': $me up [--no-build]" ;;
    esac
  done
  check_java
  claim_dir
  lock
  if $build; then
    say "Building mtasts (./mvnw -q package -DskipTests): a minute or two; on a fresh machine Maven first downloads the build's dependencies"
    (cd "$root" && ./mvnw -q package -DskipTests) || die "the build failed (above)"
  fi
  local jar
  for jar in "$servers_jar" "$root/program/target/mtasts-program.jar" "$root/cli/target/mtasts.jar"; do
    [[ -f $jar ]] || die "$jar is missing: run $me up without --no-build, or ./mvnw -q package -DskipTests"
  done

  say "Installing what is missing: moto (the AWS emulator) into .venv, the Pulumi CLI and its language hosts (the first build of Pulumi takes about 5 minutes on two cores; later runs reuse it)"
  local prereqs=(pulumi)
  [[ -n ${MTASTS_MOTO_SERVER:-} ]] || prereqs+=(moto)
  "$root/scripts/test-prereqs.sh" "${prereqs[@]}" ||
    die "installing ${prereqs[*]} failed (above): the build of Pulumi needs Go 1.24 or later on PATH (go version), moto needs python3 with venv (Debian: apt-get install python3-venv); then run $me up again"

  if servers_alive; then
    say "The sandbox's servers already run (process $(cat "$dir/servers.pid")): deploying onto them again"
  else
    if [[ -f $dir/servers.pid || -d $dir/state ]]; then
      say "The sandbox's servers of an earlier run are not running: starting anew (the stack they held goes with its emulator)"
      stop moto.pid moto_server
      find "$dir" -mindepth 1 -maxdepth 1 ! -name "$MARKER" ! -name lock -exec rm -rf {} +
    fi
    say "Starting the sandbox's servers on $network.0/24 (log: $dir/servers.log)"
    start_servers
  fi
  echo "emulated AWS APIs $(state awsEndpoint); DNS $(state resolver); policy host $(state edgeAddress):$(state httpsPort); MX $DOMAIN -> mx1.$DOMAIN, STARTTLS on port $(state smtpPort)"

  pulumi_env
  write_project
  stack_exists || run_pulumi stack init "$STACK" >/dev/null
  # The sandbox's own settings, always; the declaration (mode, mx, rua) only where unset, so that
  # a change made with `$me pulumi config set` survives another up.
  local settings=(
    "domain=$DOMAIN"
    "route53ZoneId=$(state zoneId)"
    verifyTimeout=120
    "verifyHttpsPort=$(state httpsPort)"
    "verifySmtpPort=$(state smtpPort)"
    "mtasts:awsEndpoint=$(state awsEndpoint)"
    mtasts:awsRegion=us-east-1
    "mtasts:verifyResolver=$(state resolver)"
    "mtasts:verifyCaFile=$(state caFile)")
  local current setting
  current=$(run_pulumi config --json)
  for setting in mode=testing "mx=mx1.$DOMAIN" "rua=mailto:tlsrpt@$DOMAIN"; do
    grep -qF "\"mtasts-aws:${setting%%=*}\"" <<<"$current" || settings+=("$setting")
  done
  local args=()
  for setting in "${settings[@]}"; do args+=(--plaintext "$setting"); done
  run_pulumi config set-all "${args[@]}"

  say "pulumi up of stack '$STACK' (project mtasts-aws, state in $dir/state): the engine starts the Java program and the plugin; about a minute"
  run_pulumi up --yes ||
    die "pulumi up failed (above): $me up continues where it stopped; $me down removes everything"

  say "mtasts verify $DOMAIN, as a sending mail server sees it"
  verify || die "verification found errors (above)"

  local mode next=enforce
  mode=$(run_pulumi config get mode)
  [[ $mode != enforce ]] || next=testing
  cat <<EOF

The sandbox is up: $DOMAIN publishes MTA-STS and TLS-RPT in $mode mode on emulated AWS.

Look at it:
  $me pulumi stack output                        # the stack's outputs
  $me status                                     # the servers and their addresses
  $me verify                                     # mtasts verify again
  curl --cacert $(state caFile) --resolve mta-sts.$DOMAIN:$(state httpsPort):$(state edgeAddress) \\
      https://mta-sts.$DOMAIN:$(state httpsPort)/.well-known/mta-sts.txt
Change it:
  $me pulumi config set mode $next && $me pulumi up --yes    # policy first, then its id (RFC 8461 §3.1)
Tear it down:
  $me down                                       # pulumi destroy, stop the servers, remove $dir
EOF
}

cmd_verify() {
  servers_alive || die "the sandbox is not up: run $me up"
  verify
}

cmd_status() {
  if servers_alive; then
    echo "The sandbox's servers run (process $(cat "$dir/servers.pid"), folder $dir):"
    echo "  emulated AWS APIs  $(state awsEndpoint)"
    echo "  DNS                $(state resolver) (hosted zone $(state zoneId) of $DOMAIN)"
    echo "  policy host        mta-sts.$DOMAIN at $(state edgeAddress):$(state httpsPort), CA $(state caFile)"
    echo "  MX host            mx1.$DOMAIN, STARTTLS on port $(state smtpPort)"
    pulumi_env
    if stack_exists; then
      echo
      run_pulumi stack output
    else
      echo "No stack yet: $me up deploys it."
    fi
  elif [[ -f $dir/servers.pid ]]; then
    echo "The sandbox's servers are not running (stopped or crashed; see $dir/servers.log): $me down cleans up, $me up starts anew."
    return 1
  else
    echo "No sandbox in $dir: $me up starts one."
    return 1
  fi
}

cmd_pulumi() {
  servers_alive && [[ -d $dir/project ]] || die "the sandbox is not up: run $me up"
  pulumi_env
  run_pulumi "$@"
}

cmd_down() {
  if [[ ! -d $dir ]]; then
    echo "No sandbox in $dir: nothing to tear down."
    return 0
  fi
  [[ -f $dir/$MARKER ]] || die "$dir is not a sandbox (it has no $MARKER): not removing it"
  lock
  local destroyed=true
  if servers_alive; then
    pulumi_env
    if stack_exists; then
      say "pulumi destroy of stack '$STACK'"
      run_pulumi destroy --yes --remove || destroyed=false
    fi
  elif [[ -d $dir/state ]]; then
    say "The sandbox's servers are not running, so there is nothing to destroy through them: the stack's AWS lived only in the emulator, which stops now"
  fi
  say "Stopping the sandbox's servers and removing $dir"
  stop servers.pid "--dir $dir"
  stop moto.pid moto_server
  rm -rf "$dir"
  $destroyed ||
    die "pulumi destroy failed (above); the sandbox is removed all the same: its AWS lived only in the emulator, which is stopped"
  echo "The sandbox is gone."
}

main() {
  local command=${1:-up}
  [[ $# -eq 0 ]] || shift
  case $command in
    up) cmd_up "$@" ;;
    verify) cmd_verify ;;
    status) cmd_status ;;
    pulumi) cmd_pulumi "$@" ;;
    down) cmd_down ;;
    --no-build) cmd_up "$command" "$@" ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' ;;
    *) die "unknown command '$command': the commands are up (the default), verify, status, pulumi, down" ;;
  esac
}

# One line that runs everything and exits: bash reads a script while it runs it, so a script
# changed meanwhile (a git pull during a long up) must not be read on at a shifted offset.
main "$@"; exit
