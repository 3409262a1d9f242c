package io.rankexec.rng;

import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.L2D;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Mrg32k3aKernel} on the incubating Vector API. The sequence is split by residue: with
 * 16 lanes, lane l produces outputs l, l + 16, l + 32, ... Every 16th term of an order-3 linear
 * recurrence obeys another order-3 recurrence (the characteristic polynomial of A^16, see
 * {@link Mrg32k3aJumps#decimation}), so one step computes 16 consecutive outputs at once and
 * stores them contiguously. Its coefficients are full 32-bit numbers, so each product is a full
 * 64-bit value; the three are folded together with 2^32 = c (mod m) and reduced exactly, which
 * keeps the output bit-identical to the scalar recurrence. Two 8-lane vectors per component keep
 * two independent dependency chains in flight.
 *
 * <p>Methods are written flat (no helpers passing vectors) so that C2 inlines every Vector API
 * call and compiles it to SIMD instructions.
 */
final class Mrg32k3aVectorKernel extends Mrg32k3aKernel {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_512;
    private static final int V = 8;
    private static final int LANES = 2 * V;
    private static final int HEAD = 3 * LANES;

    private static final long M1 = Mrg32k3a.M1;
    private static final long M2 = Mrg32k3a.M2;
    private static final long C1 = (1L << 32) - M1;
    private static final long C2 = (1L << 32) - M2;
    private static final long LOW = 0xFFFF_FFFFL;

    private static final long[] X = Mrg32k3aJumps.decimation(1, 4);
    private static final long[] Y = Mrg32k3aJumps.decimation(2, 4);
    private static final long X1 = X[0], X2 = X[1], X3 = X[2];
    private static final long Y1 = Y[0], Y2 = Y[1], Y3 = Y[2];

    @Override
    String name() {
        return LONGS.length() == V && LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512 ? "vector-512" : null;
    }

    @Override
    int fill(long[] st, double[] out, int off, int len, double scale, double shift) {
        // Head: the first 48 outputs one by one, keeping x and y as the lanes' first three terms.
        long[] hx = new long[HEAD];
        long[] hy = new long[HEAD];
        long a0 = st[0], a1 = st[1], a2 = st[2], b0 = st[3], b1 = st[4], b2 = st[5];
        for (int i = 0; i < HEAD; i++) {
            long p1 = Mrg32k3a.mod1(Mrg32k3a.A12 * a1 + Mrg32k3a.A13N * (M1 - a0));
            a0 = a1; a1 = a2; a2 = p1;
            long p2 = Mrg32k3a.mod2(Mrg32k3a.A21 * b2 + Mrg32k3a.A23N * (M2 - b0));
            b0 = b1; b1 = b2; b2 = p2;
            hx[i] = p1;
            hy[i] = p2;
            long z = p1 - p2;
            out[off + i] = (z + ((z >> 63) & M1)) * scale + shift;
        }
        // lane histories: xa* = lanes 0..7, xb* = lanes 8..15; *0 oldest, *2 newest
        LongVector xa0 = LongVector.fromArray(LONGS, hx, 0), xb0 = LongVector.fromArray(LONGS, hx, V);
        LongVector xa1 = LongVector.fromArray(LONGS, hx, LANES), xb1 = LongVector.fromArray(LONGS, hx, LANES + V);
        LongVector xa2 = LongVector.fromArray(LONGS, hx, 2 * LANES), xb2 = LongVector.fromArray(LONGS, hx, 2 * LANES + V);
        LongVector ya0 = LongVector.fromArray(LONGS, hy, 0), yb0 = LongVector.fromArray(LONGS, hy, V);
        LongVector ya1 = LongVector.fromArray(LONGS, hy, LANES), yb1 = LongVector.fromArray(LONGS, hy, LANES + V);
        LongVector ya2 = LongVector.fromArray(LONGS, hy, 2 * LANES), yb2 = LongVector.fromArray(LONGS, hy, 2 * LANES + V);

        int pos = HEAD;
        for (; pos + LANES <= len; pos += LANES) {
            // x, lanes 0..7
            LongVector p = xa2.mul(X1), q = xa1.mul(X2), r = xa0.mul(X3);
            LongVector t = p.lanewise(LSHR, 32).add(q.lanewise(LSHR, 32)).add(r.lanewise(LSHR, 32)).mul(C1)
                    .add(p.and(LOW).add(q.and(LOW)).add(r.and(LOW)));
            t = t.lanewise(LSHR, 32).mul(C1).add(t.and(LOW));
            LongVector xa = t.sub(M1, t.compare(GE, M1));
            // x, lanes 8..15
            p = xb2.mul(X1); q = xb1.mul(X2); r = xb0.mul(X3);
            t = p.lanewise(LSHR, 32).add(q.lanewise(LSHR, 32)).add(r.lanewise(LSHR, 32)).mul(C1)
                    .add(p.and(LOW).add(q.and(LOW)).add(r.and(LOW)));
            t = t.lanewise(LSHR, 32).mul(C1).add(t.and(LOW));
            LongVector xb = t.sub(M1, t.compare(GE, M1));
            // y, lanes 0..7
            p = ya2.mul(Y1); q = ya1.mul(Y2); r = ya0.mul(Y3);
            t = p.lanewise(LSHR, 32).add(q.lanewise(LSHR, 32)).add(r.lanewise(LSHR, 32)).mul(C2)
                    .add(p.and(LOW).add(q.and(LOW)).add(r.and(LOW)));
            t = t.lanewise(LSHR, 32).mul(C2).add(t.and(LOW));
            LongVector ya = t.sub(M2, t.compare(GE, M2));
            // y, lanes 8..15
            p = yb2.mul(Y1); q = yb1.mul(Y2); r = yb0.mul(Y3);
            t = p.lanewise(LSHR, 32).add(q.lanewise(LSHR, 32)).add(r.lanewise(LSHR, 32)).mul(C2)
                    .add(p.and(LOW).add(q.and(LOW)).add(r.and(LOW)));
            t = t.lanewise(LSHR, 32).mul(C2).add(t.and(LOW));
            LongVector yb = t.sub(M2, t.compare(GE, M2));

            LongVector za = xa.sub(ya);
            za = za.add(M1, za.compare(LT, 0));
            ((DoubleVector) za.convert(L2D, 0)).mul(scale).add(shift).intoArray(out, off + pos);
            LongVector zb = xb.sub(yb);
            zb = zb.add(M1, zb.compare(LT, 0));
            ((DoubleVector) zb.convert(L2D, 0)).mul(scale).add(shift).intoArray(out, off + pos + V);

            xa0 = xa1; xa1 = xa2; xa2 = xa;
            xb0 = xb1; xb1 = xb2; xb2 = xb;
            ya0 = ya1; ya1 = ya2; ya2 = ya;
            yb0 = yb1; yb1 = yb2; yb2 = yb;
        }
        // the last three outputs are lanes 13..15, i.e. lanes 5..7 of the newest b vectors;
        // the caller finishes the remaining (len - pos) < 16 values (no tail loop here: a rarely
        // taken tail would make C2 deoptimize this method whenever the fill length changes)
        st[0] = xb2.lane(V - 3); st[1] = xb2.lane(V - 2); st[2] = xb2.lane(V - 1);
        st[3] = yb2.lane(V - 3); st[4] = yb2.lane(V - 2); st[5] = yb2.lane(V - 1);
        return pos;
    }
}
