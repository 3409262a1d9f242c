# Sourced library: a private one-node Slurm cluster on this machine, for tests.
#
# Everything lives in $SLURM_TEST_DIR (default /tmp/rankexec-slurm-test): its own munge key and
# socket, slurm.conf, state, spool, logs and pid files, and its own ports (16817/16818 unless
# SLURM_TEST_CTLD_PORT / SLURM_TEST_SLURMD_PORT say otherwise), so it neither needs nor
# disturbs a system Slurm or munge. Daemons are started directly (no systemd). The node is named
# after `hostname -s` and has the CPU and memory layout `slurmd -C` measures.
#
#   slurm_install     installs slurm-wlm and munge with apt when missing (needs root)
#   slurm_start       tears down leftovers of an earlier run, writes the config, starts munged,
#                     slurmctld and slurmd, waits until the node is idle; exports SLURM_CONF
#   slurm_start_nodes NODE=ADDR...   the same with several nodes, each with its own slurmd
#                     (slurmctld, munged and client commands on the first node). Every daemon
#                     is started through "$SLURM_TEST_ON NODE CMD..." (default: right here; the
#                     network-namespace test sets netns_exec), so a node can be a namespace.
#   slurm_cmd CMD...  runs a Slurm client command (sbatch, squeue, scancel, ...) on the first node
#   slurm_stop        cancels all jobs of this cluster and stops the daemons (idempotent)
#   slurm_wait_job ID TIMEOUT   waits until job ID has left the queue; prints its final state

SLURM_TEST_DIR="${SLURM_TEST_DIR:-/tmp/rankexec-slurm-test}"
SLURM_TEST_CTLD_PORT="${SLURM_TEST_CTLD_PORT:-16817}"
SLURM_TEST_SLURMD_PORT="${SLURM_TEST_SLURMD_PORT:-16818}"
SLURM_TEST_ON="${SLURM_TEST_ON:-_slurm_here}"
SLURM_TEST_CTLD=""   # set by slurm_start_nodes: the first node

_slurm_here() { shift; "$@"; }
slurm_cmd() { "$SLURM_TEST_ON" "${SLURM_TEST_CTLD:-here}" "$@"; }

slurm_log() { echo "slurm-localhost: $*" >&2; }

# bin/lib/apt.sh (apt_install, apt_missing) from the checkout this file is in.
# shellcheck source=../../bin/lib/apt.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../bin/lib/apt.sh"

slurm_install() {
  # policy-rc.d-free machines without systemd just print "could not determine runlevel" while
  # installing: apt_install shows apt's output only on failure.
  [ -z "$(apt_missing slurm-wlm munge)" ] || slurm_log "installing slurm-wlm and munge (about a minute)"
  apt_install slurm-wlm munge
}

# Stops the process whose pid is in FILE if it is still the program NAME (a stale pid file must
# never make us kill an unrelated process that reused the pid).
_slurm_stop_pidfile() {
  local file="$1" name="$2" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]; then
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.2; done
    [ -d "/proc/$pid" ] && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$file"
}

slurm_stop() {
  local d="$SLURM_TEST_DIR" f
  [ -d "$d" ] || return 0
  if [ -f "$d/slurm.conf" ] && [ -f "$d/slurmctld.pid" ]; then
    # Cancel jobs first so their steps (and the MPJ daemons they started) end with them.
    SLURM_CONF="$d/slurm.conf" slurm_cmd timeout 10 scancel --quiet --user="$(id -un)" 2>/dev/null
    for _ in $(seq 1 60); do
      [ -z "$(SLURM_CONF="$d/slurm.conf" slurm_cmd timeout 5 squeue -h -o %i 2>/dev/null)" ] && break
      sleep 0.5
    done
  fi
  for f in "$d"/slurmd*.pid; do _slurm_stop_pidfile "$f" slurmd; done
  _slurm_stop_pidfile "$d/slurmctld.pid" slurmctld
  _slurm_stop_pidfile "$d/munge/munged.pid" munged
}

slurm_start() {
  local node
  node="$(hostname -s)"
  # MPJ Express resolves the node names of the machines file; the test node's must resolve.
  getent hosts "$node" >/dev/null \
    || { slurm_log "host name $node does not resolve: add it to /etc/hosts (e.g. 127.0.1.1 $node)"; return 1; }
  slurm_start_nodes "$node=127.0.0.1"
}

slurm_start_nodes() {
  local d="$SLURM_TEST_DIR" ctld="${1%%=*}" ctld_addr="${1#*=}" spec node layout nodelines="" overrides=""
  SLURM_TEST_CTLD="$ctld"
  slurm_stop
  rm -rf "$d"
  mkdir -p "$d/munge" "$d/state" "$d/spool" "$d/log" "$d/jobs" || return 1
  # munged insists on private permissions for its key and socket directory.
  chmod 700 "$d/munge"
  mungekey --create --keyfile="$d/munge/munge.key" || return 1
  chmod 600 "$d/munge/munge.key"
  "$SLURM_TEST_ON" "$ctld" munged --force --socket="$d/munge/munge.socket" --key-file="$d/munge/munge.key" \
         --pid-file="$d/munge/munged.pid" --log-file="$d/munge/munged.log" \
         --seed-file="$d/munge/munged.seed" \
    || { slurm_log "munged did not start:"; tail -5 "$d/munge/munged.log" >&2; return 1; }

  # slurmd -C measures CPUs, sockets, cores, threads and memory; UpTime is not a config key.
  layout="$(env -u SLURM_CONF slurmd -C | head -1)"
  [[ "$layout" == NodeName=* ]] || { slurm_log "slurmd -C failed: $layout"; return 1; }
  layout="${layout#NodeName=* }"
  if [ "$(echo "$layout" | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p')" -lt 2 ] 2>/dev/null; then
    # The tests need 2 CPUs; on a 1-CPU machine declare 2 and let slurmd accept that.
    layout="CPUs=2 $(echo "$layout" | grep -o 'RealMemory=[0-9]*')"
    overrides="SlurmdParameters=config_overrides"
  fi
  for spec in "$@"; do
    nodelines="$nodelines
NodeName=${spec%%=*} $layout NodeAddr=${spec#*=} State=UNKNOWN"
  done
  cat >"$d/slurm.conf" <<EOF
# Written by jobscripts/test/slurm-localhost.sh: a private test cluster.
ClusterName=rankexec-test
SlurmctldHost=$ctld($ctld_addr)
SlurmctldPort=$SLURM_TEST_CTLD_PORT
SlurmdPort=$SLURM_TEST_SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
# cred_expire also sets how long a requeued job waits before it may start again (default 120 s).
AuthInfo=socket=$d/munge/munge.socket,cred_expire=5
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool/%n
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd-%n.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd-%n.log
# No cgroups and no systemd here: plain process tracking, no task binding, no accounting.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
# Test cluster: look at pending jobs often, so requeued jobs restart within seconds.
SchedulerParameters=sched_interval=2,bf_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
InactiveLimit=0
KillWait=10
MinJobAge=300
$overrides
$nodelines
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF="$d/slurm.conf"
  "$SLURM_TEST_ON" "$ctld" slurmctld -c -f "$SLURM_CONF" \
    || { slurm_log "slurmctld did not start:"; tail -5 "$d/log/slurmctld.log" >&2; return 1; }
  for spec in "$@"; do
    node="${spec%%=*}"
    "$SLURM_TEST_ON" "$node" slurmd -f "$SLURM_CONF" -N "$node" \
      || { slurm_log "slurmd on $node did not start:"; tail -5 "$d/log/slurmd-$node.log" >&2; return 1; }
  done
  local states
  for _ in $(seq 1 120); do
    states="$(slurm_cmd timeout 5 sinfo -h -N -o %T 2>/dev/null)"
    [ -n "$states" ] && ! echo "$states" | grep -qv '^idle' && return 0
    sleep 0.5
  done
  slurm_log "the node(s) did not become idle within 60 s:"
  slurm_cmd timeout 5 sinfo -N -l >&2
  tail -5 "$d/log/slurmctld.log" "$d"/log/slurmd-*.log >&2
  return 1
}

# Waits (at most TIMEOUT seconds) until job ID is finished; prints its final state
# (COMPLETED, FAILED, TIMEOUT, CANCELLED, ...) or TIMEOUT-WAITING.
slurm_wait_job() {
  local id="$1" timeout="$2" deadline state
  deadline=$((SECONDS + timeout))
  while [ "$SECONDS" -lt "$deadline" ]; do
    state="$(slurm_cmd timeout 5 scontrol show job "$id" -o 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)"
    case "$state" in
      PENDING|RUNNING|CONFIGURING|COMPLETING|REQUEUED|REQUEUE_FED|REQUEUE_HOLD|RESIZING|SUSPENDED|'') sleep 1 ;;
      *) echo "$state"; return 0 ;;
    esac
  done
  echo TIMEOUT-WAITING
}
