#!/usr/bin/env bash
# MT2203 and MRG32k3a block fills (10^6 uniform doubles per call, 1 thread) under two JDKs, side by
# side in one run, against MKL 2020.4 vdRngUniform on its Intel code path (intel_cpu_shim.c
# LD_PRELOADed), on AVX-512 and with both sides restricted to AVX2 (MKL_ENABLE_INSTRUCTIONS=AVX2,
# JVM -XX:UseAVX=2). Same programs as bench/mkl/run.sh (vdrng_bench.c, JMH UniformBlockBench with
# -Dio.rankexec.rng.vector=eager), run with each JDK in turn, alternating (JDK A, JDK B, JDK A, JDK B),
# between MKL passes before and after. Writes section rng-jdk25 of bench/RESULTS.md.
# Environment: JDKS (two JDK homes, default the Debian JDK 17 and Temurin 25), REPS (JMH runs per JDK
# and mode, 2), MODES ("avx512 avx2"), ROUNDS / CALLS (MKL, 15 / 20), JMH_OPTS ("-wi 3 -i 5 -w 1s -r 1s"),
# BENCH_NO_BUILD=1 to reuse bench/target/benchmarks.jar (compiled for release 17; runs on 25 too).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
MKL_DIR="$BENCH/mkl"
OUT="$BENCH/target/mkl/jdk"
mkdir -p "$OUT"
read -r -a jdks <<< "${JDKS:-/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64}"
[ "${#jdks[@]}" = 2 ] || die "JDKS must name two JDK homes"
for j in "${jdks[@]}"; do [ -x "$j/bin/java" ] || die "no $j/bin/java"; done
REPS="${REPS:-2}"; MODES="${MODES:-avx512 avx2}"; JMH_OPTS="${JMH_OPTS:--wi 3 -i 5 -w 1s -r 1s}"

"$ROOT/rng/tools/mkl/install-mkl.sh"
gcc -O2 -Wall -I/usr/include/mkl "$MKL_DIR/vdrng_bench.c" -o "$OUT/vdrng_bench" -lmkl_rt
gcc -O2 -Wall -shared -fPIC "$MKL_DIR/intel_cpu_shim.c" -o "$OUT/libintel_cpu_shim.so"
build_bench
export MKL_THREADING_LAYER=sequential

# rng_tests JDK_INDEX [JVM_FLAG] : the rng module's tests (MKL/R golden values bit for bit, kernels vs
# scalar steps, every kernel in a JVM of its own) on that JDK; prints "pass (N tests, S skipped)" or "FAIL ..."
rng_tests() {
  local log="$OUT/rng-test-jdk$1${2:+-avx2}.txt" rc=0
  note "rng tests on ${jdks[$1]}${2:+ with $2}"
  (cd "$ROOT" && env JAVA_HOME="${jdks[$1]}" ${2:+JAVA_TOOL_OPTIONS=$2} mvn -B -o -pl rng test) > "$log" 2>&1 || rc=$?
  awk -v rc="$rc" '/Tests run: [0-9]+, Failures/ && !/ -- in / { gsub(/,/, ""); n += $4; f += $6; e += $8; s += $10 }
    END { printf "%s (%d tests, %d failures, %d errors, %d skipped)", (rc == 0 && f + e == 0 && n > 0 ? "pass" : "FAIL"), n, f, e, s }' "$log"
}
tests=""
for ji in 0 1; do
  for flag in "" "-XX:UseAVX=2"; do
    tests+="JDK $("${jdks[$ji]}/bin/java" -version 2>&1 | head -n 1 | grep -o '"[^"]*"' | tr -d '"')${flag:+ $flag}: $(rng_tests "$ji" "$flag"); "
  done
done
note "rng tests: $tests"

jdk_version() { "$1/bin/java" -version 2>&1 | sed -n 2p | sed 's/^ *//'; }
jdk_short() { "$1/bin/java" -version 2>&1 | head -n 1 | grep -o '"[^"]*"' | tr -d '"'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_flags="$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(sse4_2|avx|avx2|fma|avx512f|avx512dq|avx512bw|avx512vl)$' | tr '\n' ' ' | sed 's/ $//')"
cpu_id="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') model $(grep -m1 '^model[[:space:]]*:' /proc/cpuinfo | cut -d: -f2 | tr -d ' ')"
note "CPU: $cpu_id; vector extensions: $cpu_flags"
loads=""   # "label: load; ..." for the table

mkl_pass() {  # mkl_pass MODE N : MKL's Intel path through the shim
  note "MKL vdRngUniform, Intel path ($1, pass $2), load $(load)"
  LD_PRELOAD="$OUT/libintel_cpu_shim.so" "$OUT/vdrng_bench" "${ROUNDS:-15}" "${CALLS:-20}" \
    | tee "$OUT/mkl-$1-$2.txt" | grep -v '=' >&2
}
jmh_run() {  # jmh_run MODE JDK_INDEX REP
  local mode="$1" ji="$2" rep="$3" java="${jdks[$2]}/bin/java" tag="$1-jdk$2-$3" avx="" regex
  [ "$mode" = avx2 ] && avx="-XX:UseAVX=2"
  # the kernels users get (eager: steady state after the warm-up switch opens), the plain-Java loops;
  # on AVX-512 also the forced kernels (MRG32k3a decimation; MT2203 one-pass fused-256 in a JVM of its own)
  regex=('UniformBlockBench\.(mt2203Fill|mrg32k3aFill)$' 'UniformBlockBench\.PlainJava\.')
  [ "$mode" = avx512 ] && regex+=('UniformBlockBench\.Decimation\.')
  loads+="$mode JDK $(jdk_short "${jdks[$ji]}") run $rep: $(load); "
  note "JMH $tag ($java), load $(load)"
  # shellcheck disable=SC2086
  "$java" -jar "$BENCH_JAR" "${regex[@]}" -f 1 $JMH_OPTS \
    -jvmArgsPrepend "-Dio.rankexec.rng.vector=eager" -jvmArgsAppend "--add-modules=jdk.incubator.vector $avx" \
    -rf csv -rff "$OUT/jmh-$tag.csv" > "$OUT/jmh-$tag.txt" 2>&1 || { tail -n 30 "$OUT/jmh-$tag.txt" >&2; die "JMH failed"; }
  grep -E '^UniformBlockBench|^Benchmark' "$OUT/jmh-$tag.txt" >&2 || true
  if [ "$mode" = avx512 ]; then
    # shellcheck disable=SC2086
    "$java" -jar "$BENCH_JAR" 'UniformBlockBench\.mt2203Fill$' -f 1 $JMH_OPTS \
      -jvmArgsPrepend "-Dio.rankexec.rng.vector=eager" \
      -jvmArgsAppend "--add-modules=jdk.incubator.vector -Dio.rankexec.rng.mt2203.kernel=fused-256" \
      -rf csv -rff "$OUT/jmh-$tag-fused.csv" > "$OUT/jmh-$tag-fused.txt" 2>&1 || { tail -n 30 "$OUT/jmh-$tag-fused.txt" >&2; die "JMH failed"; }
    grep -E '^UniformBlockBench' "$OUT/jmh-$tag-fused.txt" | sed 's/mt2203Fill /mt2203Fill(fused-256)/' >&2 || true
  fi
}

for mode in $MODES; do
  if [ "$mode" = avx2 ]; then export MKL_ENABLE_INSTRUCTIONS=AVX2; else unset MKL_ENABLE_INSTRUCTIONS; fi
  mkl_pass "$mode" 1
  for rep in $(seq 1 "$REPS"); do
    for ji in 0 1; do jmh_run "$mode" "$ji" "$rep"; done
  done
  mkl_pass "$mode" 2
done
unset MKL_ENABLE_INSTRUCTIONS

# mkl MODE KEY : the better of the two passes
mkl() { awk -v a="$(kv "$2" "$OUT/mkl-$1-1.txt")" -v b="$(kv "$2" "$OUT/mkl-$1-2.txt")" 'BEGIN { printf "%.3f", (a < b ? a : b) }'; }
# score MODE JDK_INDEX METHOD [SUFFIX] : "r1 / r2 ..." and the mean, tab-separated
score() {
  local vals="" rep v
  for rep in $(seq 1 "$REPS"); do
    v="$(awk -F, -v m="$3" '$1 ~ "\\." m "\"?$" { gsub(/"/, "", $5); printf "%.3f", $5 }' "$OUT/jmh-$1-jdk$2-$rep${4:-}.csv" 2>/dev/null || true)"
    vals+="${vals:+ }${v:-?}"
  done
  awk -v s="$vals" 'BEGIN { n = split(s, a, " "); t = 0; k = 0; out = "";
    for (i = 1; i <= n; i++) { out = out (i > 1 ? " / " : "") a[i]; if (a[i] != "?") { t += a[i]; k++ } }
    printf "%s\t%s", out, (k ? sprintf("%.3f", t / k) : "") }'
}
kernel() { grep -o "$3 kernel: [a-z0-9-]*" "$OUT/jmh-$1-jdk$2-1${4:-}.txt" | head -n 1 | awk '{ print $NF }'; }
cell() {  # cell MODE JDK_INDEX METHOD MKL_MEDIAN [SUFFIX] : "**mean** (r1 / r2), ratio x"
  local s runs mean
  s="$(score "$1" "$2" "$3" "${5:-}")"; runs="${s%%$'\t'*}"; mean="${s##*$'\t'}"
  [ -n "$mean" ] || { echo "n/a"; return; }
  echo "**$mean** ($runs): **$(ratio "$4" "$mean")x**"
}
row() {  # row LABEL GEN METHOD [SUFFIX] [MODES]
  local line="| $1 |" mode ji med
  for mode in avx512 avx2; do
    med="$(mkl "$mode" "mkl_${2}_median_ns")"
    for ji in 0 1; do
      if [[ " ${5:-avx512 avx2} " == *" $mode "* ]] && [[ " $MODES " == *" $mode "* ]]; then
        line+=" $(cell "$mode" "$ji" "$3" "$med" "${4:-}") |"
      else line+=" - |"; fi
    done
  done
  echo "$line"
}
v0="$(jdk_short "${jdks[0]}")"; v1="$(jdk_short "${jdks[1]}")"
k() { kernel "$@" || true; }
section="$(
{
  echo "## MT2203 and MRG32k3a block fills under JDK $v0 and JDK $v1 vs MKL's Intel path (ns per double, 10^6 per call, 1 thread)"
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date (UTC) | $BENCH_START_DATE |"
  echo "| CPU id, vector extensions | \`nproc\` = $(nproc); $cpu_id; $cpu_flags |"
  echo "| JDKs | A: $(jdk_version "${jdks[0]}") (\`${jdks[0]}\`); B: $(jdk_version "${jdks[1]}") (\`${jdks[1]}\`); the same benchmarks.jar (release 17), \`--add-modules=jdk.incubator.vector\` on both |"
  echo "| command | \`bench/mkl/jdk-compare.sh\` (JDKS, REPS=$REPS, MODES=\"$MODES\"): per mode, MKL ${ROUNDS:-15} rounds x ${CALLS:-20} calls (Intel path, \`LD_PRELOAD=libintel_cpu_shim.so\`), then JMH with A, B, A, B... (\`\$JDK/bin/java -jar bench/target/benchmarks.jar <UniformBlockBench regexps> -f 1 $JMH_OPTS -jvmArgsPrepend -Dio.rankexec.rng.vector=eager -jvmArgsAppend '--add-modules=jdk.incubator.vector [-XX:UseAVX=2]'\`), then MKL again; AVX2: \`MKL_ENABLE_INSTRUCTIONS=AVX2\` and \`-XX:UseAVX=2\` |"
  echo "| same values on both JDKs | rng tests (\`JAVA_HOME=\$JDK mvn -B -o -pl rng test\`, and with \`JAVA_TOOL_OPTIONS=-XX:UseAVX=2\`), run before the timings: ${tests%; } |"
  echo "| load average (1/5/15 min) | start $BENCH_START_LOAD; ${loads}end $(load) |"
  echo "| MKL 2020.4 Intel path, median (best) of the better pass | MT2203: AVX-512 $(mkl avx512 mkl_mt2203_median_ns) ($(mkl avx512 mkl_mt2203_best_ns)), AVX2 $(mkl avx2 mkl_mt2203_median_ns) ($(mkl avx2 mkl_mt2203_best_ns)); MRG32K3A: AVX-512 $(mkl avx512 mkl_mrg32k3a_median_ns) ($(mkl avx512 mkl_mrg32k3a_best_ns)), AVX2 $(mkl avx2 mkl_mrg32k3a_median_ns) ($(mkl avx2 mkl_mrg32k3a_best_ns)) |"
  echo
  echo "Each cell: **mean of the JMH means** (each run), and throughput relative to MKL's Intel-path median in"
  echo "the same mode and run (>= 1.00x meets the target)."
  echo
  echo "| generator, kernel | AVX-512, JDK $v0 | AVX-512, JDK $v1 | AVX2, JDK $v0 | AVX2, JDK $v1 |"
  echo "|---|---|---|---|---|"
  row "MT2203 \`Mt2203.fill\`, the kernel users get (AVX-512: $(k avx512 0 mt2203) / $(k avx512 1 mt2203); AVX2: $(k avx2 0 mt2203) / $(k avx2 1 mt2203))" mt2203 mt2203Fill
  row "MT2203, one-pass kernel forced (\`-Dio.rankexec.rng.mt2203.kernel=fused-256\`; $(k avx512 0 mt2203 -fused) / $(k avx512 1 mt2203 -fused))" mt2203 mt2203Fill -fused avx512
  row "MT2203, scalar kernel (\`-Dio.rankexec.rng.vector=false\`)" mt2203 mt2203FillPlainJava
  row "MRG32k3a \`Mrg32k3a.fill\`, the kernel users get (AVX-512: $(k avx512 0 '^mrg32k3a') / $(k avx512 1 '^mrg32k3a'); AVX2: $(k avx2 0 '^mrg32k3a') / $(k avx2 1 '^mrg32k3a'))" mrg32k3a mrg32k3aFill
  row "MRG32k3a, decimation kernel forced (\`-Dio.rankexec.rng.mrg32k3a.kernel=decimation\`; $(k avx512 0 'decimation') / $(k avx512 1 'decimation'))" mrg32k3a mrg32k3aFillDecimation "" avx512
  row "MRG32k3a, scalar loops (\`-Dio.rankexec.rng.vector=false\`)" mrg32k3a mrg32k3aFillPlainJava
  echo
  echo "Kernel names are as reported by the JVM of each run (JDK $v0 / JDK $v1). Raw output: bench/target/mkl/jdk/."
})"
echo "$section"
update_results rng-jdk25 <<< "$section"
