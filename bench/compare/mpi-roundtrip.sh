#!/usr/bin/env bash
# Per-chunk MPI round trip (DESIGN.md: "measured and reported"): runs the mpi module's
# RoundTripBench on 2 ranks over niodev (TCP, one JVM per rank)
# and multicore (ranks as threads of one JVM), each device tried up to twice, and records its
# lines in bench/RESULTS.md.
#   bench/compare/mpi-roundtrip.sh
#   EXCHANGES=100000 CHUNKS=100000 bench/compare/mpi-roundtrip.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
EXCHANGES="${EXCHANGES:-20000}" CHUNKS="${CHUNKS:-20000}"
OUT="$BENCH/target/compare"; mkdir -p "$OUT"
: > "$OUT/mpi-roundtrip.txt"
for dev in niodev multicore; do
  for attempt in 1 2; do
    note "MPI round trip over $dev (attempt $attempt): $EXCHANGES raw exchanges, $CHUNKS engine chunks, 2 ranks"
    if timeout 600 "$ROOT/bin/rankexec" --ranks 2 --device "$dev" \
         --class-path "$ROOT/mpi/target/rankexec-mpi-0.1.0-SNAPSHOT.jar" io.rankexec.mpi.RoundTripBench "$EXCHANGES" "$CHUNKS" > "$OUT/mpi-roundtrip-$dev.log" 2>&1 \
       && grep "round trip" "$OUT/mpi-roundtrip-$dev.log" >> "$OUT/mpi-roundtrip.txt"; then
      break
    fi
    tail -n 2 "$OUT/mpi-roundtrip-$dev.log" >&2
    [ $attempt = 2 ] && echo "$dev ranks=2: FAILED twice ($(tail -n 1 "$OUT/mpi-roundtrip-$dev.log" | cut -c1-150)), round trip not measured" >> "$OUT/mpi-roundtrip.txt"
  done
done
cat "$OUT/mpi-roundtrip.txt"
grep -q "round trip [0-9]" "$OUT/mpi-roundtrip.txt" || die "no round-trip figures measured"

{
  echo "## MPI per-chunk round trip (2 ranks)"
  echo
  echo "| | |"
  echo "|---|---|"
  machine_table
  echo "| command | \`EXCHANGES=$EXCHANGES CHUNKS=$CHUNKS bench/compare/mpi-roundtrip.sh\` (io.rankexec.mpi.RoundTripBench) |"
  sed 's/^\([^:]*\): \(.*\)$/| \1 | \2 |/' "$OUT/mpi-roundtrip.txt"
  echo
  echo "\"raw\" is one small MPJ Express Send + Recv pair each way (request for work, reply with the next"
  echo "assignment); \"engine\" is the MPI engine's whole cost per chunk (scheduling, result transfer,"
  echo "combine) for chunks of one empty task (each line says which ranks ran them). Each figure is"
  echo "a mean over the exchanges of one run on this shared machine."
} | update_results mpi-roundtrip
