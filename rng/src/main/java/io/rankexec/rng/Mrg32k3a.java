package io.rankexec.rng;

import java.io.Serializable;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * L'Ecuyer's combined multiple recursive generator MRG32k3a, bit-exact with Intel MKL's
 * {@code VSL_BRNG_MRG32K3A} and, through {@link #fromRSeed(int)} and {@link #nextRDouble()},
 * with R's {@code "L'Ecuyer-CMRG"} generator and {@code parallel::nextRNGStream}.
 *
 * <pre>
 *   x[n] = (1403580 x[n-2] -  810728 x[n-3]) mod m1,   m1 = 2^32 - 209
 *   y[n] = ( 527612 y[n-1] - 1370589 y[n-3]) mod m2,   m2 = 2^32 - 22853
 *   z[n] = (x[n] - y[n]) mod m1                         in [0, m1)
 * </pre>
 *
 * <ul>
 * <li>{@link #nextBits32()} is z (MKL's viRngUniformBits), {@link #nextDouble()} is
 * {@code z * (1.0 / m1)}: MKL multiplies by the rounded reciprocal (a true division differs by
 * one ulp now and then) and returns 0.0 when z == 0, so the range is [0, 1).</li>
 * <li>{@link #nextRDouble()} is R's unif_rand: {@code (z == 0 ? m1 : z) * 2.328306549295727688e-10},
 * in (0, 1).</li>
 * <li>The state is the six words (x[n-3], x[n-2], x[n-1], y[n-3], y[n-2], y[n-1]), the order of
 * MKL's vslNewStreamEx parameters, L'Ecuyer's RngStreams and R's {@code .Random.seed[2:7]}.</li>
 * <li>{@link #skip(long)} is MKL's vslSkipAheadStream; streams are 2^127 apart ({@link #leap()},
 * {@link #nextStream()}, R's nextRNGStream) and substreams 2^76 apart ({@link #jump()},
 * {@link #nextSubstream()}, R's nextRNGSubStream). Jumps move the <em>current</em> state, as R does.</li>
 * </ul>
 *
 * <p>{@link #nextInt()} (hence the JDK's bounded helpers) uses z, whose range lacks the top 209
 * of the 2^32 values; the resulting bias is below 5e-8. {@link io.rankexec.rng.dist.Distributions}
 * draws unbiased integers using {@link #bitsBound()}.
 *
 * <p>Block fills of doubles ({@link #fill(double[], int, int)} and the [a, b) variant) of 128
 * values or more (256 under AVX-512) run on the Vector API kernel {@link Mrg32k3aLanesKernel} (double arithmetic on
 * 8 or 16 independent runs of the sequence, AVX2 or AVX-512) when the JVM has
 * {@code --add-modules jdk.incubator.vector} and the kernel has been warmed up
 * ({@link VectorWarmup}), else on two interleaved scalar chains; the values are identical either
 * way (figures in bench/RESULTS.md, sections uniform-rng and uniform-rng-avx2).
 *
 * <p>Not thread-safe: one generator per task or thread.
 */
public final class Mrg32k3a extends BlockRandom implements RandomGenerator.LeapableGenerator {

    static final long M1 = 4294967087L;
    static final long M2 = 4294944443L;
    static final long A12 = 1403580L;
    static final long A13N = 810728L;
    static final long A21 = 527612L;
    static final long A23N = 1370589L;

    /** 2^32 mod m1 and 2^32 mod m2: the folding constants of the pseudo-Mersenne reductions. */
    private static final long C1 = (1L << 32) - M1;
    private static final long C2 = (1L << 32) - M2;
    private static final long LOW32 = 0xFFFF_FFFFL;

    /** MKL's normalisation: the double nearest 1/m1, used as a multiplier. */
    static final double INV_M1 = 1.0 / M1;
    /** R's normalisation constant (normc in R's RNG.c), about 1/(m1+1). */
    static final double R_NORM = 2.328306549295727688e-10;

    private static final int STATE_WORDS = 6;

    private long x0, x1, x2, y0, y1, y2;
    private final StreamSpec spec;

    /**
     * MKL's {@code vslNewStream(&s, VSL_BRNG_MRG32K3A, seed)}: x = (seed mod m1, 1, 1), y = (1, 1, 1).
     *
     * @param seed an unsigned 32-bit value, in [0, 2^32)
     */
    public Mrg32k3a(long seed) {
        this(checkSeed(seed) % M1, 1, 1, 1, 1, 1, new StreamSpec(RngKind.MRG32K3A, seed, 0));
    }

    private Mrg32k3a(long x0, long x1, long x2, long y0, long y1, long y2, StreamSpec spec) {
        this.x0 = x0;
        this.x1 = x1;
        this.x2 = x2;
        this.y0 = y0;
        this.y1 = y1;
        this.y2 = y2;
        this.spec = spec;
    }

    /**
     * Stream {@code stream} of the family of {@code seed}: MKL's seeded stream advanced by
     * stream * 2^127 steps, in O(log stream) matrix products.
     */
    public static Mrg32k3a forStream(long seed, long stream) {
        if (stream < 0) throw new IllegalArgumentException("stream index must be >= 0, got " + stream);
        long[] s = new Mrg32k3a(seed).stateWords();
        Mrg32k3aJumps.advanceStreams(s, stream);
        return new Mrg32k3a(s[0], s[1], s[2], s[3], s[4], s[5], new StreamSpec(RngKind.MRG32K3A, seed, stream));
    }

    /**
     * A generator at the given six-word state (x[n-3], x[n-2], x[n-1], y[n-3], y[n-2], y[n-1]);
     * x in [0, m1) not all zero, y in [0, m2) not all zero. Its {@link #spec()} is null.
     */
    public static Mrg32k3a fromState(long[] state) {
        if (state == null || state.length != STATE_WORDS) {
            throw new IllegalArgumentException("MRG32k3a state needs 6 words, got "
                    + (state == null ? "null" : state.length));
        }
        checkComponent(state, 0, M1, "x");
        checkComponent(state, 3, M2, "y");
        return new Mrg32k3a(state[0], state[1], state[2], state[3], state[4], state[5], null);
    }

    /**
     * R's state after {@code set.seed(seed, kind = "L'Ecuyer-CMRG")}: the seed (as unsigned
     * 32 bits) is scrambled by 50 steps of the LCG s = 69069 s + 1 mod 2^32, then each of the six
     * words is the next LCG value, skipping values >= m2 (R's RNG_Init).
     */
    public static Mrg32k3a fromRSeed(int seed) {
        int s = seed;
        for (int j = 0; j < 50; j++) s = 69069 * s + 1;
        long[] state = new long[STATE_WORDS];
        for (int j = 0; j < STATE_WORDS; j++) {
            s = 69069 * s + 1;
            while (Integer.toUnsignedLong(s) >= M2) s = 69069 * s + 1;
            state[j] = Integer.toUnsignedLong(s);
        }
        return fromState(state);
    }

    /**
     * A generator at R's {@code .Random.seed} for "L'Ecuyer-CMRG": either all 7 integers (the
     * first is the kind code, which must end in 07) or just the 6 state words, as R stores them
     * (signed ints holding unsigned values).
     */
    public static Mrg32k3a fromRandomSeed(int[] randomSeed) {
        if (randomSeed == null || (randomSeed.length != 6 && randomSeed.length != 7)) {
            throw new IllegalArgumentException("an L'Ecuyer-CMRG .Random.seed has 7 (or 6 state) integers, got "
                    + (randomSeed == null ? "null" : randomSeed.length));
        }
        int off = randomSeed.length - STATE_WORDS;
        if (off == 1 && randomSeed[0] % 100 != 7) {
            throw new IllegalArgumentException(".Random.seed[1] = " + randomSeed[0]
                    + " is not an L'Ecuyer-CMRG kind code (must end in 07)");
        }
        long[] state = new long[STATE_WORDS];
        for (int j = 0; j < STATE_WORDS; j++) state[j] = Integer.toUnsignedLong(randomSeed[off + j]);
        return fromState(state);
    }

    /** The six state words as R stores them in {@code .Random.seed[2:7]} (signed 32-bit ints). */
    public int[] toRandomSeedWords() {
        long[] s = stateWords();
        int[] r = new int[STATE_WORDS];
        for (int j = 0; j < STATE_WORDS; j++) r[j] = (int) s[j];
        return r;
    }

    /** A copy of the six state words (x[n-3], x[n-2], x[n-1], y[n-3], y[n-2], y[n-1]). */
    public long[] stateWords() {
        return new long[] {x0, x1, x2, y0, y1, y2};
    }

    /** A serializable snapshot of the position in the sequence, for checkpoints. */
    public State snapshot() {
        return new State(stateWords(), spec);
    }

    /** Returns to a position saved by {@link #snapshot()} (of this or any MRG32k3a generator). */
    public void restore(State state) {
        Objects.requireNonNull(state, "state");
        long[] s = state.words();
        x0 = s[0]; x1 = s[1]; x2 = s[2];
        y0 = s[3]; y1 = s[4]; y2 = s[5];
    }

    /** A new generator at a saved position, with the saved stream identity. */
    public static Mrg32k3a fromSnapshot(State state) {
        Objects.requireNonNull(state, "state");
        long[] s = state.words();
        return new Mrg32k3a(s[0], s[1], s[2], s[3], s[4], s[5], state.spec());
    }

    /**
     * An immutable, serializable generator position: the six state words and the stream
     * identity it came from (null for a raw state).
     */
    public record State(long[] words, StreamSpec spec) implements Serializable {
        public State {
            if (words == null || words.length != STATE_WORDS) {
                throw new IllegalArgumentException("MRG32k3a state needs 6 words");
            }
            words = words.clone();
            checkComponent(words, 0, M1, "x");
            checkComponent(words, 3, M2, "y");
        }

        @Override
        public long[] words() {
            return words.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && java.util.Arrays.equals(words, s.words) && Objects.equals(spec, s.spec);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(words) + Objects.hashCode(spec);
        }

        @Override
        public String toString() {
            return "Mrg32k3a.State" + java.util.Arrays.toString(words) + (spec == null ? "" : " of " + spec);
        }
    }

    @Override
    public StreamSpec spec() {
        return spec;
    }

    /** Bits come from [0, m1), not the full 32-bit range. */
    @Override
    public long bitsBound() {
        return M1;
    }

    // ---------------------------------------------------------------- scalar generation

    /** One step of both components; returns z = (x[n] - y[n]) mod m1. */
    private long step() {
        long p1 = mod1(A12 * x1 + A13N * (M1 - x0));
        x0 = x1;
        x1 = x2;
        x2 = p1;
        long p2 = mod2(A21 * y2 + A23N * (M2 - y0));
        y0 = y1;
        y1 = y2;
        y2 = p2;
        long z = p1 - p2;
        return z + ((z >> 63) & M1);
    }

    /** p mod m1 for 0 <= p < 2^54, folding the high word with 2^32 = 209 (mod m1). */
    static long mod1(long p) {
        long t = (p >>> 32) * C1 + (p & LOW32);
        t = (t >>> 32) * C1 + (t & LOW32);
        return t >= M1 ? t - M1 : t;
    }

    /** p mod m2 for 0 <= p < 2^54, folding the high word with 2^32 = 22853 (mod m2). */
    static long mod2(long p) {
        long t = (p >>> 32) * C2 + (p & LOW32);
        t = (t >>> 32) * C2 + (t & LOW32);
        return t >= M2 ? t - M2 : t;
    }

    /** z in [0, m1) as an int bit pattern (MKL viRngUniformBits). */
    @Override
    public int nextBits32() {
        return (int) step();
    }

    /** MKL's uniform double: z * (1.0 / m1), in [0, 1). */
    @Override
    public double nextDouble() {
        return step() * INV_M1;
    }

    /** R's unif_rand() for "L'Ecuyer-CMRG", in (0, 1); runif(1) after the same state. */
    public double nextRDouble() {
        long z = step();
        return (z == 0 ? M1 : z) * R_NORM;
    }

    // ---------------------------------------------------------------- block generation

    /**
     * The kernel long fills use now, for benchmarks and diagnostics: "lanes-256" (AVX2),
     * "lanes-512" (AVX-512), "vector-512" (the decimation kernel, on request) or "scalar" (no
     * jdk.incubator.vector, disabled, or the JVM-wide switch not open yet).
     */
    public String kernelName() {
        Mrg32k3aKernel k = Mrg32k3aKernel.opened();
        return k == null ? "scalar" : k.name();
    }

    @Override
    public void fill(double[] out, int off, int len) {
        fillWith(len >= Mrg32k3aKernel.MIN_LENGTH ? Mrg32k3aKernel.current(len) : null, out, off, len);
    }

    /** {@link #fill(double[], int, int)} on the given vector kernel, or on the scalar loops when null (tests, warm-up). */
    void fillWith(Mrg32k3aKernel kernel, double[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        fillScaled(out, off, len, INV_M1, 0.0, kernel);
    }

    /**
     * MKL's vdRngUniform(VSL_RNG_METHOD_UNIFORM_STD) on [a, b), bit for bit: MKL scales z once,
     * {@code z * ((b - a) * (1/m1)) + a} (no fused multiply-add), which is not always the same
     * double as {@code a + (b - a) * u}. Rounding can give b itself, as in MKL.
     */
    @Override
    public void fill(double[] out, int off, int len, double a, double b) {
        fillWith(len >= Mrg32k3aKernel.MIN_LENGTH ? Mrg32k3aKernel.current(len) : null, out, off, len, a, b);
    }

    /** The [a, b) fill on the given vector kernel, or on the scalar loops when null (tests, warm-up). */
    void fillWith(Mrg32k3aKernel kernel, double[] out, int off, int len, double a, double b) {
        Objects.checkFromIndexSize(off, len, out.length);
        checkRange(a, b);
        fillScaled(out, off, len, (b - a) * INV_M1, a, kernel);
    }

    /** One uniform on [a, b) with MKL's formula (see {@link #fill(double[], int, int, double, double)}), kept below b. */
    @Override
    public double nextDouble(double a, double b) {
        checkRange(a, b);
        double r = step() * ((b - a) * INV_M1) + a;
        return r < b ? r : Math.nextDown(b);
    }

    /** Fills at least this long run two interleaved chains (see {@link #fillScaled}). */
    private static final int TWO_CHAIN_MIN = 1024;

    /**
     * out[i] = z[i] * scale + shift; with scale 1/m1 and shift +0.0 this is exactly z * (1/m1).
     * Given a vector kernel, fills of at least its minLength() go to it. Otherwise: y[n] depends on
     * y[n-1], so one chain is latency-bound (a multiply and two folds per value).
     * Long fills run two chains at once: the second starts h steps ahead (a skip-ahead whose cost
     * is popcount(h) matrix products, hence h a multiple of 256) and ends where the fill ends.
     */
    private void fillScaled(double[] out, int off, int len, double scale, double shift, Mrg32k3aKernel vector) {
        if (vector != null && len >= vector.minLength()) {
            long[] s = stateWords();
            int done = vector.fill(s, out, off, len, scale, shift);
            x0 = s[0]; x1 = s[1]; x2 = s[2];
            y0 = s[3]; y1 = s[4]; y2 = s[5];
            serialScaled(out, off + done, len - done, scale, shift);
            return;
        }
        if (len < TWO_CHAIN_MIN) {
            serialScaled(out, off, len, scale, shift);
            return;
        }
        int h = (len >>> 1) & -256;
        long[] far = stateWords();
        Mrg32k3aJumps.advance(far, h, 0);
        long a0 = x0, a1 = x1, a2 = x2, b0 = y0, b1 = y1, b2 = y2;
        long c0 = far[0], c1 = far[1], c2 = far[2], d0 = far[3], d1 = far[4], d2 = far[5];
        for (int i = off, end = off + h; i < end; i++) {
            long p1 = mod1(A12 * a1 + A13N * (M1 - a0));
            long q1 = mod1(A12 * c1 + A13N * (M1 - c0));
            a0 = a1; a1 = a2; a2 = p1;
            c0 = c1; c1 = c2; c2 = q1;
            long p2 = mod2(A21 * b2 + A23N * (M2 - b0));
            long q2 = mod2(A21 * d2 + A23N * (M2 - d0));
            b0 = b1; b1 = b2; b2 = p2;
            d0 = d1; d1 = d2; d2 = q2;
            long z = p1 - p2;
            long w = q1 - q2;
            out[i] = (z + ((z >> 63) & M1)) * scale + shift;
            out[i + h] = (w + ((w >> 63) & M1)) * scale + shift;
        }
        x0 = c0; x1 = c1; x2 = c2; y0 = d0; y1 = d1; y2 = d2;
        serialScaled(out, off + 2 * h, len - 2 * h, scale, shift);
    }

    private void serialScaled(double[] out, int off, int len, double scale, double shift) {
        long a0 = x0, a1 = x1, a2 = x2, b0 = y0, b1 = y1, b2 = y2;
        for (int i = off, end = off + len; i < end; i++) {
            long p1 = mod1(A12 * a1 + A13N * (M1 - a0));
            a0 = a1; a1 = a2; a2 = p1;
            long p2 = mod2(A21 * b2 + A23N * (M2 - b0));
            b0 = b1; b1 = b2; b2 = p2;
            long z = p1 - p2;
            out[i] = (z + ((z >> 63) & M1)) * scale + shift;
        }
        x0 = a0; x1 = a1; x2 = a2; y0 = b0; y1 = b1; y2 = b2;
    }

    @Override
    public void fillBits(int[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        long a0 = x0, a1 = x1, a2 = x2, b0 = y0, b1 = y1, b2 = y2;
        for (int i = off, end = off + len; i < end; i++) {
            long p1 = mod1(A12 * a1 + A13N * (M1 - a0));
            a0 = a1; a1 = a2; a2 = p1;
            long p2 = mod2(A21 * b2 + A23N * (M2 - b0));
            b0 = b1; b1 = b2; b2 = p2;
            long z = p1 - p2;
            out[i] = (int) (z + ((z >> 63) & M1));
        }
        x0 = a0; x1 = a1; x2 = a2; y0 = b0; y1 = b1; y2 = b2;
    }

    /** Fills with R's unif_rand values: what runif(len) gives from the same state. */
    public void fillR(double[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        for (int i = off, end = off + len; i < end; i++) out[i] = nextRDouble();
    }

    /** What R's runif(len, a, b) gives from the same state: a + (b - a) * unif_rand(), a <= b finite. */
    public void fillR(double[] out, int off, int len, double a, double b) {
        Objects.checkFromIndexSize(off, len, out.length);
        if (!(a <= b) || !Double.isFinite(b - a)) {
            throw new IllegalArgumentException("runif range needs finite a <= b, got [" + a + ", " + b + "]");
        }
        for (int i = off, end = off + len; i < end; i++) out[i] = a == b ? a : a + (b - a) * nextRDouble();
    }

    // ---------------------------------------------------------------- skip-ahead and streams

    /** Advances by n steps in O(log n), exactly as MKL's vslSkipAheadStream(stream, n). */
    public void skip(long n) {
        if (n < 0) throw new IllegalArgumentException("skip count must be >= 0, got " + n);
        advance(n, 0);
    }

    /** Advances by 2^127 steps: R's nextRNGStream applied to the current state. Same as {@link #leap()}. */
    public void nextStream() {
        advance(1, Mrg32k3aJumps.STREAM_LOG2);
    }

    /** Advances by 2^76 steps: R's nextRNGSubStream applied to the current state. Same as {@link #jump()}. */
    public void nextSubstream() {
        advance(1, Mrg32k3aJumps.SUBSTREAM_LOG2);
    }

    /** JumpableGenerator: a jump is one substream, 2^76 steps. */
    @Override
    public void jump() {
        nextSubstream();
    }

    /** 2^76. */
    @Override
    public double jumpDistance() {
        return Math.scalb(1.0, Mrg32k3aJumps.SUBSTREAM_LOG2);
    }

    /** LeapableGenerator: a leap is one stream, 2^127 steps. */
    @Override
    public void leap() {
        nextStream();
    }

    /** 2^127. */
    @Override
    public double leapDistance() {
        return Math.scalb(1.0, Mrg32k3aJumps.STREAM_LOG2);
    }

    /** An independent generator at the same position, with the same stream identity. */
    @Override
    public Mrg32k3a copy() {
        return new Mrg32k3a(x0, x1, x2, y0, y1, y2, spec);
    }

    private void advance(long times, int log2) {
        long[] s = stateWords();
        Mrg32k3aJumps.advance(s, times, log2);
        x0 = s[0]; x1 = s[1]; x2 = s[2];
        y0 = s[3]; y1 = s[4]; y2 = s[5];
    }

    // ---------------------------------------------------------------- validation

    private static long checkSeed(long seed) {
        if (seed < 0 || seed > LOW32) {
            throw new IllegalArgumentException("MRG32k3a seed must be an unsigned 32-bit value in [0, 2^32), got " + seed);
        }
        return seed;
    }

    private static void checkComponent(long[] s, int off, long m, String name) {
        boolean nonZero = false;
        for (int j = off; j < off + 3; j++) {
            if (s[j] < 0 || s[j] >= m) {
                throw new IllegalArgumentException("MRG32k3a state word " + j + " (" + name + ") must be in [0, "
                        + m + "), got " + s[j]);
            }
            nonZero |= s[j] != 0;
        }
        if (!nonZero) throw new IllegalArgumentException("MRG32k3a state: the " + name + " words must not all be zero");
    }
}
