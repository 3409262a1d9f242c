#!/usr/bin/env bash
# Per-chunk MPI round trip of the rankexec engine (io.rankexec.mpi.RoundTripBench) on 2 ranks,
# over niodev (TCP, one JVM per rank) and multicore (threads in one JVM).
# Usage: mpi/bench/roundtrip.sh [exchanges] [engineChunks]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export RANKEXEC_MAIN=io.rankexec.mpi.RoundTripBench
for dev in niodev multicore; do
  "$ROOT/bin/rankexec" --ranks 2 --device "$dev" "${1:-20000}" "${2:-20000}"
done
