#!/usr/bin/env bash
# Peak resident memory of a job with one large shared object (DESIGN.md: "a shared object costs
# one copy per JVM, not per rank"): io.rankexec.bench.mpi.SharedMemoryBench (an MB-sized double[]
# shared with every task) on 1, 2 and 4 ranks, multicore (one JVM) and niodev (one JVM per rank),
# with the multicore array sharing on and off. The peak is the largest sum of VmRSS over the
# job's rank JVMs, sampled every 0.1 s. Records the table in bench/RESULTS.md.
#   bench/compare/shared-memory.sh
#   MB=100 bench/compare/shared-memory.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
MB="${MB:-400}"
build_bench
OUT="$BENCH/target/compare"; mkdir -p "$OUT"
: > "$OUT/shared-memory.txt"
CP="$BENCH/target/classes"

peak_rss_mb() {   # COMMAND... : runs it, prints the peak of the summed VmRSS of its rank JVMs (MB)
  local marker="SharedMemoryBench" peak=0 sum pid kb
  "$@" > "$OUT/shared-memory.log" 2>&1 &
  local job=$!
  while kill -0 "$job" 2>/dev/null; do
    sum=0
    for pid in $(pgrep -f "$marker" || true); do
      [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = java ] || continue
      kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)"   # (empty once it exited)
      sum=$(( sum + ${kb:-0} ))
    done
    [ "$sum" -gt "$peak" ] && peak=$sum
    sleep 0.1
  done
  wait "$job" || { echo "FAILED"; tail -n 3 "$OUT/shared-memory.log" >&2; return 0; }
  echo $(( peak / 1024 ))
}

row() {   # LABEL RANKS DEVICE SHARE
  local label="$1" ranks="$2" device="$3" share="$4" mb
  note "$label"
  mb="$(RANKEXEC_JAVA_OPTS="-Xmx6g -Drankexec.mpi.shareArrays=$share" peak_rss_mb "$ROOT/bin/rankexec" \
        --ranks "$ranks" --device "$device" --threads 1 --quiet --class-path "$CP" io.rankexec.bench.mpi.SharedMemoryBench "$MB" 64)"
  echo "$label | $mb" | tee -a "$OUT/shared-memory.txt"
}
for r in 1 2 4; do row "multicore, $r rank(s), arrays shared (default)" "$r" multicore true; done
for r in 2 4; do row "multicore, $r ranks, sharing off (a copy per rank)" "$r" multicore false; done
for r in 1 2 4; do row "niodev, $r rank(s) (one JVM each)" "$r" niodev true; done

{
  echo "## Peak resident memory with one ${MB} MB shared object (sum over the job's rank JVMs, MB)"
  echo
  echo "| | |"
  echo "|---|---|"
  machine_table
  echo "| command | \`MB=$MB bench/compare/shared-memory.sh\` (io.rankexec.bench.mpi.SharedMemoryBench, 64 tasks reading the array, \`-Xmx6g\`) |"
  sed 's/^\(.*\) | \(.*\)$/| \1 | \2 |/' "$OUT/shared-memory.txt"
  echo
  echo "Under multicore all ranks are threads of one JVM: rank 0 holds the array and hands it to the"
  echo "other ranks by reference (io.rankexec.mpi.SharedArrays), so the peak stays near one copy plus"
  echo "the JVM; with the sharing switched off every rank deserializes its own copy. Under niodev each"
  echo "rank is a JVM of its own and needs its own copy (one per JVM): run one rank per node with"
  echo "\`--threads\` (the multi-node script's default) to hold one copy per node."
} | update_results shared-memory
