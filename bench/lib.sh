# Shared helpers for the bench/ scripts (sourced, not run).
# Provides: BENCH, ROOT, die, note, apt_install, build_bench, bench_java, machine_table,
#           kv (read key=value output), ratio, update_results.

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
RESULTS="${RESULTS:-$BENCH/RESULTS.md}"
BENCH_JAR="$BENCH/target/benchmarks.jar"
# Taken when a script starts, before it loads the machine itself.
BENCH_START_DATE="$(date -u '+%Y-%m-%d %H:%M')"
BENCH_START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"

die() { echo "bench: $*" >&2; exit 1; }
note() { echo "== $*" >&2; }

# apt_install PKG... : installs the Debian packages that are missing (needs root then).
. "$ROOT/bin/lib/apt.sh"

# build_bench: builds rng, core, mpi and the shaded bench jar (skipped with BENCH_NO_BUILD=1).
build_bench() {
  if [ "${BENCH_NO_BUILD:-0}" = 1 ] && [ -f "$BENCH_JAR" ]; then return 0; fi
  "$ROOT/bin/setup"   # MPJ API jar in ~/.m2 (the mpi module compiles against it)
  note "building rankexec and bench/target/benchmarks.jar"
  (cd "$ROOT" && mvn -q -o -B -pl bench -am install -DskipTests 2>&1 \
     || mvn -q -B -pl bench -am install -DskipTests) >&2 || die "maven build failed"
  [ -f "$BENCH_JAR" ] || die "build did not produce $BENCH_JAR"
}

# vector_module_flags : prints --add-modules=jdk.incubator.vector when the generators use the
# incubating Vector API (their fast path; without the module they fall back to plain Java).
vector_module_flags() {
  if grep -rqs "jdk.incubator.vector" "$ROOT/rng/src/main/java"; then echo "--add-modules=jdk.incubator.vector"; fi
}

# bench_java CLASS ARGS... : runs a main class from the shaded bench jar (incubator-module
# warning filtered from stderr).
bench_java() {
  # shellcheck disable=SC2046,SC2086  # both split into words on purpose
  java $(vector_module_flags) ${BENCH_JAVA_OPTS:-} -cp "$BENCH_JAR" "$@" \
    2> >(grep -v "Using incubator modules" >&2)
}

# kv KEY FILE : the value of the last KEY=value line in FILE (empty if none).
kv() { grep -E "^$1=" "$2" | tail -n 1 | cut -d= -f2-; }

# ratio A B : A/B with 2 decimals ("n/a" if either is missing or B is zero).
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
}

# machine_table : markdown rows describing this machine and run.
machine_table() {
  local cpu jdk
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  jdk="$(java -version 2>&1 | head -n 2 | tail -n 1 | sed 's/^ *//')"
  echo "| date (UTC) | $BENCH_START_DATE |"
  echo "| machine | \`nproc\` = $(nproc), CPU: $cpu, load average at start: $BENCH_START_LOAD |"
  echo "| JDK | $jdk |"
}

# update_results NAME <<MD ... : puts the markdown on stdin into RESULTS.md between the markers
# <!-- BEGIN NAME --> and <!-- END NAME -->, replacing an older run or appending a new section.
update_results() {
  local name="$1" body tmp
  body="$(mktemp)"
  cat > "$body"
  [ -f "$RESULTS" ] || printf '# rankexec benchmark results\n\n' > "$RESULTS"
  tmp="$(mktemp)"
  if grep -q "^<!-- BEGIN $name -->\$" "$RESULTS"; then
    awk -v name="$name" -v body="$body" '
      $0 == "<!-- BEGIN " name " -->" { print; while ((getline line < body) > 0) print line; skip = 1; next }
      $0 == "<!-- END " name " -->" { skip = 0 }
      !skip { print }' "$RESULTS" > "$tmp"
  else
    { cat "$RESULTS"; echo; echo "<!-- BEGIN $name -->"; cat "$body"; echo "<!-- END $name -->"; } > "$tmp"
  fi
  mv "$tmp" "$RESULTS"
  rm -f "$body"
  chmod 644 "$RESULTS"   # mktemp made it private
  note "updated section '$name' of $RESULTS"
}
