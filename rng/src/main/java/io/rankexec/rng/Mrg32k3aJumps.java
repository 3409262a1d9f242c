package io.rankexec.rng;

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

    /** v[off..off+3) = M * v[off..off+3) mod m. */
    private static void apply(long[] mat, long[] v, int off, long m) {
        long a = v[off], b = v[off + 1], c = v[off + 2];
        for (int r = 0; r < 3; r++) {
            v[off + r] = addMod(addMod(mulMod(mat[3 * r], a, m), mulMod(mat[3 * r + 1], b, m), m),
                    mulMod(mat[3 * r + 2], c, m), m);
        }
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
     * a*b mod m for a, b in [0, m), m < 2^32. The full product can exceed 2^63, where JDK 17's
     * Long.remainderUnsigned goes through BigInteger (slow in every new task's stream jump), so
     * it is split: a * (b >>> 1) < 2^63, then doubled and the low bit's a added, all below 2^34.
     */
    static long mulMod(long a, long b, long m) {
        long half = (a * (b >>> 1)) % m;
        return ((half << 1) + (b & 1) * a) % m;
    }

    private static long addMod(long a, long b, long m) {
        long s = a + b;
        return s >= m ? s - m : s;
    }
}
