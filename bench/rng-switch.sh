#!/usr/bin/env bash
# The vector/scalar switch of the generators (rng VectorWarmup): what a job of N uniform doubles
# (fills of 10^4, one thread, fresh JVM each) costs with the vector kernels off
# (-Dio.rankexec.rng.vector=false), with the warm-up starting after 2^30 values (the threshold
# until 2026-12-01, -Dio.rankexec.rng.NAME.startAfter=1073741824) and with the current default
# (MRG32k3a 2^27, MT2203 3 * 2^28). Wall and process CPU seconds, best of REPS runs, the modes
# alternated run by run. Writes section rng-switch of bench/RESULTS.md.
# Environment: REPS (3), SIZES_MRG / SIZES_MT (values per job), AVX2=1 (-XX:UseAVX=2),
# BENCH_NO_BUILD=1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPS="${REPS:-3}"
SIZES_MRG="${SIZES_MRG:-3e7 1.5e8 3e8 6e8 1.2e9 3e9}"
SIZES_MT="${SIZES_MT:-1e8 8e8 1.2e9 2e9 4e9}"
build_bench
OUT="$BENCH/target/rng-switch"; mkdir -p "$OUT"
jvm_avx=""; [ "${AVX2:-0}" = 1 ] && jvm_avx="-XX:UseAVX=2"
start_load="$(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # run GEN N MODE -> "wall cpu"
  local gen="$1" n="$2" mode="$3" opts=""
  case "$mode" in
    off) opts="-Dio.rankexec.rng.vector=false" ;;
    old) opts="-Dio.rankexec.rng.$gen.startAfter=1073741824" ;;
    new) opts="" ;;
  esac
  # shellcheck disable=SC2086
  BENCH_JAVA_OPTS="$jvm_avx $opts" bench_java io.rankexec.bench.rng.SwitchJob "$gen" "$n" > "$OUT/run.txt"
  echo "$(kv wall_s "$OUT/run.txt") $(kv cpu_s "$OUT/run.txt")"
}

rows=""
for gen in mrg32k3a mt2203; do
  sizes="$SIZES_MRG"; [ "$gen" = mt2203 ] && sizes="$SIZES_MT"
  for n in $sizes; do
    declare -A bw=() bc=()
    for ((r = 0; r < REPS; r++)); do
      for mode in off old new; do
        read -r w c <<< "$(run "$gen" "$n" "$mode")"
        note "$gen N=$n $mode: wall $w s, cpu $c s"
        if [ -z "${bw[$mode]:-}" ] || awk -v a="$w" -v b="${bw[$mode]}" 'BEGIN { exit !(a < b) }'; then bw[$mode]=$w; bc[$mode]=$c; fi
      done
    done
    rows+="| $gen | $n | ${bw[off]} / ${bc[off]} | ${bw[old]} / ${bc[old]} | **${bw[new]}** / ${bc[new]} |"$'\n'
    unset bw bc
  done
done

section="$(
  echo "## The vector/scalar switch: jobs of N doubles, vector kernels off vs warm-up after 2^30 values vs now${AVX2:+ (JVM restricted to AVX2)}"
  echo
  echo "| | |"
  echo "|---|---|"
  machine_table | sed "s/load average at start: [0-9. ]*[0-9]/load average at start: $start_load, at end: $(cut -d' ' -f1-3 /proc/loadavg)/"
  echo "| command | \`${AVX2:+AVX2=1 }REPS=$REPS bench/rng-switch.sh\` (io.rankexec.bench.rng.SwitchJob: one thread, fills of 10^4, fresh JVM per run, best wall time of $REPS) |"
  echo
  echo "| generator | N values | vector off: wall / CPU s | warm-up after 2^30 (before): wall / CPU s | now (MRG32k3a 2^27, MT2203 3*2^28): wall / CPU s |"
  echo "|---|---|---|---|---|"
  printf '%s' "$rows"
)"
echo "$section"
update_results "rng-switch${AVX2:+-avx2}" <<< "$section"
