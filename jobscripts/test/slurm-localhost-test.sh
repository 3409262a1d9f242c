#!/usr/bin/env bash
# End-to-end test of jobscripts/ against a real Slurm (Debian's slurm-wlm + munge) running as a
# private one-node cluster on this machine. Needs root (installs the packages when missing;
# Debian bookworm, no systemd needed). Idempotent: every run starts a fresh cluster in
# $SLURM_TEST_DIR (default /tmp/rankexec-slurm-test) and tears it down at exit, also on failure.
#
#   1. single node: rankexec-single-node.sbatch (multicore, 2 ranks) gives the local engine's result
#   2. niodev: rankexec-multi-node.sbatch with 2 ranks on the node (daemon started by srun from
#      SLURM_JOB_NODELIST) gives the local result, and its daemons are gone afterwards
#   3. time limit: the USR1 that --signal=B:USR1@120 sends is delivered mid-run; the job requeues
#      itself, the second attempt resumes from the checkpoint (recomputes only unfinished tasks)
#      and gives the local result
#   4. a run that fails (bad kernel option) fails the job and still stops the daemons
#   5. mpjrun-example.sh (no scheduler) on this machine gives the local result
#
# "The local result" is bin/rankexec's local thread engine (no MPI, no Slurm) with the same
# seed: results are bit-identical by design, so the result lines must be equal; the estimate is
# also recomputed from the printed inside/samples counts and must be within 0.01 of pi.
# Prints one line per check and finally "N passed, M failed"; exit code 0 only if all passed.
# Takes about 1-2 minutes (plus about a minute the first time, to install Slurm).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$ROOT/jobscripts/test/slurm-localhost.sh"
. "$ROOT/jobscripts/lib/mpj-daemons.sh"   # mpj_port_listening
TEST_NAME=slurm-localhost-test
. "$ROOT/jobscripts/test/test-lib.sh"       # pass, fail, abort, summary, check_result, ...

[ "$(id -u)" = 0 ] || abort "must run as root (it installs and starts Slurm and munge)"
slurm_install || abort "cannot install slurm-wlm and munge"
"$ROOT/bin/setup" || abort "bin/setup failed"
trap 'slurm_stop' EXIT
slurm_start || abort "the one-node Slurm cluster did not start"
JOBS="$SLURM_TEST_DIR/jobs"
cd "$JOBS" || abort "no $JOBS"
# The scripts must find the checkout and MPJ Express by themselves, as for a user.
unset RANKEXEC_HOME RANKEXEC_ARGS RANKS CHECKPOINT_DIR JOB_WORK_DIR MPJ_PORT_BASE

SEED=20261121
SMALL=(pi --samples 4000000)
# Long enough (100 tasks of 2e6 samples) that a signal lands mid-run.
LONG=(pi --samples 200000000)

submit() {   # OUTFILE SBATCH-ARGS... : prints the job id
  local out="$1"; shift
  sbatch --parsable --time=10 --output="$JOBS/$out" "$@" 2>&1 | tail -1
}

# No daemon may be left: nothing listens on the job's port and no daemon.jar of its work dir runs.
daemons_gone() {   # OUTFILE
  local port pid
  port="$(grep -ao 'daemons\{0,1\} \(on \)\{0,1\}port [0-9]*' "$1" | tail -1 | awk '{print $NF}')"
  [ -n "$port" ] || return 1
  sleep 1
  mpj_port_listening "$port" && return 1
  for pid in $(pgrep -f "daemon.jar $port\$"); do return 1; done
  return 0
}

echo "slurm-localhost-test: cluster up after $((SECONDS - START)) s"
REF_SMALL="$(local_result "$SEED" "${SMALL[@]}")"
REF_LONG="$(local_result "$SEED" "${LONG[@]}")"
pi_line_ok "$REF_SMALL" && pi_line_ok "$REF_LONG" || abort "local reference runs failed: '$REF_SMALL' '$REF_LONG'"

# 1 + 2 are queued together; Slurm runs them one after the other (each needs both CPUs).
j1="$(submit single.out --cpus-per-task=2 "$ROOT/jobscripts/rankexec-single-node.sbatch" --quiet --seed "$SEED" "${SMALL[@]}")"
j2="$(submit niodev.out --nodes=1 --ntasks-per-node=2 "$ROOT/jobscripts/rankexec-multi-node.sbatch" --quiet --seed "$SEED" "${SMALL[@]}")"
s1="$(slurm_wait_job "$j1" 180)"; s2="$(slurm_wait_job "$j2" 180)"
[ "$s1" = COMPLETED ] || fail "single-node job $j1 ended $s1"
check_result "single-node multicore job (2 ranks)" "$JOBS/single.out" "$REF_SMALL"
[ "$s2" = COMPLETED ] || fail "niodev job $j2 ended $s2"
check_result "niodev job (2 ranks, srun-started daemon)" "$JOBS/niodev.out" "$REF_SMALL"
if daemons_gone niodev.out; then pass "niodev job: daemons stopped"; else fail "niodev job: an MPJ daemon is still running"; fi

# 3: deliver the time-limit signal once some tasks are journaled.
# A user's own program (examples/option-pricing) through both scripts: --class-path CP MAIN ARGS.
EXAMPLE="$ROOT/examples/option-pricing"
[ -f "$EXAMPLE/target/option-pricing-1.0.jar" ] \
  || ( cd "$ROOT" && mvn -q -B -o install -pl rng,core,mpi -am -DskipTests && cd "$EXAMPLE" && mvn -q -B -o package ) \
  || abort "cannot build examples/option-pricing"
EX=(--class-path "$EXAMPLE/target/option-pricing-1.0.jar:$EXAMPLE/target/lib/*" org.example.options.OptionPricing
    --tasks 16 --paths 20000 --strikes 3)
REF_EX="$("$ROOT/bin/rankexec" --quiet --seed "$SEED" "${EX[@]}" 2>/dev/null)"
j5="$(submit example-single.out --cpus-per-task=2 "$ROOT/jobscripts/rankexec-single-node.sbatch" --quiet --seed "$SEED" "${EX[@]}")"
j6="$(submit example-multi.out --nodes=1 --ntasks-per-node=2 "$ROOT/jobscripts/rankexec-multi-node.sbatch" --quiet --seed "$SEED" "${EX[@]}")"
for pair in "$j5:example-single.out:single-node" "$j6:example-multi.out:multi-node"; do
  IFS=: read -r jid out name <<<"$pair"
  st="$(slurm_wait_job "$jid" 180)"
  got="$(grep -a -E '^(price|strike) ' "$JOBS/$out" 2>/dev/null)"
  if [ "$st" = COMPLETED ] && [ -n "$REF_EX" ] && [ "$got" = "$REF_EX" ]; then
    pass "own program through the $name script: $(echo "$got" | head -1)"
  else
    fail "own program through the $name script: job $jid ended $st; got '$got', expected '$REF_EX'"
    sed 's/^/    | /' "$JOBS/$out" 2>/dev/null | tail -15
  fi
done

j3="$(submit requeue.out --nodes=1 --ntasks-per-node=2 "$ROOT/jobscripts/rankexec-multi-node.sbatch" --seed "$SEED" --chunk-size 1 "${LONG[@]}")"
journal="$JOBS/rankexec-checkpoints/$j3/job-1/journal.rxj"
deadline=$((SECONDS + 120)); signalled=0
while [ "$SECONDS" -lt "$deadline" ]; do
  # each journaled chunk is one serialized ChunkResult record
  if [ "$(grep -ao 'spi.ChunkResult' "$journal" 2>/dev/null | wc -l)" -ge 10 ]; then
    scancel --signal=USR1 --batch "$j3" && signalled=1
    break
  fi
  sleep 0.2
done
s3="$(slurm_wait_job "$j3" 240)"
resumed="$(grep -ao 'resumed [0-9]*/[0-9]* tasks' "$JOBS/requeue.out" | tail -1)"
k="$(echo "$resumed" | sed -n 's|resumed \([0-9]*\)/\([0-9]*\) tasks|\1|p')"
t="$(echo "$resumed" | sed -n 's|resumed \([0-9]*\)/\([0-9]*\) tasks|\2|p')"
if [ "$signalled" = 1 ] && [ "$s3" = COMPLETED ] && grep -q 'attempt 2' "$JOBS/requeue.out" \
   && [ -n "$k" ] && [ "$k" -gt 0 ] && [ "$k" -lt "$t" ]; then
  pass "time limit: job $j3 requeued itself and attempt 2 $resumed from the checkpoint"
else
  fail "time limit: signalled=$signalled state=$s3 '$resumed' (output: $JOBS/requeue.out)"
  sed 's/^/    | /' "$JOBS/requeue.out" 2>/dev/null | tr '\r' '\n' | tail -15
fi
check_result "requeued niodev job" "$JOBS/requeue.out" "$REF_LONG"
if daemons_gone requeue.out; then pass "requeued job: daemons stopped"; else fail "requeued job: an MPJ daemon is still running"; fi

# 4: a failing run (rankexec rejects the option) fails the job; the daemons still stop.
j4="$(submit failing.out --nodes=1 --ntasks-per-node=2 "$ROOT/jobscripts/rankexec-multi-node.sbatch" --quiet pi --samples -5)"
s4="$(slurm_wait_job "$j4" 120)"
if [ "$s4" = FAILED ] && grep -q 'daemons listen on port' "$JOBS/failing.out" \
   && grep -q -- '--samples' "$JOBS/failing.out" && daemons_gone failing.out; then
  pass "failing run: job $j4 FAILED and its daemons stopped"
else
  fail "failing run: job $j4 ended $s4, or a daemon survived (output: $JOBS/failing.out)"
  sed 's/^/    | /' "$JOBS/failing.out" 2>/dev/null | tail -10
fi

# 5: without a scheduler.
hostname -s >"$JOBS/machines"
RANKS=2 timeout 300 "$ROOT/jobscripts/mpjrun-example.sh" "$JOBS/machines" --quiet --seed "$SEED" "${SMALL[@]}" >"$JOBS/mpjrun.out" 2>&1
check_result "mpjrun-example.sh on this machine (2 ranks, niodev)" "$JOBS/mpjrun.out" "$REF_SMALL"
if daemons_gone mpjrun.out; then pass "mpjrun example: daemon stopped"; else fail "mpjrun example: its MPJ daemon is still running"; fi

echo "slurm-localhost-test: $((SECONDS - START)) s"
summary
[ "$FAILED" = 0 ]
