#!/usr/bin/env bash
# Runs the JMH benchmarks (kernels' inner loops, generators' block fills, framework overhead).
#   bench/run-jmh.sh                 # all benchmarks, short settings (-f 1 -wi 2 -i 3 -w 1s -r 1s)
#   bench/run-jmh.sh --full          # all benchmarks, full settings (-f 3 -wi 5 -i 10 -w 2s -r 2s)
#   bench/run-jmh.sh Mandelbrot      # only benchmarks whose name matches the regex
#   bench/run-jmh.sh --full Kmeans -prof gc    # anything after the pattern goes to JMH as is
#   JMH_SETTINGS="-f 1 -wi 1 -i 2 -w 1s -r 1s" bench/run-jmh.sh    # other iteration settings
# Results: the console table, CSV in bench/target/jmh-results.csv, and a table in bench/RESULTS.md
# (section jmh, replaced on each run; RESULTS=/tmp/x.md to write elsewhere).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ORIG_ARGS="$*"

read -r -a settings <<< "${JMH_SETTINGS:--f 1 -wi 2 -i 3 -w 1s -r 1s}"
if [ "${1:-}" = "--full" ]; then settings=(-f 3 -wi 5 -i 10 -w 2s -r 2s); shift; fi
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then sed -n '2,9p' "$0"; exit 0; fi
pattern=()
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then pattern=("$1"); shift; fi

build_bench
jvm_args=()
# The generators may use the incubating Vector API; forked JMH JVMs then need the module.
vflag="$(vector_module_flags)"
# eager: benchmarks measure steady state, so skip the JVM-wide warm-up switch (rng's VectorWarmup);
# prepended so a benchmark's own -Dio.rankexec.rng.vector=false (the plain-Java baseline) still wins.
[ -z "$vflag" ] || jvm_args=(-jvmArgsPrepend "-Dio.rankexec.rng.vector=eager" -jvmArgsAppend "$vflag")
mkdir -p "$BENCH/target"
CSV="$BENCH/target/jmh-results.csv"
rm -f "$CSV"
start_load="$(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$BENCH_JAR" "${pattern[@]}" "${settings[@]}" "${jvm_args[@]}" -rf csv -rff "$CSV" "$@"
[ -s "$CSV" ] || die "JMH wrote no results"

# CSV columns: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: x",...
rows="$(awk -F, '
  function unq(s) { gsub(/^"|"$/, "", s); return s }
  { sub(/\r$/, "") }
  NR == 1 { for (i = 8; i <= NF; i++) { n = unq($i); sub(/^Param: /, "", n); pname[i] = n }; next }
  { b = unq($1); sub(/^io\.rankexec\.bench\./, "", b); params = ""
    for (i = 8; i <= NF; i++) if (unq($i) != "") params = params (params == "" ? "" : ", ") pname[i] "=" unq($i)
    err = unq($6); score = unq($5)
    printf "| %s | %s | %.3f | %s | %s |\n", b, params, score, (err == "NaN" ? "" : sprintf("%.3f", err)), unq($7) }' "$CSV")"
update_results jmh <<MD
## JMH: kernels' inner loops, generators' block fills, framework overhead

| | |
|---|---|
$(machine_table | sed "s/load average at start: [0-9. ]*[0-9]/load average at start: $start_load/")
| command | \`bench/run-jmh.sh${ORIG_ARGS:+ ${ORIG_ARGS//|/\\|}}\` (JMH ${settings[*]}) |

| benchmark | parameters | score | error (99.9%) | unit |
|---|---|---|---|---|
$rows

Short settings give a first look; errors are wide on this shared machine. For numbers to quote, run
\`bench/run-jmh.sh --full\` on a quiet machine.
MD
