#!/usr/bin/env bash
# Multi-node test on ONE machine: three "nodes", each a Linux network namespace with its own
# private address (10.231.7.1-3 on a bridge of its own), host name and hosts file
# (jobscripts/test/netns-cluster.sh). The checkout is seen by every node, like a shared home.
# Needs root; where namespaces cannot be made it prints one "SKIPPED: ..." line and exits 0.
# Traffic only ever goes to addresses inside the namespaces it made (and their loopback).
#
#   1. niodev on 2 nodes (bin/rankexec --ranks 4 --device niodev --machines F, daemons started
#      per node) gives the local engine's result, bit for bit
#   2. niodev on 3 nodes through jobscripts/mpjrun-example.sh (its "ssh" enters the namespaces)
#      gives the local result, and its daemons are gone afterwards
#   3. kill -9 of one node's JVMs mid-run ends the run with exit 3 within seconds (a closed
#      peer channel is noticed at once, not after RANKEXEC_MPI_TIMEOUT); --resume after the
#      node is back recomputes only the missing chunks and gives the local result
#   4. pulling one node's cable mid-run ends the run with exit 3 within seconds of
#      RANKEXEC_MPI_TIMEOUT (5 s here); --resume after it is plugged back gives the local result
#   5. a launch host whose hosts file maps its own name to 127.0.1.1 (Debian's default) gets a
#      one-line error instead of a run that hangs in MPI.Init
#   6. rankexec-multi-node.sbatch on a real 2-node Slurm (one slurmd per namespace), with the
#      rank count derived from the allocation (2 nodes x 2 CPUs), gives the local result
#   7. scancel of a running multi-node job leaves no daemon or rank on any node
#   and the daemons never touched ~/.mpj_users; afterwards nothing of the test is left.
#
# NETNS_TEST_DELAY (default 1ms) is added on every link with tc netem when the kernel has it.
# Prints one line per check and "N passed, M failed"; removes everything it made (namespaces,
# bridge, veths, /etc/netns/NODE, Slurm, munge, daemons, files) at exit, also on failure.
# Takes about 2-3 minutes.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TEST_NAME=multinode-netns-test
. "$ROOT/jobscripts/test/test-lib.sh"
. "$ROOT/jobscripts/test/netns-cluster.sh"
. "$ROOT/jobscripts/test/slurm-localhost.sh"
. "$ROOT/jobscripts/lib/mpj-daemons.sh"   # mpj_port_listening, mpj_home_resolve

WORK="${NETNS_TEST_DIR:-/tmp/rankexec-netns-test}"
N1="${NETNS_NODES_PREFIX}1" N2="${NETNS_NODES_PREFIX}2" N3="${NETNS_NODES_PREFIX}3"
SLURM_TEST_DIR="$WORK/slurm"
SLURM_TEST_ON=netns_exec   # (read by slurm-localhost.sh)
export SLURM_TEST_ON
DPORT=40055   # MPJ's default daemon port: free in every fresh namespace
SEED=20261201
SMALL=(pi --samples 40000000)
LONG=(pi --samples 3000000000)

skip() { echo "$TEST_NAME: SKIPPED: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to create network namespaces"
why="$(netns_supported)" || skip "$why"
slurm_install || abort "cannot install slurm-wlm and munge"
"$ROOT/bin/setup" || abort "bin/setup failed"
mpj_home_resolve "$ROOT" || abort "$MPJ_HOME_PROBLEM"

mpj_users_before=0; [ -e "$HOME/.mpj_users" ] && mpj_users_before=1
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() { slurm_stop; netns_destroy; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
rm -rf "$WORK"; mkdir -p "$WORK/jobs" "$WORK/home" "$WORK/tmp" || abort "cannot create $WORK"
netns_create "$N1" "$N2" "$N3" || abort "cannot create the namespaces"
delay="${NETNS_TEST_DELAY:-1ms}"
if netns_netem "$delay"; then echo "$TEST_NAME: $delay latency on every link (tc netem)"; fi
printf '%s\n' "$N1" "$N2" >"$WORK/machines2"
printf '%s\n' "$N1" "$N2" "$N3" >"$WORK/machines3"
cd "$WORK/jobs" || abort "no $WORK/jobs"
# mpjrun-example.sh's ssh: a shell command on a node.
netns_ssh() { local node="$1"; shift; netns_exec "$node" bash -c "$*"; }
export -f netns_exec netns_ssh

# ---- helpers ----------------------------------------------------------------------------------
# bin/rankexec on NODE (its own TMPDIR: the niodev lock is per host).
on_node() {
  local node="$1"; shift
  mkdir -p "$WORK/tmp/$node"
  netns_exec "$node" env TMPDIR="$WORK/tmp/$node" "$@"
}
java_pids() {   # NODE [PATTERN]: pids of the node's JVMs (whose command line matches PATTERN)
  local pid
  for pid in $(netns_pids "$1"); do
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = java ] || continue
    [ -z "${2:-}" ] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" || continue
    echo "$pid"
  done
}
start_daemon() {   # NODE: an MPJ daemon on DPORT with a private home, like the job scripts'
  mkdir -p "$WORK/home/$1"
  netns_exec "$1" setsid java -Duser.home="$WORK/home/$1" -jar "$MPJ_HOME/lib/daemon.jar" "$DPORT" \
    >"$WORK/daemon-$1.log" 2>&1 </dev/null &
}
wait_daemons() {   # NODE...: until each listens on DPORT
  local node
  for node in "$@"; do
    for _ in $(seq 1 100); do
      netns_exec "$node" bash -c "$(declare -f mpj_port_listening); mpj_port_listening $DPORT" && continue 2
      sleep 0.2
    done
    return 1
  done
}
progress() {   # OUTFILE: percent of the tasks done so far, from the progress lines
  tr '\r' '\n' 2>/dev/null <"$1" | sed -n 's|^\([0-9]*\)/\([0-9]*\) tasks.*|\1 \2|p' | tail -1 \
    | awk '$2 > 0 { print int(100 * $1 / $2) }'
}
wait_progress() {   # OUTFILE PID PERCENT: until PERCENT of the tasks are done (false if PID ended first)
  for _ in $(seq 1 600); do
    kill -0 "$2" 2>/dev/null || return 1
    [ "$(progress "$1")" -ge "$3" ] 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
wait_exit() {   # PID TIMEOUT: waits for the background PID; sets RC (124: timeout) and SECS
  local t0=$SECONDS
  for _ in $(seq 1 $(($2 * 10))); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  SECS=$((SECONDS - t0))
  if kill -0 "$1" 2>/dev/null; then RC=124; return; fi
  wait "$1"; RC=$?
}
resumed_ok() {   # OUTFILE: "resumed K/T tasks" with 0 < K < T
  local r k t
  r="$(grep -ao 'resumed [0-9]*/[0-9]* tasks' "$1" | tail -1)"
  k="$(echo "$r" | sed -n 's|resumed \([0-9]*\)/.*|\1|p')"; t="$(echo "$r" | sed -n 's|resumed [0-9]*/\([0-9]*\).*|\1|p')"
  [ -n "$k" ] && [ "$k" -gt 0 ] && [ "$k" -lt "$t" ] && echo "$r"
}
# A run on 3 nodes that loses rxnode3 mid-run (HOW: kill or cable), then its --resume.
node_failure() {
  local how="$1" out="$WORK/jobs/$1.out" ck="$WORK/jobs/ckpt-$1" pid r
  RANKEXEC_GRACE=2 on_node "$N1" "$ROOT/bin/rankexec" --ranks 4 --device niodev --machines "$WORK/machines3" \
    --seed "$SEED" --checkpoint "$ck" "${LONG[@]}" >"$out" 2>&1 &
  pid=$!
  if ! wait_progress "$out" "$pid" 20; then
    fail "$how: the 3-node run did not get going (output: $out)"; tail -5 "$out" | sed 's/^/    | /'; return
  fi
  # shellcheck disable=SC2046  # one pid a word
  case "$how" in
    kill)  kill -KILL $(java_pids "$N3") ;;
    cable) netns_link "$N3" down ;;
  esac
  wait_exit "$pid" 60
  if [ "$RC" = 3 ] && [ "$SECS" -le "$3" ]; then
    pass "$2: exit 3 after $SECS s ($(tr '\r' '\n' <"$out" | grep -a 'rankexec: error' | tail -1 | cut -c18-110))"
  elif [ "$how" = cable ] && [ "$RC" = 0 ] && [ "$(result_line "$out")" = "$REF_LONG" ] && [ "$SECS" -le "$3" ]; then
    # A cut can come after the node's last result (its packets already through): the job then
    # rightly completes; what must never happen is a wrong result or a hang.
    pass "$2: the cut came too late to matter: the job completed with the right result in $SECS s"
  else
    fail "$2: exit $RC after $SECS s, expected 3 within $3 s (output: $out)"
    tr '\r' '\n' <"$out" | grep -v '^[0-9]*/[0-9]* tasks' | tail -8 | sed 's/^/    | /'
    [ "$RC" = 124 ] && kill "$pid" 2>/dev/null
  fi
  if ! grep -aq 'at runtime.starter.IOMessagesThread' "$out"; then
    pass "$how: no MPJ stack trace of mpjrun's IOMessagesThread reached the user"
  else
    fail "$how: mpjrun's IOMessagesThread stack trace reached the user (output: $out)"
  fi
  # The node comes back: cable in, its JVMs gone (the cut-off rank ends itself), daemon running.
  [ "$how" = cable ] && netns_link "$N3" up
  for _ in $(seq 1 100); do [ -z "$(java_pids "$N3" Wrapper)" ] && [ -z "$(java_pids "$N1" Wrapper)" ] && break; sleep 0.2; done
  [ -n "$(java_pids "$N3" daemon.jar)" ] || start_daemon "$N3"
  wait_daemons "$N3" || fail "$how: the daemon on $N3 did not come back"
  on_node "$N1" timeout 300 "$ROOT/bin/rankexec" --ranks 4 --device niodev --machines "$WORK/machines3" \
    --seed "$SEED" --checkpoint "$ck" --resume "${LONG[@]}" >"$out.resume" 2>&1
  r="$(resumed_ok "$out.resume")" || fail "$how: the resumed run did not start from the journal (output: $out.resume)"
  check_result "$how: --resume after $N3 is back (${r:-?})" "$out.resume" "$REF_LONG"
}

# ---- the checks -------------------------------------------------------------------------------
echo "$TEST_NAME: 3 nodes up after $((SECONDS - START)) s: $N1 $(netns_addr "$N1"), $N2 $(netns_addr "$N2"), $N3 $(netns_addr "$N3")"
REF_SMALL="$(local_result "$SEED" "${SMALL[@]}")"
REF_LONG="$(local_result "$SEED" "${LONG[@]}")"
pi_line_ok "$REF_SMALL" && pi_line_ok "$REF_LONG" || abort "local reference runs failed: '$REF_SMALL' '$REF_LONG'"

# 1
for n in "$N1" "$N2" "$N3"; do start_daemon "$n"; done
wait_daemons "$N1" "$N2" "$N3" || abort "the MPJ daemons did not start: $(cat "$WORK"/daemon-*.log)"
on_node "$N1" timeout 300 "$ROOT/bin/rankexec" --quiet --ranks 4 --device niodev --machines "$WORK/machines2" \
  --seed "$SEED" "${SMALL[@]}" >"$WORK/jobs/two.out" 2>&1
check_result "niodev, 4 ranks on 2 nodes" "$WORK/jobs/two.out" "$REF_SMALL"

# 2 (its daemons are its own, on its own port)
on_node "$N1" env RANKS=4 SSH=netns_ssh timeout 300 "$ROOT/jobscripts/mpjrun-example.sh" "$WORK/machines3" \
  --quiet --seed "$SEED" "${SMALL[@]}" >"$WORK/jobs/three.out" 2>&1
check_result "mpjrun-example.sh, 4 ranks on 3 nodes" "$WORK/jobs/three.out" "$REF_SMALL"
for _ in $(seq 1 50); do   # (the remote daemons get their TERM "over ssh" and take a moment)
  left=""
  for n in "$N1" "$N2" "$N3"; do [ -z "$(java_pids "$n" 'daemon.jar 20000')" ] || left="$left $n"; done
  [ -z "$left" ] && break
  sleep 0.2
done
if [ -z "$left" ]; then pass "mpjrun-example.sh: its daemons stopped on every node"; else fail "mpjrun-example.sh: daemon left on$left"; fi

# 3, 4
node_failure kill "kill -9 of $N3's JVMs mid-run" 20
RANKEXEC_MPI_TIMEOUT=5 node_failure cable "$N3's cable pulled mid-run (RANKEXEC_MPI_TIMEOUT=5)" 25

# 5
cp "/etc/netns/$N1/hosts" "$WORK/hosts.$N1"
netns_hosts_line "$N1" "127.0.1.1 $N1"
on_node "$N1" timeout 120 "$ROOT/bin/rankexec" --ranks 4 --device niodev --machines "$WORK/machines2" \
  --seed "$SEED" "${SMALL[@]}" >"$WORK/jobs/loopback.out" 2>"$WORK/jobs/loopback.err"
rc=$?
cp "$WORK/hosts.$N1" "/etc/netns/$N1/hosts"
if [ "$rc" = 2 ] && [ "$(wc -l <"$WORK/jobs/loopback.err")" = 1 ] && grep -q "127.0.1.1" "$WORK/jobs/loopback.err" \
   && grep -q "$N1" "$WORK/jobs/loopback.err"; then
  pass "127.0.1.1 launch host: one-line error: $(cut -c1-100 "$WORK/jobs/loopback.err")..."
else
  fail "127.0.1.1 launch host: exit $rc (124: hung), stderr: $(head -3 "$WORK/jobs/loopback.err")"
fi

# 6, 7: the direct daemons go; Slurm starts its own.
# shellcheck disable=SC2046  # one pid a word
for n in "$N1" "$N2" "$N3"; do kill $(java_pids "$n") 2>/dev/null; done
slurm_start_nodes "$N1=$(netns_addr "$N1")" "$N2=$(netns_addr "$N2")" || abort "the 2-node Slurm cluster did not start"
submit() {   # OUTFILE SBATCH-ARGS... : prints the job id
  local out="$1"; shift
  slurm_cmd env TMPDIR="$WORK/tmp/$N1" sbatch --parsable --time=10 --chdir="$WORK/jobs" --output="$WORK/jobs/$out" "$@" 2>&1 | tail -1
}
j="$(submit slurm.out --nodes=2 "$ROOT/jobscripts/rankexec-multi-node.sbatch" --quiet --seed "$SEED" "${SMALL[@]}")"
s="$(slurm_wait_job "$j" 180)"
[ "$s" = COMPLETED ] || fail "multi-node job $j ended $s"
grep -q "2 ranks x 2 threads on 2 node(s)" "$WORK/jobs/slurm.out" && pass "multi-node job: one rank per node x 2 threads, derived from the allocation (2 nodes x 2 CPUs)" \
  || fail "multi-node job: not 2 ranks x 2 threads on 2 nodes: $(grep -a 'ranks x' "$WORK/jobs/slurm.out")"
check_result "rankexec-multi-node.sbatch on 2 Slurm nodes" "$WORK/jobs/slurm.out" "$REF_SMALL"

j="$(submit cancel.out --nodes=2 "$ROOT/jobscripts/rankexec-multi-node.sbatch" --seed "$SEED" "${LONG[@]}")"
for _ in $(seq 1 300); do [ "$(progress "$WORK/jobs/cancel.out")" -ge 5 ] 2>/dev/null && break; sleep 0.2; done
slurm_cmd scancel "$j"
s="$(slurm_wait_job "$j" 120)"
for _ in $(seq 1 50); do [ -z "$(java_pids "$N1")$(java_pids "$N2")" ] && break; sleep 0.2; done
left="$(for n in "$N1" "$N2"; do for p in $(java_pids "$n"); do echo "$n:$(tr '\0' ' ' <"/proc/$p/cmdline" | cut -c1-60)"; done; done)"
if [ "$s" = CANCELLED ] && [ -z "$left" ] && grep -q 'daemons listen on port' "$WORK/jobs/cancel.out"; then
  pass "scancel of a running multi-node job: CANCELLED, no daemon or rank left on any node"
else
  fail "scancel: job $j ended $s, left: ${left:-nothing} (output: $WORK/jobs/cancel.out)"
fi

if [ "$mpj_users_before" = 1 ] || [ ! -e "$HOME/.mpj_users" ]; then
  pass "the daemons kept their job files in private homes (no ~/.mpj_users)"
else
  fail "$HOME/.mpj_users was created"
fi

# Tear down now and check that nothing is left.
slurm_stop; netns_destroy
left="$(ip netns list | grep -E "^($NETNS_SWITCH|$N1|$N2|$N3)( |$)"; ls -d /etc/netns/"$NETNS_NODES_PREFIX"* 2>/dev/null
        pgrep -af "$WORK|$SLURM_TEST_DIR" 2>/dev/null)"
if [ -z "$left" ]; then pass "teardown: no namespace, node file or process left"; else fail "teardown left: $left"; fi
echo "$TEST_NAME: $((SECONDS - START)) s"
summary
[ "$FAILED" = 0 ]
