#!/usr/bin/env bash
# Regenerates, from Intel MKL itself (the oracle), everything MT2203 in rankexec depends on:
#   rng/src/main/resources/io/rankexec/rng/mt2203-params.txt   the 6024 parameter sets
#   rng/src/test/resources/golden/mt2203-*.txt                  golden vectors for the tests
# Installs MKL and gcc first when missing (install-mkl.sh). Usage: derive-mt2203.sh
# Takes about half a minute; all MKL calls are single-threaded (MKL_THREADING_LAYER=sequential).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rng="$(cd "$here/../.." && pwd)"
params="$rng/src/main/resources/io/rankexec/rng/mt2203-params.txt"
golden="$rng/src/test/resources/golden"
export MKL_THREADING_LAYER=sequential

"$here/install-mkl.sh"
if ! command -v python3 >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q python3-minimal >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
gcc -O2 -Wall -I/usr/include/mkl "$here/mkl_rng_dump.c" -o "$work/mkl_rng_dump" -lmkl_rt
dump="$work/mkl_rng_dump"

# 1. Parameter sets: the first 2n = 138 outputs of every substream for three seeds.
for s in 1 2 3; do "$dump" mt2203-all "$s" 138 > "$work/dump-seed$s.txt"; done
mkdir -p "$(dirname "$params")"
python3 "$here/derive_mt2203.py" "$work"/dump-seed{1,2,3}.txt --out "$params"

# 2. Golden vectors: values 0..99 and 99900..99999 of a few substreams and seeds.
# Line format: substream key index value; key is the MKL seed or "seed,block" (vslNewStreamEx key).
mkdir -p "$golden"
subs="0 1 2 1000 6023"
seeds="1 777 4294967295"
emit() {  # emit FILE KIND [a b]: writes one golden file from MKL for every substream/seed
    local file="$1" kind="$2"; shift 2
    local range=("$@")
    {
        echo "# Intel MKL 2020.4 VSL_BRNG_MT2203 output, from rng/tools/mkl/derive-mt2203.sh"
        echo "# kind=$kind${range[*]:+ a=${range[0]} b=${range[1]}}; line: substream seed index value"
        for sub in $subs; do
            for seed in $seeds; do
                for skip in 0 99900; do
                    "$dump" mt2203 "$sub" "$seed" 100 "$kind" "${range[@]}" "$skip" \
                        | awk -v s="$sub" -v k="$seed" -v o="$skip" '{ print s, k, o + NR - 1, $1 }'
                done
            done
        done
    } > "$golden/$file"
}
emit mt2203-bits.txt bits
emit mt2203-double.txt double
emit mt2203-double-range.txt double -2.5 7.3
emit mt2203-float.txt float
emit mt2203-float-range.txt float -0.0013 300000.7

# Task streams: task i uses substream i mod 6024 with the key {seed, i} (Mt2203.forTask).
{
    echo "# Intel MKL 2020.4 vslNewStreamEx(VSL_BRNG_MT2203 + task % 6024, 2, {seed, task}) bits, from derive-mt2203.sh"
    echo "# line: substream seed,task index value   (Mt2203.forTask(seed, task))"
    for spec in "0 1,0" "1 1,1" "1000 777,1000" "6023 777,6023" "0 777,6024" "5895 4294967295,4294967295" "24 5,421704"; do
        set -- $spec
        "$dump" mt2203 "$1" "$2" 100 bits | awk -v s="$1" -v k="$2" '{ print s, k, NR - 1, $1 }'
    done
} > "$golden/mt2203-task-blocks.txt"

# Every substream: last value and a hash of its first 10,000 outputs for seed 777.
{
    echo "# Intel MKL 2020.4 VSL_BRNG_MT2203, seed 777: first 10000 bits of every substream, from derive-mt2203.sh"
    echo "# line: substream value_9999 h, h = h * 1000003 + v over the values (unsigned 64-bit, h0 = 0), hex"
    "$dump" mt2203-digest 777 10000
} > "$golden/mt2203-digest-seed777-n10000.txt"

echo "derive-mt2203: wrote $params and $(ls "$golden"/mt2203-*.txt | wc -l) golden files in $golden"
