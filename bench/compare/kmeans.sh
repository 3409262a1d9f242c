#!/usr/bin/env bash
# Side by side: the rxExec k-means seed case (5000x50 standard normal data, k = 10,
# iter.max = 35, 400 random starts, best total within-SS wins) in R's kmeans (Hartigan-Wong,
# nstart, one core) and in rankexec's k-means kernel on one thread, on the very same data
# (R writes its matrix to CSV, rankexec reads it).
# Target (../../shared/DESIGN.md): rankexec at least 10x faster, total within-SS no worse.
#   bench/compare/kmeans.sh                # 400 starts (R takes a minute or two)
#   NSTART=40 bench/compare/kmeans.sh      # quick look
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NSTART="${NSTART:-400}" SEED="${SEED:-1}" THREADS="${THREADS:-1}"

apt_install r-base-core
build_bench
OUT="$BENCH/target/compare"; mkdir -p "$OUT"
DATA="$OUT/kmeans-seed-data.csv"

note "R kmeans, nstart = $NSTART, one core (also writes the data to $DATA)"
Rscript "$BENCH/reference/r/kmeans-seed.R" "$NSTART" "$SEED" "$DATA" | tee "$OUT/kmeans-r.txt"
note "rankexec k-means, $NSTART restarts, $THREADS thread(s), same data"
bench_java io.rankexec.bench.compare.KmeansSide "$DATA" 10 35 "$NSTART" "$THREADS" | tee "$OUT/kmeans-java.txt"

r_s="$(kv seconds "$OUT/kmeans-r.txt")";  j_s="$(kv seconds "$OUT/kmeans-java.txt")"
r_ss="$(kv best_tot_withinss "$OUT/kmeans-r.txt")"; j_ss="$(kv best_tot_withinss "$OUT/kmeans-java.txt")"
speedup="$(ratio "$r_s" "$j_s")"
ss_ok=$(awk -v a="$j_ss" -v b="$r_ss" 'BEGIN { print (a != "" && a <= b * (1 + 1e-9)) ? "no worse" : "**worse**" }')
verdict=$(awk -v s="$speedup" -v ok="$ss_ok" 'BEGIN { print (s != "n/a" && s >= 10 && ok == "no worse") ? "met" : "**missed**" }')
echo "speedup R/rankexec = $speedup (target >= 10: $verdict), within-SS rankexec $j_ss vs R $r_ss ($ss_ok)"

update_results kmeans <<MD
## k-means seed case: rankexec vs R kmeans

| | |
|---|---|
$(machine_table)
| command | \`NSTART=$NSTART SEED=$SEED THREADS=$THREADS bench/compare/kmeans.sh\` |
| problem | 5000x50 rnorm (R, set.seed($SEED)), k = 10, iter.max = 35, $NSTART random starts, same data on both sides |
| R $(kv r_version "$OUT/kmeans-r.txt"), kmeans(nstart = $NSTART), Hartigan-Wong, 1 core | **${r_s} s**, best tot.withinss $r_ss |
| rankexec, $(kv algorithm "$OUT/kmeans-java.txt"), $THREADS thread(s) | **${j_s} s**, best tot.withinss $j_ss |
| speedup R / rankexec | **${speedup}x** (target >= 10x with within-SS no worse: $verdict; within-SS $ss_ok) |
MD
