#!/usr/bin/env bash
# Side by side: the doRedis vignette's bootstrap (logistic regression of Species on
# Sepal.Length for versicolor vs virginica, resampled with replacement) as a sequential R loop
# of glm() fits and as rankexec's bootstrap kernel (IRLS) on one thread, same replicate count.
# There is no numeric target in DESIGN.md; this records the speed and that the CIs agree
# (different random resamples, so they agree to Monte Carlo error, not bit for bit).
#   bench/compare/bootstrap.sh
#   REPLICATES=100000 bench/compare/bootstrap.sh    # the vignette's trial count
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
REPLICATES="${REPLICATES:-10000}" SEED="${SEED:-1}" THREADS="${THREADS:-1}"

apt_install r-base-core
build_bench
OUT="$BENCH/target/compare"; mkdir -p "$OUT"

note "R: $REPLICATES glm() fits in a sequential loop"
Rscript "$BENCH/reference/r/bootstrap-glm.R" "$REPLICATES" "$SEED" | tee "$OUT/bootstrap-r.txt"
note "rankexec bootstrap kernel: $REPLICATES replicates, $THREADS thread(s)"
bench_java io.rankexec.bench.compare.BootstrapSide "$REPLICATES" "$SEED" "$THREADS" | tee "$OUT/bootstrap-java.txt"

r_s="$(kv seconds "$OUT/bootstrap-r.txt")"; j_s="$(kv seconds "$OUT/bootstrap-java.txt")"
speedup="$(ratio "$r_s" "$j_s")"
echo "speedup R/rankexec = $speedup"
row() { # row LABEL KEY
  echo "| $1 | R: $(kv "$2" "$OUT/bootstrap-r.txt") | rankexec: $(kv "$2" "$OUT/bootstrap-java.txt") |"
}

update_results bootstrap <<MD
## Bootstrap (glm logistic regression on iris): rankexec vs R

| | |
|---|---|
$(machine_table)
| command | \`REPLICATES=$REPLICATES SEED=$SEED THREADS=$THREADS bench/compare/bootstrap.sh\` |
| R, sequential loop of glm(), 1 core | **${r_s} s** ($(kv us_per_replicate "$OUT/bootstrap-r.txt") us/replicate) |
| rankexec bootstrap kernel (IRLS), $THREADS thread(s) | **${j_s} s** ($(kv us_per_replicate "$OUT/bootstrap-java.txt") us/replicate) |
| speedup R / rankexec | **${speedup}x** (no target in DESIGN.md) |

| statistic | | |
|---|---|---|
$(row "intercept, full sample" intercept_full_sample)
$(row "intercept, 95% percentile CI" intercept_percentile_ci)
$(row "intercept, 95% normal CI" intercept_normal_ci)
$(row "slope, full sample" slope_full_sample)
$(row "slope, 95% percentile CI" slope_percentile_ci)
$(row "slope, 95% normal CI" slope_normal_ci)
MD
