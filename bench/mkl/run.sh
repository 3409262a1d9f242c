#!/usr/bin/env bash
# Uniform-double block generation, MKL vs rankexec, on this machine, single-threaded:
#   MKL 2020.4 vdRngUniform (bench/mkl/vdrng_bench.c) for VSL_BRNG_MT2203 and VSL_BRNG_MRG32K3A, and
#   JMH io.rankexec.bench.rng.UniformBlockBench (Mt2203.fill with the Vector API and the plain-Java
#   kernel, Mrg32k3a.fill, java.util.Random and SplittableRandom), all 10^6 doubles per call.
# Prints a table and puts it in bench/RESULTS.md (section uniform-rng). Installs MKL and gcc
# when missing. Environment: ROUNDS (MKL rounds, 15), CALLS (calls per round, 20),
# JMH_OPTS (default "-wi 3 -i 5 -w 1s -r 1s"), BENCH_NO_BUILD=1 to reuse bench/target/benchmarks.jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
MKL_DIR="$BENCH/mkl"
OUT="$BENCH/target/mkl"
mkdir -p "$OUT"

"$ROOT/rng/tools/mkl/install-mkl.sh"
gcc -O2 -Wall -I/usr/include/mkl "$MKL_DIR/vdrng_bench.c" -o "$OUT/vdrng_bench" -lmkl_rt
build_bench

export MKL_THREADING_LAYER=sequential
start_load="$(cut -d' ' -f1-3 /proc/loadavg)"
note "MKL vdRngUniform (first pass)"
"$OUT/vdrng_bench" "${ROUNDS:-15}" "${CALLS:-20}" | tee "$OUT/mkl1.txt" | grep -v '=' >&2
note "JMH UniformBlockBench"
# shellcheck disable=SC2086
java -jar "$BENCH_JAR" 'UniformBlockBench' -f 1 ${JMH_OPTS:--wi 3 -i 5 -w 1s -r 1s} \
  -jvmArgsPrepend "-Dio.rankexec.rng.vector=eager" -jvmArgsAppend "--add-modules=jdk.incubator.vector" -rf csv -rff "$OUT/jmh.csv" > "$OUT/jmh.txt" 2>&1 \
  || { tail -n 30 "$OUT/jmh.txt" >&2; die "JMH failed"; }
grep -E '^UniformBlockBench|^Benchmark' "$OUT/jmh.txt" >&2 || true
note "MKL vdRngUniform (second pass, after JMH: the machine may be shared)"
"$OUT/vdrng_bench" "${ROUNDS:-15}" "${CALLS:-20}" | tee "$OUT/mkl2.txt" | grep -v '=' >&2

# best of the two passes' medians and of their bests
mkl() { awk -v a="$(kv "$1" "$OUT/mkl1.txt")" -v b="$(kv "$1" "$OUT/mkl2.txt")" 'BEGIN { printf "%.3f", (a < b ? a : b) }'; }
jmh() { awk -F, -v m="$1" '$1 ~ "\\." m "\"?$" { gsub(/"/, "", $5); printf "%.3f", $5 }' "$OUT/jmh.csv"; }
mt_med="$(mkl mkl_mt2203_median_ns)"; mt_best="$(mkl mkl_mt2203_best_ns)"
mrg_med="$(mkl mkl_mrg32k3a_median_ns)"; mrg_best="$(mkl mkl_mrg32k3a_best_ns)"
j_mt="$(jmh mt2203Fill)"; j_mt_plain="$(jmh mt2203FillPlainJava)"; j_mrg="$(jmh mrg32k3aFill)"
j_rand="$(jmh javaUtilRandom)"; j_split="$(jmh splittableRandom)"

section="$(
{
  echo "## Uniform doubles in blocks of 10^6: MKL vdRngUniform vs rankexec (ns per double, 1 thread)"
  echo
  echo "| | |"
  echo "|---|---|"
  machine_table | sed "s/load average at start: [0-9. ]*[0-9]/load average at start: $start_load/"
  echo "| command | \`bench/mkl/run.sh\` (MKL: ${ROUNDS:-15} rounds x ${CALLS:-20} calls, before and after JMH; JMH: ${JMH_OPTS:--wi 3 -i 5 -w 1s -r 1s}) |"
  echo "| MKL 2020.4 MT2203 (VSL_BRNG_MT2203) | median **$mt_med**, best $mt_best |"
  echo "| rankexec Mt2203.fill, Vector API kernel | **$j_mt** (JMH mean); throughput vs MKL median: **$(ratio "$mt_med" "$j_mt")x** (target >= 0.8) |"
  echo "| rankexec Mt2203.fill, plain-Java kernel (no --add-modules) | $j_mt_plain; vs MKL median: $(ratio "$mt_med" "$j_mt_plain")x |"
  echo "| MKL 2020.4 MRG32K3A | median **$mrg_med**, best $mrg_best |"
  echo "| rankexec Mrg32k3a.fill | **$j_mrg**; throughput vs MKL median: **$(ratio "$mrg_med" "$j_mrg")x** (target >= 0.8) |"
  echo "| java.util.Random.nextDouble loop | $j_rand ($(ratio "$j_rand" "$j_mt")x slower than Mt2203.fill) |"
  echo "| SplittableRandom.nextDouble loop | $j_split |"
  echo
  echo "Both sides produce the same MT2203 values (rng tests compare with MKL bit for bit). The machine is"
  echo "shared and noisy: compare numbers from the same run only."
})"
echo "$section"
update_results uniform-rng <<< "$section"
