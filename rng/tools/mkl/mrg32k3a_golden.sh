#!/usr/bin/env bash
# Regenerates rng/src/test/resources/golden/mrg32k3a-mkl.txt from Intel MKL (the oracle).
# On a fresh Debian: enables the non-free component, installs gcc and MKL, builds and runs the
# harness single-threaded. Usage: rng/tools/mkl/mrg32k3a_golden.sh [output-file]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../src/test/resources/golden/mrg32k3a-mkl.txt}"

"$here/install-mkl.sh"   # non-free component, gcc and MKL when missing

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gcc -O2 -std=c99 -I/usr/include/mkl "$here/mrg32k3a_golden.c" -o "$work/mrg32k3a_golden" -lmkl_rt
MKL_THREADING_LAYER=sequential "$work/mrg32k3a_golden" > "$out"
echo "wrote $out ($(wc -l < "$out") lines)"
