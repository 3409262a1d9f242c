#!/usr/bin/env bash
# Regenerates rng/src/test/resources/golden/mrg32k3a-mkl.txt from Intel MKL (the oracle).
# On a fresh Debian: enables the non-free component, installs gcc and MKL, builds and runs the
# harness single-threaded. Usage: rng/tools/mkl/mrg32k3a_golden.sh [output-file]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../src/test/resources/golden/mrg32k3a-mkl.txt}"

if ! { [ -e /usr/include/mkl/mkl.h ] && command -v gcc >/dev/null; }; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    # MKL lives in Debian's non-free component ("non-free-firmware" alone is not enough)
    if ! grep -rqsE 'non-free([^-]|$)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        . /etc/os-release
        echo "deb http://deb.debian.org/debian ${VERSION_CODENAME} main contrib non-free non-free-firmware" \
            | $sudo tee /etc/apt/sources.list.d/rankexec-non-free.list >/dev/null
    fi
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y gcc libmkl-dev libmkl-rt
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gcc -O2 -std=c99 -I/usr/include/mkl "$here/mrg32k3a_golden.c" -o "$work/mrg32k3a_golden" -lmkl_rt
MKL_THREADING_LAYER=sequential "$work/mrg32k3a_golden" > "$out"
echo "wrote $out ($(wc -l < "$out") lines)"
