package io.rankexec.bench.rng;

import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.Mrg32k3a;
import io.rankexec.rng.Mt2203;
import java.lang.management.ManagementFactory;

/**
 * One "job" as a user's program runs it, for bench/rng-switch.sh: a fresh JVM generates
 * {@code values} uniform doubles through {@code Mrg32k3a.fill} or {@code Mt2203.fill} in blocks,
 * on the path generators really take (scalar until the JVM-wide warm-up switch opens, see
 * VectorWarmup), and sums them so nothing is optimized away. Prints wall time and the process's
 * CPU time (the warm-up thread and the JIT compilers included) as key=value lines.
 *
 * <p>Arguments: {@code mrg32k3a|mt2203 VALUES [BLOCK]} (BLOCK 10000 by default).
 */
public final class SwitchJob {

    private SwitchJob() {
    }

    public static void main(String[] args) {
        String gen = args[0];
        long values = (long) Double.parseDouble(args[1]);
        int block = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        BlockRandom g = gen.equals("mt2203") ? Mt2203.forTask(777, 0) : Mrg32k3a.forStream(777, 0);
        double[] out = new double[block];
        double sum = 0;
        for (long done = 0; done < values; done += block) {
            int n = (int) Math.min(block, values - done);
            g.fill(out, 0, n);
            sum += out[n - 1];
        }
        long t1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        System.out.printf("generator=%s%nvalues=%d%nwall_s=%.3f%ncpu_s=%.3f%ncheck=%.6f%n",
                gen, values, (t1 - t0) / 1e9, (c1 - c0) / 1e9, sum);
    }
}
