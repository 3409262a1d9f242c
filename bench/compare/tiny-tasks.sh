#!/usr/bin/env bash
# Side by side: framework overhead for many tiny tasks. R foreach + doParallel on 2 cores
# (fork backend, and a PSOCK cluster on a smaller count) against rankexec's local engine on
# 2 threads, each running TASKS tasks that return sqrt(i), combined in task order.
# Target (../../shared/DESIGN.md): 100,000 empty tasks complete in under 1 s locally.
#   bench/compare/tiny-tasks.sh
#   TASKS=1000000 PSOCK_TASKS=0 bench/compare/tiny-tasks.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
TASKS="${TASKS:-100000}" PSOCK_TASKS="${PSOCK_TASKS:-10000}" THREADS="${THREADS:-2}"

apt_install r-base-core r-cran-foreach r-cran-doparallel
build_bench
OUT="$BENCH/target/compare"; mkdir -p "$OUT"

note "R foreach + doParallel: $TASKS tasks"
Rscript "$BENCH/reference/r/foreach-tiny.R" "$TASKS" "$PSOCK_TASKS" | tee "$OUT/tiny-r.txt"
note "rankexec local engine, $THREADS threads: $TASKS tasks"
bench_java io.rankexec.bench.compare.TinyTasksSide "$TASKS" "$THREADS" | tee "$OUT/tiny-java.txt"

r_s="$(kv fork_seconds "$OUT/tiny-r.txt")"; j_s="$(kv sqrt_first_seconds "$OUT/tiny-java.txt")"  # one-off run, like R's
e_first="$(kv empty_first_seconds "$OUT/tiny-java.txt")"; e_best="$(kv empty_best_seconds "$OUT/tiny-java.txt")"
speedup="$(ratio "$r_s" "$j_s")"
scaled=$(awk -v t="$e_first" -v n="$TASKS" 'BEGIN { printf "%.3f", t * 100000 / n }')
verdict=$(awk -v t="$scaled" 'BEGIN { print (t < 1.0) ? "met" : "**missed**" }')
echo "speedup foreach(fork)/rankexec = $speedup; 100,000 empty tasks (first run, scaled) = $scaled s (target < 1 s: $verdict)"
psock_line=""
if [ -n "$(kv psock_seconds "$OUT/tiny-r.txt")" ]; then
  psock_line="| R foreach + doParallel, PSOCK cluster of 2, $(kv psock_tasks "$OUT/tiny-r.txt") tasks | $(kv psock_seconds "$OUT/tiny-r.txt") s ($(kv psock_us_per_task "$OUT/tiny-r.txt") us/task) |"
fi

update_results tiny-tasks <<MD
## Framework overhead: $TASKS tiny tasks, rankexec local engine vs R foreach + doParallel

| | |
|---|---|
$(machine_table)
| command | \`TASKS=$TASKS PSOCK_TASKS=$PSOCK_TASKS THREADS=$THREADS bench/compare/tiny-tasks.sh\` |
| R foreach + doParallel, registerDoParallel(cores = 2) (fork), $TASKS tasks sqrt(i), .combine = c | **${r_s} s** ($(kv fork_us_per_task "$OUT/tiny-r.txt") us/task) |
| R foreach, sequential %do% (foreach's own cost) | $(kv seq_seconds "$OUT/tiny-r.txt") s |
$psock_line
| rankexec LocalEngine($THREADS), $TASKS tasks sqrt(i), results gathered by task index | first run **${j_s} s** (best of $(kv runs "$OUT/tiny-java.txt") runs: $(kv sqrt_best_seconds "$OUT/tiny-java.txt") s), engine-chosen chunk size $(kv chunk_size "$OUT/tiny-java.txt") |
| rankexec LocalEngine($THREADS), $TASKS empty tasks (the JVM's first job) | first run in a fresh JVM **${e_first} s**, best $e_best s |
| rankexec LocalEngine($THREADS), $TASKS empty tasks, chunk size 1 (each task scheduled alone) | first run $(kv chunk1_first_seconds "$OUT/tiny-java.txt") s, best $(kv chunk1_best_seconds "$OUT/tiny-java.txt") s ($(kv chunk1_best_us_per_chunk "$OUT/tiny-java.txt") us/chunk) |
| speedup foreach(fork) / rankexec (first runs) | **${speedup}x** |
| target: 100,000 empty tasks < 1 s (first run, cold JVM) | $scaled s: $verdict |
MD
