#!/usr/bin/env bash
# End-to-end test of the example as a user would run it: rankexec's artifacts installed into the
# local Maven repository, the example built against them with its own pom, then run locally, on
# 2 MPI ranks (multicore and niodev) and through both sbatch scripts' argument form; the result
# lines must be bit-identical, and the example's strict parser must get exactly its own arguments.
# Prints "N passed, M failed". Run by bin/test after the Maven build (MPJ Express via bin/setup).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EX="$ROOT/examples/option-pricing"
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok: $1"; else fail=$((fail + 1)); echo "FAILED: $1"; fi; }

build() { "$@" > "$T/build.log" 2>&1 || { cat "$T/build.log"; echo "0 passed, 1 failed"; exit 1; }; }
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
build bash -c "cd '$ROOT' && mvn -q -B -o install -pl rng,core,mpi -am -DskipTests"
build bash -c "cd '$EX' && { mvn -q -B -o package || mvn -q -B package; }"
CP="$EX/target/option-pricing-1.0.jar:$EX/target/lib/*"
MAIN=org.example.options.OptionPricing
ARGS=(--tasks 24 --paths 20000 --strikes 4)
run() { local out="$1"; shift; "$ROOT/bin/rankexec" "$@" > "$T/$out" 2> "$T/$out.err"; }

java -cp "$CP" "$MAIN" "${ARGS[@]}" > "$T/java.txt" 2>/dev/null
check "plain java -cp runs the example (5 result lines)" '[ "$(wc -l < "$T/java.txt")" = 5 ] && grep -q "^price " "$T/java.txt"'
run local.txt --quiet --class-path "$CP" "$MAIN" "${ARGS[@]}"
check "bin/rankexec local equals plain java (default seed 42)" 'cmp -s "$T/local.txt" "$T/java.txt"'
run multicore.txt --ranks 2 --quiet --class-path "$CP" "$MAIN" "${ARGS[@]}"
check "2 ranks multicore: bit-identical" 'cmp -s "$T/multicore.txt" "$T/local.txt"'
run niodev.txt --ranks 2 --device niodev --quiet --chunk-size 5 --schedule static --class-path "$CP" "$MAIN" "${ARGS[@]}"
check "2 ranks niodev, other chunks and schedule: bit-identical" 'cmp -s "$T/niodev.txt" "$T/local.txt"'
run seed7.txt --seed 7 --quiet --class-path "$CP" "$MAIN" "${ARGS[@]}"
check "--seed 7 reaches the jobs (another price)" '! cmp -s "$T/seed7.txt" "$T/local.txt" && grep -q "^price " "$T/seed7.txt"'
run ck1.txt --ranks 2 --quiet --checkpoint "$T/ck" --class-path "$CP" "$MAIN" "${ARGS[@]}"
run ck2.txt --ranks 2 --quiet --checkpoint "$T/ck" --resume --class-path "$CP" "$MAIN" "${ARGS[@]}"
check "checkpointed run and its resume: bit-identical" 'cmp -s "$T/ck1.txt" "$T/local.txt" && cmp -s "$T/ck2.txt" "$T/local.txt"'
run ck3.txt --quiet --checkpoint "$T/ck" --resume --class-path "$CP" "$MAIN" --tasks 25 --paths 20000 --strikes 4; rc=$?
check "a changed argument refuses the old journal (exit 2)" '[ $rc = 2 ] && grep -q "belongs to another job" "$T/ck3.txt.err"'
run bad.txt --ranks 2 --quiet --class-path "$CP" "$MAIN" --ranks 2; rc=$?
check "the program's strict parser gets only its own arguments (its --ranks is unknown to it: exit 2)" \
  '[ $rc = 2 ] && [ "$(cat "$T/bad.txt.err")" = "rankexec: error: unknown option '"'"'--ranks'"'"' (options: --tasks N --paths N --strikes N)" ]'
# A user's project needs only rankexec's own artifacts: MPJ Express (mpj:mpj, not on Maven
# Central) is provided scope in rankexec-mpi, so a local repository without it must do.
mkdir -p "$T/m2/io" && cp -r "$HOME/.m2/repository/io/rankexec" "$T/m2/io/"
rm -rf "$T/example" && cp -r "$EX" "$T/example" && rm -rf "$T/example/target"
( cd "$T/example" && mvn -q -B -Dstyle.color=never -Dmaven.repo.local="$T/m2" package ) > "$T/fresh.log" 2>&1; rc=$?
check "the example builds from a local repository holding only rankexec's artifacts (no mpj:mpj)" \
  '[ $rc = 0 ] && [ ! -e "$T/m2/mpj" ] && [ "$(ls "$T/example/target/lib" | wc -l)" = 3 ]'
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
