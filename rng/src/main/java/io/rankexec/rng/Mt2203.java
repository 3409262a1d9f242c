package io.rankexec.rng;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stream of Intel MKL's MT2203 family: 6024 Mersenne Twisters (w=32, n=69, m=34, r=5,
 * period 2^2203-1), each with its own twist constant and tempering masks, bit-exact with MKL.
 *
 * <p>{@code new Mt2203(seed, i)} produces exactly what MKL's
 * {@code vslNewStream(&s, VSL_BRNG_MT2203 + i, seed)} produces: {@link #nextBits32()} and
 * {@link #fillBits} equal {@code viRngUniformBits}; {@link #nextDouble()} and {@link #fill(double[], int, int)}
 * equal {@code vdRngUniform} on [0,1) ({@code x * 2^-32} for the unsigned output x);
 * {@link #fill(double[], int, int, double, double)} equals {@code vdRngUniform} on [a,b)
 * ({@code a + (b - a) * u} in double); the float fills equal {@code vsRngUniform}. Like MKL, the
 * range and float forms round, so they can return the upper bound (float [0,1): with probability
 * about 2^-25); {@link #nextFloat()} and the bounded {@code RandomGenerator} methods keep the JDK
 * contract instead and are not MKL's. Block fills equal the same number of scalar calls.
 *
 * <p><b>Task streams</b> ({@link #forTask}): task i uses substream {@code i mod 6024} and block
 * {@code b = i / 6024}. Block 0 is MKL's {@code vslNewStream(MT2203 + sub, seed)}; block b &gt; 0
 * is seeded with the two-word key {@code {seed, b}}, i.e. exactly MKL's
 * {@code vslNewStreamEx(&s, VSL_BRNG_MT2203 + sub, 2, {seed, b})}. Blocks of one substream are
 * therefore different starting points of the same twister (chosen by MT's init_by_array, not
 * provably disjoint but overlap within any feasible run length is negligible against the period
 * 2^2203-1); streams of different substreams are independent by construction of the family.
 * Limits: seed in [0, 2^32), task index in [0, 6024 * 2^32).
 *
 * <p>Speed: output words come from the linear recurrence
 * {@code x[k+69] = x[k+34] ^ ((x[k] & upper | x[k+1] & lower) >>> 1) ^ (x[k+1] odd ? a : 0)}
 * computed into a buffer 2048 words at a time, tempered into a second buffer in another pass, and
 * converted into the caller's array in a third. With {@code --add-modules jdk.incubator.vector} all
 * passes run on the Vector API (the recurrence reads 35 words behind its writes, so 8 lanes are safe);
 * without it, plain loops give the same values more slowly (see {@link Mt2203Kernel}).
 *
 * <p>Not thread-safe: use one generator per task or thread ({@link #copy()} or {@link #forTask}).
 */
public final class Mt2203 extends BlockRandom {

    /** Number of substreams (parameter sets) in the family. */
    public static final int SUBSTREAMS = Mt2203Params.COUNT;
    /** Largest valid task index + 1: 6024 substreams times 2^32 blocks. */
    public static final long MAX_TASKS = (long) SUBSTREAMS << 32;

    private static final int N = Mt2203Kernel.N;
    /** Words generated per refill (a multiple of 8); the buffer holds N words of history before them. */
    private static final int CHUNK = 2048;

    private final int substream;
    private final long seed;
    private final long taskIndex;
    private final int twist;
    private final int maskB;
    private final int maskC;
    private final Mt2203Kernel kernel;
    /** buf[pos-N, pos) are the N most recent words output (the state); buf[pos, limit) are generated, not yet output. */
    private final int[] buf = new int[N + CHUNK];
    /** tempered[i] = temper(buf[i]) for i in [N, limit): the raw 32-bit outputs. */
    private final int[] tempered = new int[N + CHUNK];
    private int pos;
    private int limit;

    /**
     * MKL's {@code vslNewStream(&s, VSL_BRNG_MT2203 + substream, seed)}.
     *
     * @param seed      MKL's unsigned 32-bit seed, in [0, 2^32)
     * @param substream the parameter set, in [0, 6024)
     */
    public Mt2203(long seed, int substream) {
        this(checkSeed(seed), checkSubstream(substream), substream, new int[] {(int) seed}, Mt2203Kernel.BEST);
    }

    private Mt2203(long seed, int substream, long taskIndex, int[] key, Mt2203Kernel kernel) {
        this.kernel = kernel;
        this.seed = seed;
        this.substream = substream;
        this.taskIndex = taskIndex;
        this.twist = Mt2203Params.twist(substream);
        this.maskB = Mt2203Params.maskB(substream);
        this.maskC = Mt2203Params.maskC(substream);
        initByArray(key);
        pos = N;
        limit = N;
    }

    private Mt2203(Mt2203 other) {
        this.kernel = other.kernel;
        this.seed = other.seed;
        this.substream = other.substream;
        this.taskIndex = other.taskIndex;
        this.twist = other.twist;
        this.maskB = other.maskB;
        this.maskC = other.maskC;
        System.arraycopy(other.buf, 0, buf, 0, buf.length);
        System.arraycopy(other.tempered, 0, tempered, 0, tempered.length);
        this.pos = other.pos;
        this.limit = other.limit;
    }

    /**
     * The random stream of task {@code taskIndex}: substream {@code taskIndex mod 6024}, block
     * {@code taskIndex / 6024} (see the class comment). Tasks 0..6023 get exactly
     * {@code new Mt2203(seed, taskIndex)}.
     *
     * @param seed      MKL's unsigned 32-bit seed, in [0, 2^32)
     * @param taskIndex in [0, {@link #MAX_TASKS})
     */
    public static Mt2203 forTask(long seed, long taskIndex) {
        return forTask(seed, taskIndex, Mt2203Kernel.BEST);
    }

    /** As {@link #forTask(long, long)} with a given kernel (tests compare the kernels). */
    static Mt2203 forTask(long seed, long taskIndex, Mt2203Kernel kernel) {
        checkSeed(seed);
        if (taskIndex < 0 || taskIndex >= MAX_TASKS) {
            throw new IllegalArgumentException(
                    "MT2203 task index must be in [0, 6024 * 2^32), got " + taskIndex);
        }
        int substream = (int) (taskIndex % SUBSTREAMS);
        long block = taskIndex / SUBSTREAMS;
        int[] key = block == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) block};
        return new Mt2203(seed, substream, taskIndex, key, kernel);
    }

    private static long checkSeed(long seed) {
        if (seed < 0 || seed > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("MT2203 seed must be in [0, 2^32) like MKL's unsigned seed, got " + seed);
        }
        return seed;
    }

    private static int checkSubstream(int substream) {
        if (substream < 0 || substream >= SUBSTREAMS) {
            throw new IllegalArgumentException("MT2203 substream must be in [0, 6023], got " + substream);
        }
        return substream;
    }

    /** MT19937's init_by_array over N words: MKL's seeding for vslNewStream (key {seed}) and vslNewStreamEx. */
    private void initByArray(int[] key) {
        int[] mt = buf;
        mt[0] = 19650218;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /** Moves the state to the front of the buffer, generates the next CHUNK words after it and tempers them. */
    private void refill() {
        if (pos != N) System.arraycopy(buf, pos - N, buf, 0, N);
        kernel.recur(buf, CHUNK, twist);
        kernel.temper(buf, tempered, N, CHUNK, maskB, maskC);
        pos = N;
        limit = N + CHUNK;
    }

    @Override
    public int nextBits32() {
        if (pos == limit) refill();
        return tempered[pos++];
    }

    @Override
    public double nextDouble() {
        return Mt2203Kernel.unit(nextBits32());
    }

    @Override
    public void fillBits(int[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        while (len > 0) {
            if (pos == limit) refill();
            int n = Math.min(len, limit - pos);
            System.arraycopy(tempered, pos, out, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void fill(double[] out, int off, int len) {
        Objects.checkFromIndexSize(off, len, out.length);
        while (len > 0) {
            if (pos == limit) refill();
            int n = Math.min(len, limit - pos);
            kernel.unit(tempered, pos, n, out, off);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Fills out[off..off+len) with uniform doubles on [a,b), bit-exact with MKL's
     * {@code vdRngUniform(VSL_RNG_METHOD_UNIFORM_STD, s, len, out, a, b)}: {@code a + (b - a) * u}
     * (like MKL, rounding can give exactly b). One pass instead of the inherited two.
     */
    @Override
    public void fill(double[] out, int off, int len, double a, double b) {
        Objects.checkFromIndexSize(off, len, out.length);
        checkRange(a, b);
        final double width = b - a;
        while (len > 0) {
            if (pos == limit) refill();
            int n = Math.min(len, limit - pos);
            kernel.range(tempered, pos, n, out, off, a, width);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Floats on [0,1), bit-exact with MKL's {@code vsRngUniform(..., 0f, 1f)}: the double u rounded to float. */
    public void fill(float[] out, int off, int len) {
        fill(out, off, len, 0f, 1f);
    }

    /**
     * Floats on [a,b), bit-exact with MKL's {@code vsRngUniform(..., a, b)}, which computes
     * {@code a + (b - a) * u} in double and rounds once to float.
     */
    public void fill(float[] out, int off, int len, float a, float b) {
        Objects.checkFromIndexSize(off, len, out.length);
        checkRange(a, b);
        final double lo = a;
        final double width = (double) b - (double) a;
        for (int i = off; i < off + len; i++) {
            out[i] = (float) (lo + width * nextDouble());
        }
    }

    /** Which array kernel this generator uses: "scalar" or "vector-&lt;bits&gt;" (diagnostics, benchmarks). */
    public String kernelName() {
        return kernel.name();
    }

    /** The substream (parameter set) in [0, 6024). */
    public int substream() {
        return substream;
    }

    @Override
    public StreamSpec spec() {
        return new StreamSpec(RngKind.MT2203, seed, taskIndex);
    }

    /** An independent generator at the same position of the same stream. */
    public Mt2203 copy() {
        return new Mt2203(this);
    }

    /** The current position: the 69 most recent words of the recurrence, and the stream identity. */
    public State snapshot() {
        return new State(seed, taskIndex, substream, Arrays.copyOfRange(buf, pos - N, pos));
    }

    /** Moves this generator back (or forward) to a position taken from the same stream by {@link #snapshot()}. */
    public void restore(State state) {
        Objects.requireNonNull(state, "state");
        if (state.words == null || state.words.length != N) {
            throw new IllegalArgumentException("MT2203 state must hold " + N + " words");
        }
        if (state.seed != seed || state.taskIndex != taskIndex || state.substream != substream) {
            throw new IllegalArgumentException("state belongs to MT2203 stream (seed " + state.seed + ", task "
                    + state.taskIndex + ") but this generator is (seed " + seed + ", task " + taskIndex + ")");
        }
        System.arraycopy(state.words, 0, buf, 0, N);
        pos = N;
        limit = N;
    }

    /** A generator positioned at a saved state. */
    public static Mt2203 fromState(State state) {
        Objects.requireNonNull(state, "state");
        Mt2203 g = forTask(state.seed, state.taskIndex);
        g.restore(state);
        return g;
    }

    /** A saved MT2203 position; immutable and serializable. */
    public static final class State implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long seed;
        private final long taskIndex;
        private final int substream;
        private final int[] words;

        private State(long seed, long taskIndex, int substream, int[] words) {
            this.seed = seed;
            this.taskIndex = taskIndex;
            this.substream = substream;
            this.words = words;
        }

        public long seed() {
            return seed;
        }

        public long taskIndex() {
            return taskIndex;
        }

        public int substream() {
            return substream;
        }

        /** The 69 most recent 32-bit words of the recurrence (untempered), oldest first. */
        public int[] words() {
            return words.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.seed == seed && s.taskIndex == taskIndex
                    && s.substream == substream && Arrays.equals(s.words, words);
        }

        @Override
        public int hashCode() {
            return Objects.hash(seed, taskIndex, substream, Arrays.hashCode(words));
        }
    }
}
