#!/usr/bin/env bash
# Per-chunk MPI round trip (DESIGN.md: "measured and reported"): runs the mpi module's
# RoundTripBench (mpi/bench/roundtrip.sh) on 2 ranks over niodev (TCP, one JVM per rank) and
# multicore (ranks as threads of one JVM), and records its lines in bench/RESULTS.md.
#   bench/compare/mpi-roundtrip.sh
#   EXCHANGES=100000 CHUNKS=100000 bench/compare/mpi-roundtrip.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
EXCHANGES="${EXCHANGES:-20000}" CHUNKS="${CHUNKS:-20000}"
SCRIPT="$ROOT/mpi/bench/roundtrip.sh"
[ -x "$SCRIPT" ] || die "$SCRIPT is missing"
OUT="$BENCH/target/compare"; mkdir -p "$OUT"

note "MPI round trip: $EXCHANGES raw exchanges, $CHUNKS engine chunks, 2 ranks"
"$SCRIPT" "$EXCHANGES" "$CHUNKS" 2>&1 | tee "$OUT/mpi-roundtrip.txt"
grep -q "round trip" "$OUT/mpi-roundtrip.txt" || die "no round-trip figures in the output"

body="$(mktemp)"
{
  echo "## MPI per-chunk round trip (2 ranks)"
  echo
  echo "| | |"
  echo "|---|---|"
  machine_table
  echo "| command | \`EXCHANGES=$EXCHANGES CHUNKS=$CHUNKS bench/compare/mpi-roundtrip.sh\` (runs \`mpi/bench/roundtrip.sh\`) |"
  grep "round trip" "$OUT/mpi-roundtrip.txt" | sed 's/^\([^:]*\): \(.*\)$/| \1 | \2 |/'
  echo
  echo "\"raw\" is one small MPJ Express Send + Recv pair each way (request for work, reply with the next"
  echo "assignment); \"engine\" is the MPI engine's whole cost per chunk (scheduling, result transfer,"
  echo "combine) for chunks of one empty task, with rank 0 computing chunks too."
} > "$body"
update_results mpi-roundtrip "$body"
rm -f "$body"
