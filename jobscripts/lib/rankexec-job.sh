# Sourced by the rankexec batch scripts (bash). Shared pieces: the user's arguments, the
# checkpoint directory that survives a requeue, and running the launcher so that Slurm's signals
# stop it cleanly (time limit -> optional self-requeue; scancel/preemption -> clean exit).

rx_die() { echo "rankexec job: $*" >&2; exit 2; }
rx_say() { echo "rankexec job: $*" >&2; }

# Expects RANKEXEC_HOME (set by the script that sources this file). Sets RANKEXEC, RX_ARGS (the
# user's rankexec arguments: the script's arguments, or RANKEXEC_ARGS split on white space when
# there are none), RX_CHECKPOINT, and installs the signal traps.
rx_init() {
  export RANKEXEC_HOME
  RANKEXEC="$RANKEXEC_HOME/bin/rankexec"
  [ -x "$RANKEXEC" ] || rx_die "$RANKEXEC is missing or not executable (is RANKEXEC_HOME=$RANKEXEC_HOME a rankexec checkout?)"
  if [ $# -gt 0 ]; then
    RX_ARGS=("$@")
  else
    read -r -a RX_ARGS <<<"${RANKEXEC_ARGS:-}"
  fi
  [ ${#RX_ARGS[@]} -gt 0 ] \
    || rx_die "nothing to run: pass [GLOBAL OPTIONS] KERNEL [KERNEL OPTIONS] or [GLOBAL OPTIONS] --class-path CP MAIN_CLASS [ARGS...] after the script name, or set RANKEXEC_ARGS"
  local a
  # Only rankexec's own options (before the kernel or --class-path) are checked: the program's
  # arguments are its own and pass untouched, whatever their names.
  for a in "${RX_ARGS[@]}"; do
    case "$a" in
      --class-path|--class-path=*|-cp|--) break ;;
      -*) ;;
      *) break ;;
    esac
    case "$a" in
      --ranks|--ranks=*)
        rx_die "do not pass $a: the job script sets it; set RANKS=N in the environment instead" ;;
      --checkpoint|--checkpoint=*|--resume)
        rx_die "do not pass $a: the job script always checkpoints and resumes; set CHECKPOINT_DIR=DIR to choose the directory" ;;
      --device|--device=*|--machines|--machines=*|--port|--port=*)
        rx_die "do not pass $a: the job script sets it (single-node: multicore; multi-node: niodev on the allocated nodes)" ;;
    esac
  done
  [ -n "${SLURM_JOB_ID:-}" ] || rx_say "not running under Slurm (no SLURM_JOB_ID); continuing anyway"
  RX_JOB_ID="${SLURM_JOB_ID:-local-$$}"
  # Requeued jobs keep their id, so a per-id directory is where the previous attempt left off.
  if [ -n "${CHECKPOINT_DIR:-}" ]; then
    RX_CHECKPOINT="$CHECKPOINT_DIR"; RX_CHECKPOINT_IS_DEFAULT=0
    # Ranks may run in another working directory: make a relative path absolute.
    [ "${RX_CHECKPOINT#/}" != "$RX_CHECKPOINT" ] || RX_CHECKPOINT="${SLURM_SUBMIT_DIR:-$PWD}/$RX_CHECKPOINT"
  else
    RX_CHECKPOINT="${SLURM_SUBMIT_DIR:-$PWD}/rankexec-checkpoints/$RX_JOB_ID"; RX_CHECKPOINT_IS_DEFAULT=1
  fi
  mkdir -p "$(dirname "$RX_CHECKPOINT")" || rx_die "cannot create the parent of checkpoint directory $RX_CHECKPOINT"
  rx_say "job $RX_JOB_ID (attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 ))) on ${SLURM_JOB_NODELIST:-$(hostname -s)}, checkpoint $RX_CHECKPOINT"

  RX_CHILD=""; RX_STOPPING=0; RX_TIME_UP=0
  # --signal=B:USR1@T in the script header: the time limit is near. TERM/INT: scancel,
  # preemption or a requeue. Either way the launcher is stopped; finished chunks are already
  # journaled in the checkpoint directory.
  trap 'rx_on_signal USR1' USR1
  trap 'rx_on_signal TERM' TERM
  trap 'rx_on_signal INT' INT
}

# The number of CPUs allocated to the job on all its nodes, from SLURM_JOB_CPUS_PER_NODE
# ("2(x3),4" = 2+2+2+4 = 10); empty when it is not set.
rx_allocated_cpus() {
  local part n sum=0
  [ -n "${SLURM_JOB_CPUS_PER_NODE:-}" ] || return 0
  for part in ${SLURM_JOB_CPUS_PER_NODE//,/ }; do
    if [[ "$part" =~ ^([0-9]+)\(x([0-9]+)\)$ ]]; then n=$((BASH_REMATCH[1] * BASH_REMATCH[2]))
    elif [[ "$part" =~ ^[0-9]+$ ]]; then n="$part"
    else return 0
    fi
    sum=$((sum + n))
  done
  echo "$sum"
}

rx_on_signal() {
  [ "$1" = USR1 ] && RX_TIME_UP=1
  RX_STOPPING=1
  rx_say "received SIG$1, stopping the run"
  if [ -n "$RX_CHILD" ]; then
    kill -TERM -- "-$RX_CHILD" 2>/dev/null
    # A launcher that ignores TERM is killed after a grace period.
    ( sleep "${STOP_GRACE_SECONDS:-20}"; kill -KILL -- "-$RX_CHILD" 2>/dev/null ) &
    RX_KILLER=$!
  fi
}

# rx_run CMD...: runs CMD in its own process group (so a signal reaches every process it
# started), waits for it, returns its exit status.
rx_run() {
  local rc
  [ "$RX_STOPPING" = 1 ] && return 143
  setsid "$@" &
  RX_CHILD=$!
  while :; do
    wait "$RX_CHILD"; rc=$?
    # wait returns early when a trapped signal arrives; keep waiting for the real exit.
    kill -0 "$RX_CHILD" 2>/dev/null || break
  done
  [ -n "${RX_KILLER:-}" ] && kill "$RX_KILLER" 2>/dev/null
  RX_CHILD=""
  return "$rc"
}

# After the run: on success drop the default checkpoint directory; when the time limit stopped
# the run, requeue the job (same id, so the next attempt resumes from the checkpoint).
rx_finish() {
  local rc="$1"
  if [ "$rc" = 0 ]; then
    if [ "$RX_CHECKPOINT_IS_DEFAULT" = 1 ] && [ "${KEEP_CHECKPOINT:-0}" != 1 ]; then
      rm -rf "$RX_CHECKPOINT"
      rmdir "$(dirname "$RX_CHECKPOINT")" 2>/dev/null   # the shared parent, once empty
    fi
  elif [ "$RX_TIME_UP" = 1 ] && [ "${REQUEUE_ON_TIMEOUT:-1}" = 1 ] && [ -n "${SLURM_JOB_ID:-}" ]; then
    rx_say "time limit near: requeueing job $SLURM_JOB_ID; it will resume from $RX_CHECKPOINT"
    scontrol requeue "$SLURM_JOB_ID" || rx_say "scontrol requeue failed; resubmit with CHECKPOINT_DIR=$RX_CHECKPOINT"
  elif [ -d "$RX_CHECKPOINT" ]; then
    rx_say "run failed (exit $rc); finished chunks are kept in $RX_CHECKPOINT"
  fi
}
