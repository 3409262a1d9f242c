package io.rankexec.rng;

import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Mrg32k3aKernel} in double arithmetic, as in L'Ecuyer's reference code, on independent
 * runs of the sequence ("lanes"). Needs no 64-bit integer multiply, so it runs on AVX2 (256-bit
 * vectors, 8 lanes) as well as on AVX-512 (512-bit, 16 lanes).
 *
 * <p>Exactness: a state word times a multiplier of the recurrence (below 2^21) is below 2^53, so
 * {@code p = a12 x[n-2] - a13n x[n-3]} is exact in a double. It is reduced to
 * {@code r = p - k m} with {@code k = round(p / m)}, computed as {@code fma(p, 1/m, 1.5 2^52) - 1.5 2^52}
 * (within 0.5 + 2^-29 of p / m, also for y where the quotient is summed from its two terms), and
 * {@code r} (exact: an integer below 2^53) is kept as the state word in the balanced range
 * [-m/2 - 8, m/2 + 8], which keeps every later p below 2^53 (at most (a12 + a13n) (m1/2 + 8) < 2^52.1)
 * without a correction step in the recurrence. Outputs add m to negative words (the canonical x and
 * y) and then form z = (x - y) mod m1 and {@code z * scale + shift}, the same doubles as the scalar loop.
 *
 * <p>Lanes: a fill is cut into tiles of {@code LANES * L} values; lane j of a tile starts at the
 * tile's state advanced by {@code j L} steps (lane j-1's start times the jump matrices of L steps)
 * and writes the tile's j-th run of L values, so the tile holds exactly the scalar sequence. The
 * steps write LANES values at a time into a small buffer, copied out transposed (loads and stores,
 * on other ports than the arithmetic). L is 1024 for long fills, then a multiple of 16 and finally
 * 5..16 for the rest, so a fill leaves fewer than {@code 5 LANES} values to the caller's scalar loop.
 * Two vectors per step: enough independent chains for the latency of a step, few enough for AVX2's
 * 16 registers (four vectors spilled and ran slower).
 *
 * <p>Methods are written flat (no helpers passing vectors) so that C2 inlines every Vector API
 * call; the step loop is its own method, whose vectors live only inside it (carried across the
 * copy loop, C2 boxed them). JDK 17's C2 takes the class of the loop's vectors from the JDK's
 * shared call profiles: if another DoubleVector shape has run in the same JVM (the 512-bit
 * decimation kernel, a user's own Vector API code), intoArray is not intrinsified and every
 * vector is boxed, 2-5x slower than the scalar loops. The warm-up race then keeps the switch closed;
 * tests run the decimation kernel in a JVM of its own. The vector width is the JVM's preferred one (256 bits under AVX2,
 * 512 under AVX-512), or {@code -Dio.rankexec.rng.mrg32k3a.bits=256|512}.
 */
final class Mrg32k3aLanesKernel extends Mrg32k3aKernel {

    private static final VectorSpecies<Double> S = species();
    private static final int VL = S.length();
    /** Two vectors per step. */
    static final int LANES = 2 * VL;
    private static final int L_BIG = 1024;
    /** Runs shorter than this are not worth the LANES - 1 jumps of a tile. */
    static final int MIN_L = 5;
    /** Steps per buffer round. */
    private static final int B = 64;

    private static final double M1 = Mrg32k3a.M1;
    private static final double M2 = Mrg32k3a.M2;
    private static final double A12 = Mrg32k3a.A12;
    private static final double NA13 = -Mrg32k3a.A13N;
    private static final double A21 = Mrg32k3a.A21;
    private static final double NA23 = -Mrg32k3a.A23N;
    private static final double INV1 = 1.0 / M1;
    private static final double A21_INV2 = A21 * (1.0 / M2);
    private static final double NA23_INV2 = NA23 * (1.0 / M2);
    private static final double MAGIC = 0x1.8p52;

    /** SMALL[L - 1]: the jump matrices of L steps, L in [1, 16]; BIG[k - 1]: of 16 k steps, up to L_BIG. */
    private static final long[][] SMALL = new long[16][];
    private static final long[][] BIG = new long[L_BIG / 16][];

    static {
        for (int l = 1; l <= 16; l++) SMALL[l - 1] = Mrg32k3aJumps.matrices(l);
        for (int k = 1; k <= L_BIG / 16; k++) BIG[k - 1] = Mrg32k3aJumps.matrices(16L * k);
    }

    private static final class Scratch {
        final double[] buf = new double[B * LANES];
        final long[] lanes = new long[6 * LANES];
        final double[] start = new double[6 * LANES];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static VectorSpecies<Double> species() {
        String bits = System.getProperty("io.rankexec.rng.mrg32k3a.bits", "");
        if (bits.equals("256")) return DoubleVector.SPECIES_256;
        if (bits.equals("512")) return DoubleVector.SPECIES_512;
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    }

    @Override
    String name() {
        // below 256 bits (SSE only, or no C2 vector support) the lanes would be boxed objects
        return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= S.vectorBitSize() ? "lanes-" + S.vectorBitSize() : null;
    }

    /** 16 values per lane: 128 under AVX2, 256 under AVX-512, where the lanes kernel wins clearly (measured). */
    @Override
    int minLength() {
        return 16 * LANES;
    }

    @Override
    int fill(long[] st, double[] out, int off, int len, double scale, double shift) {
        Scratch sc = SCRATCH.get();
        int pos = 0;
        while (true) {
            int rem = len - pos;
            int l;
            long[] jump;
            if (rem >= LANES * L_BIG) {
                l = L_BIG;
                jump = BIG[L_BIG / 16 - 1];
            } else if (rem >= LANES * 16) {
                int k = rem / (LANES * 16);
                l = 16 * k;
                jump = BIG[k - 1];
            } else if (rem >= LANES * MIN_L) {
                l = rem / LANES;
                jump = SMALL[l - 1];
            } else {
                return pos;
            }
            tile(st, jump, l, out, off + pos, scale, shift, sc);
            pos += LANES * l;
        }
    }

    /** LANES runs of l values from state st (advanced past them) into out[base .. base + LANES * l). */
    private static void tile(long[] st, long[] jump, int l, double[] out, int base, double scale, double shift,
                             Scratch sc) {
        long[] ls = sc.lanes;
        double[] h = sc.start;
        double[] buf = sc.buf;
        System.arraycopy(st, 0, ls, 0, 6);
        for (int j = 1; j < LANES; j++) Mrg32k3aJumps.applyBoth(jump, ls, 6 * (j - 1), ls, 6 * j);
        for (int j = 0; j < LANES; j++) {
            for (int w = 0; w < 6; w++) h[w * LANES + j] = ls[6 * j + w];
        }
        for (int kb = 0; kb < l; kb += B) {
            int n = Math.min(B, l - kb);
            steps(h, buf, n, scale, shift);
            // lane j's values of these n steps are buf[j], buf[j + LANES], ...: its run continues at base + j*l + kb
            for (int j = 0; j < LANES; j++) {
                int dst = base + j * l + kb;
                for (int k = 0; k < n; k++) out[dst + k] = buf[k * LANES + j];
            }
        }
        // the tile ends where the last lane ends; lane words are balanced residues, the state canonical
        for (int w = 0; w < 6; w++) {
            long v = (long) h[w * LANES + LANES - 1];
            st[w] = v < 0 ? v + (w < 3 ? Mrg32k3a.M1 : Mrg32k3a.M2) : v;
        }
    }

    /**
     * n steps of all lanes from the lane histories h (h[w * LANES + j]: word w of lane j, the six
     * words in state order), written back advanced; step k's outputs go to buf[k * LANES ..).
     */
    private static void steps(double[] h, double[] buf, int n, double scale, double shift) {
        // vector a holds lanes 0..VL-1, vector b lanes VL..2VL-1; *0 oldest, *2 newest
        DoubleVector xa0 = DoubleVector.fromArray(S, h, 0), xb0 = DoubleVector.fromArray(S, h, VL);
        DoubleVector xa1 = DoubleVector.fromArray(S, h, LANES), xb1 = DoubleVector.fromArray(S, h, LANES + VL);
        DoubleVector xa2 = DoubleVector.fromArray(S, h, 2 * LANES), xb2 = DoubleVector.fromArray(S, h, 2 * LANES + VL);
        DoubleVector ya0 = DoubleVector.fromArray(S, h, 3 * LANES), yb0 = DoubleVector.fromArray(S, h, 3 * LANES + VL);
        DoubleVector ya1 = DoubleVector.fromArray(S, h, 4 * LANES), yb1 = DoubleVector.fromArray(S, h, 4 * LANES + VL);
        DoubleVector ya2 = DoubleVector.fromArray(S, h, 5 * LANES), yb2 = DoubleVector.fromArray(S, h, 5 * LANES + VL);
        DoubleVector a12 = DoubleVector.broadcast(S, A12), na13 = DoubleVector.broadcast(S, NA13);
        DoubleVector a21 = DoubleVector.broadcast(S, A21), na23 = DoubleVector.broadcast(S, NA23);
        DoubleVector inv1 = DoubleVector.broadcast(S, INV1);
        DoubleVector a21i = DoubleVector.broadcast(S, A21_INV2), na23i = DoubleVector.broadcast(S, NA23_INV2);
        DoubleVector nm1 = DoubleVector.broadcast(S, -M1), nm2 = DoubleVector.broadcast(S, -M2);
        DoubleVector magic = DoubleVector.broadcast(S, MAGIC);
        for (int k = 0; k < n; k++) {
            int o = k * LANES;
            // x: p exact; r = p - round(p / m1) m1 in [-m1/2 - 1, m1/2 + 1] is the new state word
            DoubleVector p = a12.fma(xa1, na13.mul(xa0));
            DoubleVector r = p.fma(inv1, magic).sub(magic).fma(nm1, p);
            xa0 = xa1; xa1 = xa2; xa2 = r;
            DoubleVector x = r.sub(nm1, r.compare(LT, 0.0));
            // y: the quotient from y2 and y0 separately (shorter chain through y2), within 0.5 + 2^-29 of p / m2
            p = a21.fma(ya2, na23.mul(ya0));
            r = a21i.fma(ya2, na23i.mul(ya0)).add(magic).sub(magic).fma(nm2, p);
            ya0 = ya1; ya1 = ya2; ya2 = r;
            DoubleVector y = r.sub(nm2, r.compare(LT, 0.0));
            DoubleVector z = x.sub(y);
            z.sub(nm1, z.compare(LT, 0.0)).mul(scale).add(shift).intoArray(buf, o);

            p = a12.fma(xb1, na13.mul(xb0));
            r = p.fma(inv1, magic).sub(magic).fma(nm1, p);
            xb0 = xb1; xb1 = xb2; xb2 = r;
            x = r.sub(nm1, r.compare(LT, 0.0));
            p = a21.fma(yb2, na23.mul(yb0));
            r = a21i.fma(yb2, na23i.mul(yb0)).add(magic).sub(magic).fma(nm2, p);
            yb0 = yb1; yb1 = yb2; yb2 = r;
            y = r.sub(nm2, r.compare(LT, 0.0));
            z = x.sub(y);
            z.sub(nm1, z.compare(LT, 0.0)).mul(scale).add(shift).intoArray(buf, o + VL);
        }
        xa0.intoArray(h, 0); xb0.intoArray(h, VL);
        xa1.intoArray(h, LANES); xb1.intoArray(h, LANES + VL);
        xa2.intoArray(h, 2 * LANES); xb2.intoArray(h, 2 * LANES + VL);
        ya0.intoArray(h, 3 * LANES); yb0.intoArray(h, 3 * LANES + VL);
        ya1.intoArray(h, 4 * LANES); yb1.intoArray(h, 4 * LANES + VL);
        ya2.intoArray(h, 5 * LANES); yb2.intoArray(h, 5 * LANES + VL);
    }
}
