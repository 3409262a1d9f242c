#!/usr/bin/env bash
# rankexec on machines WITHOUT a batch scheduler: the plain MPJ Express way (daemons + mpjrun,
# here through bin/rankexec, which calls MPJ Express's starter for you).
#
# Usage:  jobscripts/mpjrun-example.sh MACHINES_FILE [GLOBAL OPTIONS] KERNEL [KERNEL OPTIONS]
#         jobscripts/mpjrun-example.sh MACHINES_FILE [GLOBAL OPTIONS] --class-path CP MAIN_CLASS [ARGS...]
#   e.g.  printf 'node1\nnode2\n' > machines
#         RANKS=16 jobscripts/mpjrun-example.sh machines --seed 42 pi --samples 10000000000
#
# MACHINES_FILE: one host name per line (blank lines and # comments ignored), each host once
# (MPJ Express spreads RANKS evenly over the hosts). The script
#   1. starts an MPJ Express daemon on every host: directly when the host is this machine,
#      otherwise over ssh (password-less ssh to each host is needed),
#   2. runs bin/rankexec --device niodev --machines FILE --checkpoint DIR --resume ...,
#   3. stops the daemons it started, also on failure and Ctrl-C.
# The rankexec checkout, MPJ_HOME and the current directory must be visible at the same path
# on every host (a shared file system), as MPJ Express requires.
#
# Environment (all optional):
#   RANKS           number of ranks (default: hosts x CPUs of this machine)
#   MPJ_HOME        MPJ Express installation (default: the one bin/setup made)
#   MPJ_PORT_BASE   first of 3 TCP ports used on every host (default 20000 + 5 x (uid mod 2400))
#   CHECKPOINT_DIR  where finished chunks are journaled (default ./rankexec-checkpoint). If a run
#                   dies, run the same command again: it resumes there. Removed after success.
#   SSH             ssh command (default: ssh -o BatchMode=yes)
#   JAVA            java command for the daemons (default: $JAVA_HOME/bin/java, else java)
#
# The same thing by hand, for reference (MPJ Express's own scripts; MAIN and CLASSPATH are what
# bin/rankexec would pass):
#   ssh HOST "MPJ_HOME=$MPJ_HOME java -jar $MPJ_HOME/lib/daemon.jar 40055 &"   # on each host
#   java -jar $MPJ_HOME/lib/starter.jar -np 8 -dev niodev -machinesfile machines \
#        -wdir $PWD -cp CLASSPATH MAIN pi --samples 1000000000
set -uo pipefail
RANKEXEC_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$RANKEXEC_HOME/jobscripts/lib/mpj-daemons.sh"
die() { echo "mpjrun-example: $*" >&2; exit 2; }
say() { echo "mpjrun-example: $*" >&2; }

is_this_machine() {
  local h="$1" addr
  case "$h" in localhost|127.*|::1|"$(hostname)"|"$(hostname -s)"|"$(hostname -f 2>/dev/null)") return 0 ;; esac
  addr="$(getent hosts "$h" | awk '{print $1; exit}')"
  [ -n "$addr" ] && { [[ "$addr" == 127.* ]] || hostname -I 2>/dev/null | tr ' ' '\n' | grep -qx "$addr"; }
}

[ $# -ge 2 ] || die "usage: $0 MACHINES_FILE [GLOBAL OPTIONS] KERNEL [KERNEL OPTIONS]"
[ -r "$1" ] || die "machines file '$1' is not readable"
WORK="$(mktemp -d "$PWD/.rankexec-mpjrun.XXXXXX")" || die "cannot create a work directory in $PWD"
# host -> pid of the daemon we started there ("local:PID" or "ssh:PID").
declare -A DAEMONS=()
stop_daemons() {
  local h pid i
  for h in "${!DAEMONS[@]}"; do
    case "${DAEMONS[$h]}" in
      # Each daemon leads its own process group: stopping the group also ends ranks it forked.
      local:*) pid="${DAEMONS[$h]#local:}"
               kill -- "-$pid" 2>/dev/null
               for i in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done ;;
      ssh:*)   $SSH "$h" "kill -- -${DAEMONS[$h]#ssh:}" 2>/dev/null ;;
    esac
    unset "DAEMONS[$h]"
  done
}
# The work directory (machines file, job-private MPJ_HOME, daemon logs) goes unless a run failed.
KEEP_WORK=0
trap 'stop_daemons; [ "$KEEP_WORK" = 1 ] || rm -rf "$WORK"' EXIT
trap 'say "interrupted"; exit 130' INT TERM
grep -v '^[[:space:]]*\(#\|$\)' "$1" | awk '{print $1}' >"$WORK/machines"
shift
mapfile -t HOSTS <"$WORK/machines"
[ ${#HOSTS[@]} -gt 0 ] || die "machines file lists no host"
[ -z "$(sort "$WORK/machines" | uniq -d)" ] || die "machines file lists a host twice: $(sort "$WORK/machines" | uniq -d | head -1)"
local_hosts=0
for h in "${HOSTS[@]}"; do is_this_machine "$h" && local_hosts=$((local_hosts + 1)); done
[ "$local_hosts" -le 1 ] || die "machines file names this machine more than once (e.g. localhost and $(hostname -s))"
RANKS="${RANKS:-$(( ${#HOSTS[@]} * $(nproc) ))}"
[[ "$RANKS" =~ ^[1-9][0-9]*$ ]] || die "RANKS must be a positive integer, got '$RANKS'"
PORT="${MPJ_PORT_BASE:-$(( 20000 + 5 * ($(id -u) % 2400) ))}"
CHECKPOINT_DIR="${CHECKPOINT_DIR:-$PWD/rankexec-checkpoint}"
SSH="${SSH:-ssh -o BatchMode=yes}"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"; JAVA="${JAVA:-java}"

mpj_job_home "$WORK/mpj-home" "$PORT" || exit 2
export MPJ_HOME="$WORK/mpj-home"


# Each daemon gets a private home (-Duser.home): MPJ Express keeps a job's files in
# ~/.mpj_users/<user>/ and every daemon deletes that whole directory at job end, which on a shared
# home would delete the files of the other hosts and of the user's other jobs.
for h in "${HOSTS[@]}"; do
  mkdir -p "$WORK/daemon-home/$h" || die "cannot create $WORK/daemon-home/$h"
  # (exec: the daemon replaces the background subshell, so no process keeps ssh's output open
  # and the pid printed is the daemon's, the leader of its own session)
  start_cmd="cd '$WORK' && MPJ_HOME='$MPJ_HOME' exec setsid nohup $JAVA -Duser.home='$WORK/daemon-home/$h' -jar '$MPJ_HOME/lib/daemon.jar' $PORT"
  if is_this_machine "$h"; then
    mpj_port_listening "$PORT" && die "port $PORT is busy on $h: set MPJ_PORT_BASE"
    setsid nohup "$JAVA" -Duser.home="$WORK/daemon-home/$h" -jar "$MPJ_HOME/lib/daemon.jar" "$PORT" >"$WORK/daemon-$h.log" 2>&1 </dev/null &
    DAEMONS[$h]="local:$!"
  else
    pid="$($SSH "$h" "{ $start_cmd; } >'$WORK/daemon-$h.log' 2>&1 </dev/null & echo \$!")" \
      || die "cannot start the MPJ Express daemon on $h over ssh"
    DAEMONS[$h]="ssh:$pid"
  fi
done
# Wait until every daemon listens (read from /proc: probe connections make the daemon log errors).
for h in "${HOSTS[@]}"; do
  for i in $(seq 1 60); do
    if is_this_machine "$h"; then
      mpj_port_listening "$PORT" && break
    else
      $SSH "$h" "$(declare -f mpj_port_listening); mpj_port_listening $PORT" && break
    fi
    [ "$i" = 60 ] && { KEEP_WORK=1; die "daemon on $h not listening on port $PORT after 60 s; see $WORK/daemon-$h.log"; }
    sleep 1
  done
done
say "$RANKS ranks on ${#HOSTS[@]} host(s), daemons on port $PORT, checkpoint $CHECKPOINT_DIR"

"$RANKEXEC_HOME/bin/rankexec" --ranks "$RANKS" --device niodev --machines "$WORK/machines" \
    --port "$PORT" --checkpoint "$CHECKPOINT_DIR" --resume "$@"
rc=$?
stop_daemons
if [ "$rc" = 0 ]; then
  rm -rf "$CHECKPOINT_DIR"
else
  KEEP_WORK=1
  say "run failed (exit $rc): rerun the same command to resume from $CHECKPOINT_DIR; logs in $WORK"
fi
exit "$rc"
