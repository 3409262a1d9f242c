#!/usr/bin/env bash
# How many chunks per second rank 0 serves, and so how many workers it can keep busy
# (DESIGN.md: "rank 0 must not be the bottleneck"). Runs io.rankexec.bench.mpi.CoordinatorBench
# (CHUNKS empty tasks, one per chunk, rank 0 only coordinating, every chunk crossing MPI) on
# 2, 8, 32 and 64 multicore ranks, on ranks x threads, and with a checkpoint journal (one fsync
# per chunk); records the figures and the capacity model in bench/RESULTS.md.
#   bench/compare/coordinator.sh
#   CHUNKS=50000 SHAPES="2x1 8x1" bench/compare/coordinator.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
CHUNKS="${CHUNKS:-20000}"
SHAPES="${SHAPES:-2x1 8x1 32x1 64x1 2x4 8x4}"
build_bench
OUT="$BENCH/target/compare"; mkdir -p "$OUT"
: > "$OUT/coordinator.txt"
CP="$BENCH/target/classes"
run_shape() {   # RANKS THREADS [extra global options...]
  local ranks="$1" threads="$2"; shift 2
  RANKEXEC_MAX_RANKS_PER_CPU=64 RANKEXEC_JAVA_OPTS="-Xmx2g -Drankexec.mpi.rootComputes=false" \
    timeout 900 "$ROOT/bin/rankexec" --ranks "$ranks" --threads "$threads" --quiet "$@" \
    --class-path "$CP" io.rankexec.bench.mpi.CoordinatorBench "$CHUNKS" 2>&1 | grep "chunks/s" || echo "mpi[${ranks}x${threads}]: FAILED"
}
for shape in $SHAPES; do
  r="${shape%x*}" t="${shape#*x}"
  note "coordinator: $r ranks x $t threads, $CHUNKS chunks"
  run_shape "$r" "$t" | tee -a "$OUT/coordinator.txt"
done
CK="$(mktemp -d)"; trap 'rm -rf "$CK"' EXIT
note "coordinator with a checkpoint journal (fsync per chunk): 8 ranks"
run_shape 8 1 --checkpoint "$CK/j" | sed 's/^/journaled: /' | tee -a "$OUT/coordinator.txt"

best_us="$(grep -v journaled "$OUT/coordinator.txt" | grep -o '[0-9.]* us per chunk' | awk '{print $1}' | sort -n | head -1)"
journal_us="$(grep journaled "$OUT/coordinator.txt" | grep -o '[0-9.]* us per chunk' | awk '{print $1}' | head -1)"
{
  echo "## Coordinator throughput: chunks per second rank 0 serves (multicore, empty tasks, chunk size 1)"
  echo
  echo "| | |"
  echo "|---|---|"
  machine_table
  echo "| command | \`CHUNKS=$CHUNKS bench/compare/coordinator.sh\` (io.rankexec.bench.mpi.CoordinatorBench, \`-Drankexec.mpi.rootComputes=false\`: every chunk crosses MPI) |"
  sed 's/^\(.*\): \([0-9]* chunks in .*\)$/| \1 | \2 |/' "$OUT/coordinator.txt"
  echo
  echo "All ranks are threads of one JVM on this 2-core machine, so the wide shapes measure rank 0 while"
  echo "it shares 2 cores with every worker: a lower bound on what it serves on a real node."
  echo
  echo "**Model.** Rank 0 serves one request in about c = ${best_us:-?} us (best shape above; ${journal_us:-?} us with"
  echo "a journal, whose fsync now runs on a separate accepting thread). A job whose chunks take T"
  echo "keeps at most T / c workers (ranks x threads) busy before rank 0 saturates: for T = 10 ms,"
  awk -v c="${best_us:-0}" -v j="${journal_us:-0}" 'BEGIN {
    if (c > 0) printf "about %d workers (%d with a journal, if the fsync were on the serving path; it is not: the\n", 10000 / c, (j > 0 ? 10000 / j : 0)
    print "serving thread replies before the result is journaled). Longer chunks scale linearly: T = 100 ms"
    if (c > 0) printf "keeps about %d workers busy. Each rank also prefetches one chunk beyond its threads, so a worker\n", 100000 / c
    print "never waits a full round trip for its next chunk."
  }'
} | update_results coordinator
