#!/usr/bin/env bash
# Runs every side-by-side comparison once and updates bench/RESULTS.md:
#   bench/compare.sh                      # all: mandelbrot kmeans bootstrap tiny-tasks mpi-roundtrip rng
#   bench/compare.sh mandelbrot kmeans    # just these
# Each comparison is also runnable alone: bench/compare/<name>.sh (settings via environment
# variables documented at the top of each script); "rng" is bench/mkl/run.sh (MKL vdRngUniform
# vs rankexec's generators).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all=(mandelbrot kmeans bootstrap tiny-tasks mpi-roundtrip)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=("${all[@]}" rng)

build_bench
export BENCH_NO_BUILD=1   # built once above
failed=()
for name in "${names[@]}"; do
  if [ "$name" = rng ]; then
    script="$BENCH/mkl/run.sh"
    [ -x "$script" ] || { note "no bench/mkl/run.sh: skipping the MKL generator comparison"; failed+=(rng); continue; }
  else
    script="$BENCH/compare/$name.sh"
    [ -x "$script" ] || die "unknown comparison '$name' (known: ${all[*]} rng)"
  fi
  note "comparison: $name"
  "$script" || failed+=("$name")
done
[ ${#failed[@]} -eq 0 ] || die "comparisons that failed: ${failed[*]}"
