#!/usr/bin/env bash
# Side by side: rankexec's Mandelbrot kernel (one thread, JIT-compiled Java) against the same
# loop in C built with gcc -O3, same grid, same iteration limit, same machine, same run.
# Target (../../shared/DESIGN.md): rankexec within 1.25x of C.
#   bench/compare/mandelbrot.sh            # 1000x1000 grid, limit 1000, best of 5
#   W=2000 H=2000 LIM=2000 REPEATS=10 bench/compare/mandelbrot.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
W="${W:-1000}" H="${H:-1000}" LIM="${LIM:-1000}" REPEATS="${REPEATS:-5}"

apt_install gcc
build_bench
OUT="$BENCH/target/compare"; mkdir -p "$OUT"
gcc -O3 -o "$OUT/mandelbrot" "$BENCH/reference/c/mandelbrot.c"

note "C (gcc -O3): ${W}x${H}, limit $LIM, best of $REPEATS"
"$OUT/mandelbrot" "$W" "$H" "$LIM" "$REPEATS" | tr ' ' '\n' | tee "$OUT/mandelbrot-c.txt"
note "rankexec (Java, 1 thread): same grid"
bench_java io.rankexec.bench.compare.MandelbrotSide "$W" "$H" "$LIM" "$REPEATS" | tee "$OUT/mandelbrot-java.txt"

c_s="$(kv best_seconds "$OUT/mandelbrot-c.txt")";  j_s="$(kv best_seconds "$OUT/mandelbrot-java.txt")"
c_sum="$(kv checksum "$OUT/mandelbrot-c.txt")";    j_sum="$(kv checksum "$OUT/mandelbrot-java.txt")"
r="$(ratio "$j_s" "$c_s")"
same=$([ "$c_sum" = "$j_sum" ] && echo "identical" || echo "DIFFERENT")
verdict=$(awk -v r="$r" 'BEGIN { print (r != "n/a" && r <= 1.25) ? "met" : "**missed**" }')
echo "ratio rankexec/C = $r (target <= 1.25: $verdict), checksums $same"

update_results mandelbrot <<MD
## Mandelbrot: rankexec vs gcc -O3 C

| | |
|---|---|
$(machine_table)
| command | \`W=$W H=$H LIM=$LIM REPEATS=$REPEATS bench/compare/mandelbrot.sh\` |
| grid | ${W}x${H} on [-2, 0.6] x [-1.3, 1.3], iteration limit $LIM, the seed's escape rule (x^2+y^2 < 4) |
| C, gcc $(gcc -dumpfullversion) -O3, 1 thread | best of $REPEATS: **${c_s} s** ($(kv ns_per_iteration "$OUT/mandelbrot-c.txt") ns/iteration), checksum $c_sum |
| rankexec, \`$(kv kernel "$OUT/mandelbrot-java.txt")\`, 1 thread | best of $REPEATS: **${j_s} s** ($(kv ns_per_iteration "$OUT/mandelbrot-java.txt") ns/iteration; first, cold-JIT run $(kv first_seconds "$OUT/mandelbrot-java.txt") s), checksum $j_sum |
| ratio rankexec / C | **$r** (target <= 1.25: $verdict); checksums $same |
MD
