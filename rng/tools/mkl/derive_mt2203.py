#!/usr/bin/env python3
"""Recovers the 6024 parameter sets of Intel MKL's VSL_BRNG_MT2203 from MKL's own output.

Each MT2203 substream is a Mersenne Twister with w=32, n=69, m=34, r=5 and its own twist
constant `a` and tempering masks (b, c) (Dynamic Creator form). The tempering T is linear over
GF(2) and MKL seeds every substream like MT19937's init_by_array(key=[seed]) over 69 words, so
with the seeded state s known:
  * the first n-m twisted words are  x_i = s[i+m] ^ (y_i >> 1) ^ (a if y_i odd else 0),
    y_i = (s[i] & upper) | (s[i+1] & lower), and MKL's i-th output is T(x_i);
  * outputs with y_i even give pairs (x_i, T(x_i)) free of `a`: with a few seeds they span
    GF(2)^32, which determines T (every extra pair is a consistency check);
  * T must then factor as the Dynamic Creator tempering with shifts (12, 7, 15, 18), which
    gives the masks b and c; an output with y_i odd gives a = T^-1(out) ^ x_i.
Every substream is then re-simulated over the first 2n outputs of every seed and compared
with MKL. Usage: derive_mt2203.py <dump-file-seed-s>... --out params.txt, where each dump file
is `mkl_rng_dump mt2203-all <seed> 138` output named ...seed<S>.txt.
"""
import re
import sys

N, M, R = 69, 34, 5
LOWER = (1 << R) - 1
UPPER = 0xFFFFFFFF ^ LOWER
MASK32 = 0xFFFFFFFF
SUBSTREAMS = 6024
SHIFT_U, SHIFT_S, SHIFT_T, SHIFT_L = 12, 7, 15, 18


def seeded_state(seed):
    """MT19937's init_by_array with the one-element key [seed], over N words (MKL's seeding)."""
    mt = [0] * N
    mt[0] = 19650218
    for i in range(1, N):
        mt[i] = (1812433253 * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i) & MASK32
    i = 1
    for _ in range(N):  # max(N, key length) rounds; the key index j is always 0
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525)) + seed) & MASK32
        i += 1
        if i >= N:
            mt[0] = mt[N - 1]
            i = 1
    for _ in range(N - 1):
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941)) - i) & MASK32
        i += 1
        if i >= N:
            mt[0] = mt[N - 1]
            i = 1
    mt[0] = 0x80000000
    return mt


def temper(x, b, c):
    x ^= x >> SHIFT_U
    x ^= (x << SHIFT_S) & b
    x ^= (x << SHIFT_T) & c
    x ^= x >> SHIFT_L
    return x & MASK32


def generate(seed, a, b, c, count):
    """Reference (slow, obvious) MT2203 substream: the outputs MKL should produce."""
    mt = seeded_state(seed)
    out = []
    while len(out) < count:
        for i in range(N):
            y = (mt[i] & UPPER) | (mt[(i + 1) % N] & LOWER)
            mt[i] = mt[(i + M) % N] ^ (y >> 1) ^ (a if y & 1 else 0)
        out.extend(temper(x, b, c) for x in mt)
    return out[:count]


def solve_linear_map(pairs):
    """The 32x32 GF(2) matrix T with T(x) = y for all pairs, as columns T(e_j); None if underdetermined."""
    basis = {}  # pivot bit -> (x, y), x reduced so that no other basis vector has that bit
    for x, y in pairs:
        for p, (bx, by) in basis.items():
            if x >> p & 1:
                x ^= bx
                y ^= by
        if x == 0:
            if y != 0:
                raise ValueError("pairs are inconsistent with a linear tempering")
            continue
        p = x.bit_length() - 1
        for q, (bx, by) in list(basis.items()):
            if bx >> p & 1:
                basis[q] = (bx ^ x, by ^ y)
        basis[p] = (x, y)
    if len(basis) < 32:
        return None
    # fully reduced: each basis x is a single bit
    return [basis[j][1] for j in range(32)]


def apply(cols, x):
    y = 0
    j = 0
    while x:
        if x & 1:
            y ^= cols[j]
        x >>= 1
        j += 1
    return y


def masks_from_matrix(cols):
    """(b, c) such that temper(., b, c) equals the linear map, or ValueError."""
    # T = L o C o B o U; undo the two right shifts, then read b and c off unit vectors.
    def undo_right(y, s):
        x = y
        for _ in range(32 // s + 1):
            x = y ^ (x >> s)
        return x
    def cb(x):  # C(B(x)) for input x, via T(U^-1 x) with L undone
        return undo_right(apply(cols, undo_right(x, SHIFT_U)), SHIFT_L)
    b = 0
    for k in range(SHIFT_S, 32):
        if cb(1 << (k - SHIFT_S)) >> k & 1:
            b |= 1 << k
    c = 0
    for k in range(SHIFT_T, 32):
        # B(e_{k-t}) = e_{k-t} ^ b_{k-t+s} e_{k-t+s}; neither term reaches bit k before C
        if cb(1 << (k - SHIFT_T)) >> k & 1:
            c |= 1 << k
    for j in range(32):
        if temper(1 << j, b, c) != cols[j]:
            raise ValueError("tempering is not of the Dynamic Creator form (12, 7, 15, 18)")
    return b, c


def derive(outputs_by_seed, sub):
    pairs, with_a = [], []
    for seed, rows in outputs_by_seed.items():
        s = seeded_state(seed)
        out = rows[sub]
        for i in range(N - M):
            y = (s[i] & UPPER) | (s[i + 1] & LOWER)
            x = s[i + M] ^ (y >> 1)
            (with_a if y & 1 else pairs).append((x, out[i]))
    cols = solve_linear_map(pairs)
    if cols is None:
        raise ValueError("substream %d: not enough a-free outputs to determine the tempering; add seeds" % sub)
    b, c = masks_from_matrix(cols)
    inverse = solve_linear_map([(cols[j], 1 << j) for j in range(32)])
    candidates = {apply(inverse, out) ^ x for x, out in with_a}
    if len(candidates) != 1:
        raise ValueError("substream %d: twist constant not unique: %s" % (sub, candidates))
    return candidates.pop(), b, c


def read_dump(path):
    rows = [None] * SUBSTREAMS
    with open(path) as f:
        for line in f:
            fields = line.split()
            rows[int(fields[0])] = [int(v) for v in fields[1:]]
    if any(r is None for r in rows):
        raise ValueError("%s: missing substreams" % path)
    return rows


def main(argv):
    if "--out" not in argv or argv.index("--out") + 1 >= len(argv):
        sys.exit("usage: derive_mt2203.py dump-seed<S>.txt... --out params.txt")
    k = argv.index("--out")
    out_path = argv[k + 1]
    dumps = argv[:k] + argv[k + 2:]
    outputs_by_seed = {}
    for path in dumps:
        m = re.search(r"seed(\d+)", path)
        if not m:
            sys.exit("dump file name must contain seed<S>: " + path)
        outputs_by_seed[int(m.group(1))] = read_dump(path)
    lines = []
    for sub in range(SUBSTREAMS):
        a, b, c = derive(outputs_by_seed, sub)
        for seed, rows in outputs_by_seed.items():
            expected = rows[sub]
            if generate(seed, a, b, c, len(expected)) != expected:
                raise SystemExit("substream %d seed %d: re-simulation differs from MKL" % (sub, seed))
        lines.append("%d %08x %08x %08x" % (sub, a, b, c))
    with open(out_path, "w") as f:
        f.write("# Parameter sets of Intel MKL VSL_BRNG_MT2203 (w=32 n=69 m=34 r=5), recovered from MKL 2020.4\n")
        f.write("# output by rng/tools/mkl/derive-mt2203.sh. Columns: substream, twist constant a, tempering masks b c (hex).\n")
        f.write("# Tempering: y ^= y>>>12; y ^= (y<<7) & b; y ^= (y<<15) & c; y ^= y>>>18\n")
        f.write("\n".join(lines) + "\n")
    print("derived and re-verified %d parameter sets from seeds %s -> %s"
          % (SUBSTREAMS, sorted(outputs_by_seed), out_path))


if __name__ == "__main__":
    main(sys.argv[1:])
