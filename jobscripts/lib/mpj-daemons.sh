# Sourced by rankexec-multi-node.sbatch (bash, inside a Slurm allocation): MPJ Express daemons
# on the allocated nodes, started and stopped with srun (no ssh), on job-private ports. Also
# sourced by mpjrun-example.sh (mpj_job_home) and the Slurm test (mpj_port_listening).

# mpj_home_resolve, mpj_port_listening: from the checkout this file is in.
# shellcheck source=../../bin/lib/mpj.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../bin/lib/mpj.sh"

# mpj_job_home DIR PORT_BASE: an MPJ_HOME for this job only. MPJ Express reads its daemon,
# port-manager and launcher ports from MPJ_HOME/conf/mpjexpress.conf (fixed 40055/40052/40002 by
# default), so two jobs sharing a node would collide; this copy uses PORT_BASE, +1 and +2 and
# links the real lib/ directory. The real installation is mpj_home_resolve's: the user's
# MPJ_HOME, else bin/setup's build/mpj-home in the checkout RANKEXEC_HOME.
mpj_job_home() {
  local dir="$1" base="$2" real
  mpj_home_resolve "$RANKEXEC_HOME" || { echo "rankexec job: $MPJ_HOME_PROBLEM" >&2; return 1; }
  real="$MPJ_HOME"
  [[ "$base" =~ ^[0-9]+$ ]] && [ "$base" -ge 1024 ] && [ "$base" -le 65530 ] || {
    echo "rankexec job: MPJ_PORT_BASE must be an integer in 1024..65530, got '$base'" >&2; return 1; }
  rm -rf "$dir" && mkdir -p "$dir/conf" || return 1
  ln -s "$real/lib" "$dir/lib"
  cp "$real"/conf/* "$dir/conf/"
  sed -i -e "s/^mpjexpress.mpjdaemon.port.1=.*/mpjexpress.mpjdaemon.port.1=$base/" \
         -e "s/^mpjexpress.mpjdaemon.port.2=.*/mpjexpress.mpjdaemon.port.2=$((base + 1))/" \
         -e "s/^mpjexpress.mpjrun.port.1=.*/mpjexpress.mpjrun.port.1=$((base + 2))/" \
      "$dir/conf/mpjexpress.conf"
}

# mpj_start_daemons MACHINES PORT LOG TIMEOUT: one daemon per node of the allocation, in a
# background srun step that shares the job's CPUs (--overlap) and may use all of them (--whole,
# --cpu-bind=none: the ranks the daemon forks inherit its CPU set). Returns once every node
# reports its daemon listening, non-zero on failure or timeout (naming a node whose own host
# name does not resolve: the daemon would die with UnknownHostException).
# Each daemon gets a private home, LOG's directory/daemon-home/NODE (-Duser.home): MPJ Express
# keeps a job's files in ~/.mpj_users/<user>/ and every daemon deletes that whole directory when
# its part of a job ends, which on a shared home would delete the files of the job's other
# nodes and of the user's other jobs.
# _mpj_on_every_node N CONDITION: true when the bash CONDITION (which may use
# mpj_port_listening) holds on every one of the N nodes, checked by a short srun step.
_mpj_on_every_node() {
  srun --overlap --nodes="$1" --ntasks="$1" --ntasks-per-node=1 --input=none \
       --job-name=mpj-daemon-check --export=ALL \
       bash -c "$(declare -f mpj_port_listening); $2" >/dev/null 2>&1
}

mpj_start_daemons() {
  local machines="$1" port="$2" log="$3" timeout="$4" n java deadline unresolved
  n="$(wc -l <"$machines")"
  java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}"; java="${java:-java}"
  unresolved="$(srun --overlap --nodes="$n" --ntasks="$n" --ntasks-per-node=1 --input=none \
       --job-name=mpj-host-check bash -c 'getent hosts "$(hostname)" >/dev/null || hostname' 2>/dev/null)"
  if [ -n "$unresolved" ]; then
    echo "rankexec job: the host name of node(s) $(echo "$unresolved" | paste -sd, -) does not resolve on that node (MPJ Express would die with java.net.UnknownHostException): fix /etc/hosts or DNS there" >&2
    return 1
  fi
  # A daemon of someone else on our port would answer in place of ours: refuse busy ports.
  if ! _mpj_on_every_node "$n" "! mpj_port_listening $port && ! mpj_port_listening $((port + 1)) && ! mpj_port_listening $((port + 2))"; then
    echo "rankexec job: port $port, $((port + 1)) or $((port + 2)) is already in use on a node: set MPJ_PORT_BASE to free ports" >&2
    return 1
  fi
  # srun's own messages ("forcing job termination" when we stop it) go beside the log.
  srun --overlap --whole --cpu-bind=none --nodes="$n" --ntasks="$n" --ntasks-per-node=1 \
       --kill-on-bad-exit=0 --input=none --output="$log" --job-name=mpj-daemons \
       --export=ALL bash -c 'h="$1/${SLURMD_NODENAME:-$(hostname)}"; mkdir -p "$h" && exec "$2" -Duser.home="$h" -jar "$3" "$4"' \
       mpj-daemon "$(dirname "$log")/daemon-home" "$java" "$MPJ_HOME/lib/daemon.jar" "$port" 2>>"$log.srun" &
  MPJ_DAEMON_SRUN=$!
  deadline=$((SECONDS + timeout))
  while :; do
    if _mpj_on_every_node "$n" "mpj_port_listening $port"; then
      echo "rankexec job: MPJ Express daemons listen on port $port on $n node(s)" >&2
      return 0
    fi
    if ! kill -0 "$MPJ_DAEMON_SRUN" 2>/dev/null; then
      echo "rankexec job: the MPJ Express daemons exited at start (port $port busy?); see $log:" >&2
      tail -5 "$log" "$log.srun" >&2
      return 1
    fi
    [ "${RX_STOPPING:-0}" = 1 ] && return 1
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "rankexec job: MPJ Express daemons not listening on port $port after ${timeout}s; see $log" >&2
      return 1
    fi
    sleep 1
  done
}

# Stops the daemon step (srun forwards TERM to every daemon; Slurm kills what they forked).
# Idempotent, so it can run both after the run and from the EXIT trap.
mpj_stop_daemons() {
  local pid="${MPJ_DAEMON_SRUN:-}"
  [ -n "$pid" ] || return 0
  MPJ_DAEMON_SRUN=""
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null
    echo "rankexec job: MPJ Express daemon step did not stop on TERM; killed its srun" >&2
  fi
  wait "$pid" 2>/dev/null
  echo "rankexec job: MPJ Express daemons stopped" >&2
  return 0
}
