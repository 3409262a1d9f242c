package io.rankexec.rng;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Skip-ahead arithmetic for MRG32k3a: the transition matrices of both components raised to
 * powers of two, so that advancing by any distance costs one 3x3 matrix-vector product per set
 * bit of the distance (O(log n)) instead of n steps.
 *
 * <p>A state component is the column vector (s[n-3], s[n-2], s[n-1]); one step maps it to
 * (s[n-2], s[n-1], s[n]) with s[n] = a*s[n-2] + b*s[n-3] (first component) or
 * s[n] = a*s[n-1] + b*s[n-3] (second component), modulo m1 resp. m2.
 */
final class Mrg32k3aJumps {

    /** log2 of the stream distance (L'Ecuyer's RngStreams, R's nextRNGStream). */
    static final int STREAM_LOG2 = 127;
    /** log2 of the substream distance (RngStreams' ResetNextSubstream, R's nextRNGSubStream). */
    static final int SUBSTREAM_LOG2 = 76;

    /** Enough powers for a 63-bit count of streams (2^127 * 2^63). */
    private static final int POWERS = STREAM_LOG2 + 64;

    /** POW1[k] = A1^(2^k) mod m1, POW2[k] = A2^(2^k) mod m2, each row-major 3x3. */
    private static final long[][] POW1 = powersOfTwo(
            new long[] {0, 1, 0, 0, 0, 1, Mrg32k3a.M1 - Mrg32k3a.A13N, Mrg32k3a.A12, 0}, Mrg32k3a.M1);
    private static final long[][] POW2 = powersOfTwo(
            new long[] {0, 1, 0, 0, 0, 1, Mrg32k3a.M2 - Mrg32k3a.A23N, 0, Mrg32k3a.A21}, Mrg32k3a.M2);

    private Mrg32k3aJumps() {
    }

    /** A^(2^k) of the first (k, m1) or second (m2) component; a copy, for tests and tools. */
    static long[] power(int component, int log2) {
        return (component == 1 ? POW1 : POW2)[log2].clone();
    }

    /**
     * Advances state (x0,x1,x2,y0,y1,y2) in place by times * 2^log2 steps, times >= 0, using
     * the binary expansion of times: A^(times * 2^log2) = product of A^(2^(log2 + bit)).
     */
    static void advance(long[] state, long times, int log2) {
        if (times < 0) throw new IllegalArgumentException("skip count must be >= 0, got " + times);
        for (int bit = 0; times != 0; bit++, times >>>= 1) {
            if ((times & 1) != 0) {
                apply(POW1[log2 + bit], state, 0, Mrg32k3a.M1);
                apply(POW2[log2 + bit], state, 3, Mrg32k3a.M2);
            }
        }
    }

    /**
     * A1^n then A2^n (18 longs, row-major 3x3 each): the matrices that advance a state by n
     * steps, for {@link #applyBoth}. Costs one matrix product per set bit of n.
     */
    static long[] matrices(long n) {
        if (n < 0) throw new IllegalArgumentException("step count must be >= 0, got " + n);
        long[] m1 = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        long[] m2 = m1.clone();
        for (int bit = 0; n != 0; bit++, n >>>= 1) {
            if ((n & 1) != 0) {
                m1 = multiply(m1, POW1[bit], Mrg32k3a.M1);
                m2 = multiply(m2, POW2[bit], Mrg32k3a.M2);
            }
        }
        long[] both = new long[18];
        System.arraycopy(m1, 0, both, 0, 9);
        System.arraycopy(m2, 0, both, 9, 9);
        return both;
    }

    /**
     * Advances the six-word state at state[off..off+6) by the matrices of {@link #matrices},
     * writing the result to dst[doff..doff+6) (which may be the same words).
     */
    static void applyBoth(long[] both, long[] state, int off, long[] dst, int doff) {
        if (dst != state || doff != off) System.arraycopy(state, off, dst, doff, 6);
        apply(both, 0, dst, doff, Mrg32k3a.M1);
        apply(both, 9, dst, doff + 3, Mrg32k3a.M2);
    }

    /**
     * The recurrence of every stride-th output: s[k+3] = c1 s[k+2] + c2 s[k+1] + c3 s[k] (mod m)
     * for s[k] = x[l + k * stride], whatever l. By Cayley-Hamilton for B = A^stride,
     * B^3 = tr(B) B^2 - (sum of principal 2x2 minors) B + det(B) I. Returns {c1, c2, c3}.
     */
    static long[] decimation(int component, int log2Stride) {
        long m = component == 1 ? Mrg32k3a.M1 : Mrg32k3a.M2;
        long[] b = power(component, log2Stride);
        long trace = addMod(addMod(b[0], b[4], m), b[8], m);
        long minors = addMod(addMod(minor(b, 0, 4, 1, 3, m), minor(b, 0, 8, 2, 6, m), m), minor(b, 4, 8, 5, 7, m), m);
        long det = addMod(subMod(mulMod(b[0], minor(b, 4, 8, 5, 7, m), m), mulMod(b[1], minor(b, 3, 8, 5, 6, m), m), m),
                mulMod(b[2], minor(b, 3, 7, 4, 6, m), m), m);
        return new long[] {trace, subMod(0, minors, m), det};
    }

    /** b[i] b[j] - b[k] b[l] mod m. */
    private static long minor(long[] b, int i, int j, int k, int l, long m) {
        return subMod(mulMod(b[i], b[j], m), mulMod(b[k], b[l], m), m);
    }

    private static long subMod(long a, long b, long m) {
        return a >= b ? a - b : a - b + m;
    }

    /** v[off..off+3) = M * v[off..off+3) mod m, M row-major at mat[mo..mo+9). */
    private static void apply(long[] mat, int mo, long[] v, int off, long m) {
        long c = (1L << 32) - m;
        long a = v[off], b = v[off + 1], e = v[off + 2];
        for (int r = 0; r < 3; r++) {
            // each product folded once (< 2^48), the sum (< 2^50) reduced fully: fewer steps than three mulMods
            long s = fold(mat[mo + 3 * r] * a, c) + fold(mat[mo + 3 * r + 1] * b, c) + fold(mat[mo + 3 * r + 2] * e, c);
            long t = fold(s, c);               // < 2^33.6
            t = fold(t, c);                    // < 2^32 + 2^17
            v[off + r] = t >= m ? t - m : t;
        }
    }

    private static void apply(long[] mat, long[] v, int off, long m) {
        apply(mat, 0, v, off, m);
    }

    /** p mod 2^64 folded once with 2^32 = c (mod m): (p >>> 32) * c + low word, congruent to p as an unsigned value. */
    private static long fold(long p, long c) {
        return (p >>> 32) * c + (p & 0xFFFF_FFFFL);
    }

    /**
     * Advances the state by streams * 2^127 steps (to stream i of the state's family, R's
     * nextRNGStream applied i times) with one matrix-vector product per component and non-zero
     * byte of streams: at most 4 for task indices below 2^32, against one per set bit (about 15
     * for indices near 10^9) in {@link #advance}.
     */
    static void advanceStreams(long[] state, long streams) {
        if (streams < 0) throw new IllegalArgumentException("stream count must be >= 0, got " + streams);
        for (int p = 0; streams != 0; p++, streams >>>= 8) {
            int d = (int) (streams & 0xFF);
            if (d != 0) {
                long[] both = streamDigits(p)[d - 1];
                apply(both, 0, state, 0, Mrg32k3a.M1);
                apply(both, 9, state, 3, Mrg32k3a.M2);
            }
        }
    }

    /**
     * STREAM_DIGITS[p][d - 1] = A1^(d * 256^p * 2^127) then A2^(same), 18 longs: built per byte
     * position on first use (255 matrix products per component, about 0.1 ms; 37 KB each).
     */
    private static final AtomicReferenceArray<long[][]> STREAM_DIGITS = new AtomicReferenceArray<>(8);

    private static long[][] streamDigits(int p) {
        long[][] t = STREAM_DIGITS.get(p);
        if (t != null) return t;
        long[] b1 = POW1[STREAM_LOG2 + 8 * p];
        long[] b2 = POW2[STREAM_LOG2 + 8 * p];
        t = new long[255][];
        long[] m1 = b1;
        long[] m2 = b2;
        for (int d = 1; d <= 255; d++) {
            if (d > 1) {
                m1 = multiply(m1, b1, Mrg32k3a.M1);
                m2 = multiply(m2, b2, Mrg32k3a.M2);
            }
            long[] both = new long[18];
            System.arraycopy(m1, 0, both, 0, 9);
            System.arraycopy(m2, 0, both, 9, 9);
            t[d - 1] = both;
        }
        STREAM_DIGITS.compareAndSet(p, null, t);
        return STREAM_DIGITS.get(p);
    }

    private static long[][] powersOfTwo(long[] step, long m) {
        long[][] pow = new long[POWERS][];
        pow[0] = step;
        for (int k = 1; k < POWERS; k++) pow[k] = multiply(pow[k - 1], pow[k - 1], m);
        return pow;
    }

    private static long[] multiply(long[] p, long[] q, long m) {
        long[] r = new long[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long s = 0;
                for (int k = 0; k < 3; k++) s = addMod(s, mulMod(p[3 * i + k], q[3 * k + j], m), m);
                r[3 * i + j] = s;
            }
        }
        return r;
    }

    /**
     * a*b mod m for a, b in [0, m), m = m1 or m2. The product is below 2^64, so the long product
     * holds it exactly as an unsigned value; it is reduced by folding its high word with
     * 2^32 = c (mod m), c = 2^32 - m < 2^15, twice, and one conditional subtraction (no division:
     * every new task's stream jump does hundreds of these).
     */
    static long mulMod(long a, long b, long m) {
        long c = (1L << 32) - m;
        long p = a * b;
        long t = (p >>> 32) * c + (p & 0xFFFF_FFFFL);   // < 2^47 + 2^32
        t = (t >>> 32) * c + (t & 0xFFFF_FFFFL);        // < 2^31 + 2^32
        return t >= m ? t - m : t;
    }

    private static long addMod(long a, long b, long m) {
        long s = a + b;
        return s >= m ? s - m : s;
    }
}
