#!/usr/bin/env bash
# Regenerates the R golden files rng/src/test/resources/golden/mrg32k3a-r.txt and
# distributions-r.txt (installs r-base-core on a fresh Debian when Rscript is missing).
# Usage: rng/tools/r/mrg32k3a-golden.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
golden="$here/../../src/test/resources/golden"
if ! command -v Rscript >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y r-base-core
fi
Rscript "$here/mrg32k3a-golden.R" "$golden/mrg32k3a-r.txt"
Rscript "$here/distributions-golden.R" "$golden/distributions-r.txt"
