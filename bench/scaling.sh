#!/usr/bin/env bash
# Parallel scaling, 1 vs 2 workers, for the compute-bound kernels (Mandelbrot, k-means restarts,
# bootstrap) through the real launcher: MPI ranks under MPJ Express multicore
# (bin/rankexec --ranks 1|2 --device multicore) and, for context, the local thread engine
# (bin/rankexec --threads 1|2). Efficiency = T1 / (2 * T2) (target: >= 0.90 on 2 ranks).
# T is the job time the CLI prints ("time: ... s"), best of REPEATS runs; wall time (JVM and
# MPJ start-up included) and CPU time (user + sys of all processes) are reported beside it. On a
# shared, oversubscribed machine T2 suffers most (it needs both cores at once), so the CPU-time
# ratio cpu1 / cpu2 is printed too: the share of the 2-rank run's CPU work that is useful work.
#   bench/scaling.sh                       # all three kernels
#   bench/scaling.sh mandelbrot            # one kernel
#   RUN_TIMEOUT=900 bench/scaling.sh       # seconds allowed per run (default 600)
#   REPEATS=3 bench/scaling.sh             # runs per configuration, best job time kept (default 2)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUN_TIMEOUT="${RUN_TIMEOUT:-600}" REPEATS="${REPEATS:-2}"

declare -A ARGS=(
  [mandelbrot]="mandelbrot --width 3000 --height 3000 --max-iter 1000"
  [kmeans]="kmeans --generate 5000x50 --k 10 --iter-max 35 --nstart 400"
  [bootstrap]="bootstrap --replicates 200000"
)
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(mandelbrot kmeans bootstrap)
for k in "${kernels[@]}"; do [ -n "${ARGS[$k]:-}" ] || die "unknown kernel '$k' (known: ${!ARGS[*]})"; done

apt_install time
"$ROOT/bin/setup"
(cd "$ROOT" && { mvn -q -o -B -pl kernels -am package -DskipTests >/dev/null 2>&1 \
                 || mvn -q -B -pl kernels -am package -DskipTests >&2; }) || die "maven build of kernels/ failed"
OUT="$BENCH/target/scaling"; mkdir -p "$OUT"

# run1 LOG LAUNCHER_ARGS... : one run; prints "job_seconds wall_seconds cpu_seconds" or "failed".
run1() {
  local log="$1" rc=0; shift
  /usr/bin/time -f "%e %U %S" -o "$log.time" timeout "$RUN_TIMEOUT" "$ROOT/bin/rankexec" "$@" > "$log" 2>&1 || rc=$?
  local job; job="$(sed -n 's/^time: \([0-9.]*\) s.*/\1/p' "$log" | tail -n 1)"
  if [ $rc -ne 0 ] || [ -z "$job" ]; then
    note "failed (exit $rc$([ $rc = 124 ] && echo ", timed out after ${RUN_TIMEOUT}s")): see $log"
    tail -n 3 "$log" >&2
    echo failed
  else
    echo "$job $(awk '{ printf "%.3f %.3f", $1, $2 + $3 }' "$log.time")"
  fi
}

# run LABEL LAUNCHER_ARGS... : REPEATS runs; prints the one with the best job time
# ("job wall cpu"), or "failed failed failed" if any run failed.
run() {
  local label="$1" best="" r line; shift
  note "$label: bin/rankexec $* (x$REPEATS)"
  for r in $(seq 1 "$REPEATS"); do
    line="$(run1 "$OUT/$label.$r.log" "$@")"
    [ "$line" != failed ] || { echo "failed failed failed"; return; }
    cp "$OUT/$label.$r.log" "$OUT/$label.log"
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best="$line"; fi
  done
  echo "$best"
}
eff() { # eff T1 T2 [WORKERS=2]: T1 / (WORKERS * T2)
  awk -v a="$1" -v b="$2" -v w="${3:-2}" 'BEGIN { if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b == 0) print "n/a"; else printf "%.2f", a / (w * b) }'
}
verdict() { awk -v e="$1" 'BEGIN { print (e != "n/a" && e >= 0.90) ? "met" : "**missed**" }'; }

rows="$(mktemp)"
for k in "${kernels[@]}"; do
  read -r -a a <<< "${ARGS[$k]}"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  read -r m1 m1w m1c <<< "$(run "$k-mpi1" --ranks 1 --device multicore --quiet "${a[@]}")"
  read -r m2 m2w m2c <<< "$(run "$k-mpi2" --ranks 2 --device multicore --quiet "${a[@]}")"
  read -r t2 _ _ <<< "$(run "$k-mpi1x2" --ranks 1 --threads 2 --device multicore --quiet "${a[@]}")"
  read -r l1 _ _ <<< "$(run "$k-local1" --threads 1 --quiet "${a[@]}")"
  read -r l2 _ _ <<< "$(run "$k-local2" --threads 2 --quiet "${a[@]}")"
  me="$(eff "$m1" "$m2")"; mcpu="$(eff "$m1c" "$m2c" 1)"; le="$(eff "$l1" "$l2")"; te="$(eff "$m1" "$t2")"
  # the kernel's result lines (they start with its name) must be the same in all four runs
  same="identical"
  for other in mpi2 mpi1x2 local1 local2; do
    diff <(grep "^$k " "$OUT/$k-mpi1.log") <(grep "^$k " "$OUT/$k-$other.log") >/dev/null 2>&1 || same="DIFFER"
  done
  grep -q "^$k " "$OUT/$k-mpi1.log" 2>/dev/null || same="n/a"
  echo "$k: MPI 1 rank $m1 s, 2 ranks $m2 s, efficiency $me (cpu ratio $mcpu); 1 rank x 2 threads $t2 s, efficiency $te; local 1 thread $l1 s, 2 threads $l2 s, efficiency $le; results of the 5 runs $same; load $load"
  echo "| $k | \`${ARGS[$k]}\` | $load | $m1 / $m1w / $m1c | $m2 / $m2w / $m2c | **$me**: $(verdict "$me") | $mcpu | $t2 | **$te**: $(verdict "$te") | $l1 | $l2 | $le | $same |" >> "$rows"
done

update_results scaling <<MD
## Parallel scaling: 1 vs 2 ranks (MPJ Express multicore) and 1 vs 2 local threads

| | |
|---|---|
$(machine_table)
| command | \`bench/scaling.sh ${kernels[*]}\` |
| how | \`bin/rankexec --ranks 1\|2 --device multicore --quiet KERNEL ...\`, \`--ranks 1 --threads 2\` and \`bin/rankexec --threads 1\|2 --quiet KERNEL ...\`, best job time of $REPEATS runs each; efficiency = T1 / (2 T2), target >= 0.90; CPU ratio = CPU time of the 1-rank run / CPU time of the 2-rank run |

| kernel | arguments | load avg before | MPI 1 rank: job / wall / CPU s | MPI 2 ranks: job / wall / CPU s | MPI efficiency, 2 ranks | CPU ratio 1:2 ranks | MPI 1 rank x 2 threads, s | MPI efficiency, 1 rank x 2 threads | local 1 thread, s | local 2 threads, s | local efficiency | results of the 5 runs |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
$(cat "$rows")
MD
rm -f "$rows"
