#!/usr/bin/env bash
# Runs the JMH benchmarks (kernels' inner loops, generators' block fills, framework overhead).
#   bench/run-jmh.sh                 # all benchmarks, short settings (-f 1 -wi 2 -i 3 -w 1s -r 1s)
#   bench/run-jmh.sh --full          # all benchmarks, full settings (-f 3 -wi 5 -i 10 -w 2s -r 2s)
#   bench/run-jmh.sh Mandelbrot      # only benchmarks whose name matches the regex
#   bench/run-jmh.sh --full Kmeans -prof gc    # anything after the pattern goes to JMH as is
# Results: the console table, and JSON in bench/target/jmh-results.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

settings=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
if [ "${1:-}" = "--full" ]; then settings=(-f 3 -wi 5 -i 10 -w 2s -r 2s); shift; fi
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then sed -n '2,7p' "$0"; exit 0; fi
pattern=()
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then pattern=("$1"); shift; fi

build_bench
jvm_args=()
# The generators may use the incubating Vector API; forked JMH JVMs then need the module.
if grep -rqs "jdk.incubator.vector" "$ROOT/rng/src/main/java"; then
  jvm_args=(-jvmArgsAppend "--add-modules=jdk.incubator.vector")
fi
mkdir -p "$BENCH/target"
java -jar "$BENCH_JAR" "${pattern[@]}" "${settings[@]}" "${jvm_args[@]}" \
  -rf json -rff "$BENCH/target/jmh-results.json" "$@"
