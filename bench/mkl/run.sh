#!/usr/bin/env bash
# Uniform-double block generation, MKL vs rankexec, on this machine, single-threaded:
#   MKL 2020.4 vdRngUniform (bench/mkl/vdrng_bench.c) for VSL_BRNG_MT2203 and VSL_BRNG_MRG32K3A, both
#   with MKL's default dispatch and with its Intel code path (intel_cpu_shim.c LD_PRELOADed: on AMD
#   MKL otherwise runs generic code); ratios are against the faster of the two. And
#   JMH io.rankexec.bench.rng.UniformBlockBench (Mt2203.fill with the Vector API and the plain-Java
#   kernel, Mrg32k3a.fill, java.util.Random and SplittableRandom), all 10^6 doubles per call.
# Prints a table and puts it in bench/RESULTS.md (section uniform-rng). Installs MKL and gcc
# when missing. Environment: ROUNDS (MKL rounds, 15), CALLS (calls per round, 20),
# JMH_OPTS (default "-wi 3 -i 5 -w 1s -r 1s"), BENCH_NO_BUILD=1 to reuse bench/target/benchmarks.jar.
# AVX2=1 restricts both sides to AVX2 on an AVX-512 CPU (MKL_ENABLE_INSTRUCTIONS=AVX2, JVM
# -XX:UseAVX=2): an emulation of an AVX2-only CPU, written to section uniform-rng-avx2.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
MKL_DIR="$BENCH/mkl"
OUT="$BENCH/target/mkl"
mkdir -p "$OUT"

"$ROOT/rng/tools/mkl/install-mkl.sh"
gcc -O2 -Wall -I/usr/include/mkl "$MKL_DIR/vdrng_bench.c" -o "$OUT/vdrng_bench" -lmkl_rt
gcc -O2 -Wall -shared -fPIC "$MKL_DIR/intel_cpu_shim.c" -o "$OUT/libintel_cpu_shim.so"
build_bench

export MKL_THREADING_LAYER=sequential
jvm_avx=""; section_name=uniform-rng
if [ "${AVX2:-0}" = 1 ]; then export MKL_ENABLE_INSTRUCTIONS=AVX2; jvm_avx="-XX:UseAVX=2"; section_name=uniform-rng-avx2; fi
cpu_flags="$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(sse4_2|avx|avx2|fma|avx512f|avx512dq|avx512bw|avx512vl)$' | tr '\n' ' ')"
cpu_id="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') model $(grep -m1 '^model[[:space:]]*:' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')"
note "CPU: $cpu_id; vector extensions: $cpu_flags${AVX2:+(restricted to AVX2)}"
mkl_pass() {  # mkl_pass TAG : default dispatch, then the Intel path
  note "MKL vdRngUniform, default dispatch ($1)"
  "$OUT/vdrng_bench" "${ROUNDS:-15}" "${CALLS:-20}" | tee "$OUT/mkl-default-$1.txt" | grep -v '=' >&2
  note "MKL vdRngUniform, Intel path through the shim ($1)"
  LD_PRELOAD="$OUT/libintel_cpu_shim.so" "$OUT/vdrng_bench" "${ROUNDS:-15}" "${CALLS:-20}" | tee "$OUT/mkl-intel-$1.txt" | grep -v '=' >&2
}
start_load="$(cut -d' ' -f1-3 /proc/loadavg)"
mkl_pass 1
note "JMH UniformBlockBench"
# eager: the kernel generators get once the warm-up switch is open, in steady state
# shellcheck disable=SC2086
java -jar "$BENCH_JAR" 'UniformBlockBench' -f 1 ${JMH_OPTS:--wi 3 -i 5 -w 1s -r 1s} \
  -jvmArgsPrepend "-Dio.rankexec.rng.vector=eager" -jvmArgsAppend "--add-modules=jdk.incubator.vector $jvm_avx" -rf csv -rff "$OUT/jmh.csv" > "$OUT/jmh.txt" 2>&1 \
  || { tail -n 30 "$OUT/jmh.txt" >&2; die "JMH failed"; }
grep -E '^UniformBlockBench|^Benchmark' "$OUT/jmh.txt" >&2 || true
mkl_pass 2   # after JMH: the machine may be shared

# best of the two passes (KEY, default|intel)
mkl() { awk -v a="$(kv "$1" "$OUT/mkl-$2-1.txt")" -v b="$(kv "$1" "$OUT/mkl-$2-2.txt")" 'BEGIN { printf "%.3f", (a < b ? a : b) }'; }
jmh() { awk -F, -v m="$1" '$1 ~ "\\." m "\"?$" { gsub(/"/, "", $5); printf "%.3f", $5 }' "$OUT/jmh.csv"; }
mt_def="$(mkl mkl_mt2203_best_ns default)"; mt_med="$(mkl mkl_mt2203_median_ns intel)"; mt_best="$(mkl mkl_mt2203_best_ns intel)"
mrg_def="$(mkl mkl_mrg32k3a_best_ns default)"; mrg_med="$(mkl mkl_mrg32k3a_median_ns intel)"; mrg_best="$(mkl mkl_mrg32k3a_best_ns intel)"
kernel="$(grep -o 'mt2203 kernel: [a-z0-9-]*' "$OUT/jmh.txt" | head -n 1 | cut -d' ' -f3)"
mrg_kernel="$(grep -o '^mrg32k3a kernel: [a-z0-9-]*' "$OUT/jmh.txt" | head -n 1 | cut -d' ' -f3)"
dec_kernel="$(grep -o 'mrg32k3a decimation kernel: [a-z0-9-]*' "$OUT/jmh.txt" | head -n 1 | cut -d' ' -f4)"
j_mt="$(jmh mt2203Fill)"; j_mt_plain="$(jmh mt2203FillPlainJava)"; j_mrg="$(jmh mrg32k3aFill)"
j_mrg_plain="$(jmh mrg32k3aFillPlainJava)"; j_mrg_dec="$(jmh mrg32k3aFillDecimation)"
j_rand="$(jmh javaUtilRandom)"; j_split="$(jmh splittableRandom)"

section="$(
{
  echo "## Uniform doubles in blocks of 10^6: MKL vdRngUniform vs rankexec (ns per double, 1 thread)${AVX2:+, both restricted to AVX2}"
  echo
  echo "| | |"
  echo "|---|---|"
  machine_table | sed "s/load average at start: [0-9. ]*[0-9]/load average at start: $start_load/"
  echo "| CPU id, vector extensions | $cpu_id; $cpu_flags${AVX2:+ (restricted to AVX2: MKL_ENABLE_INSTRUCTIONS=AVX2, JVM -XX:UseAVX=2)} |"
  echo "| command | \`${AVX2:+AVX2=1 }bench/mkl/run.sh\` (MKL: ${ROUNDS:-15} rounds x ${CALLS:-20} calls, each way, before and after JMH; JMH: ${JMH_OPTS:--wi 3 -i 5 -w 1s -r 1s}) |"
  echo "| MKL 2020.4 MT2203, default dispatch | best $mt_def |"
  echo "| MKL 2020.4 MT2203, Intel path (shim) | median **$mt_med**, best $mt_best |"
  echo "| rankexec Mt2203.fill, kernel ${kernel:-?} (what generators use once the switch is open) | **$j_mt** (JMH mean); throughput vs MKL Intel path median: **$(ratio "$mt_med" "$j_mt")x** (target >= 1.0) |"
  echo "| rankexec Mt2203.fill, scalar kernel (no --add-modules, or before the switch opens) | $j_mt_plain; vs MKL Intel path: $(ratio "$mt_med" "$j_mt_plain")x |"
  echo "| MKL 2020.4 MRG32K3A, default dispatch | best $mrg_def |"
  echo "| MKL 2020.4 MRG32K3A, Intel path (shim) | median **$mrg_med**, best $mrg_best |"
  echo "| rankexec Mrg32k3a.fill, kernel ${mrg_kernel:-?} (what generators use once the switch is open) | **$j_mrg**; throughput vs MKL Intel path median: **$(ratio "$mrg_med" "$j_mrg")x** (target >= 1.0) |"
  echo "| rankexec Mrg32k3a.fill, decimation kernel (the default until 2026-12-01; ${dec_kernel:-?} here) | $j_mrg_dec; vs MKL Intel path: $(ratio "$mrg_med" "$j_mrg_dec")x |"
  echo "| rankexec Mrg32k3a.fill, scalar loops (no --add-modules, or before the switch opens) | $j_mrg_plain; vs MKL Intel path: $(ratio "$mrg_med" "$j_mrg_plain")x |"
  echo "| java.util.Random.nextDouble loop | $j_rand ($(ratio "$j_rand" "$j_mt")x slower than Mt2203.fill) |"
  echo "| SplittableRandom.nextDouble loop | $j_split |"
  echo
  echo "Both sides produce the same MT2203 and MRG32k3a values (rng tests compare with MKL bit for bit). The machine is"
  echo "shared and noisy: compare numbers from the same run only."
})"
echo "$section"
update_results "$section_name" <<< "$section"
