package io.rankexec.kernels.support;

import io.rankexec.kernels.ScriptedRandom;
import io.rankexec.rng.BlockRandom;
import io.rankexec.rng.RngKind;
import io.rankexec.rng.StreamSpec;
import io.rankexec.rng.dist.Distributions;
import io.rankexec.rng.dist.NormalQuantile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Draws and rng.dist overlap: identical where the algorithms coincide, different (on purpose) at the edges. */
class DrawsTest {

    private static BlockRandom stream(RngKind kind, long i) {
        return StreamSpec.forTask(kind, 42, i).create();
    }

    @Test
    void poissonEqualsDistributionsForMeansBelowTen() {
        for (RngKind kind : RngKind.values()) {
            BlockRandom a = stream(kind, 3), b = stream(kind, 3);
            for (double mu : new double[]{1e-6, 0.125, 1, 2.5, 3.375, 9.999}) {
                for (int i = 0; i < 20_000; i++) assertEquals(Distributions.poisson(b, mu), Draws.poisson(a, mu), kind + " mu=" + mu + " #" + i);
            }
            assertEquals(b.nextDouble(), a.nextDouble(), 0.0, "same number of uniforms consumed");
        }
    }

    @Test
    void gaussianEqualsDistributionsUnlessTheUniformIsZero() {
        for (RngKind kind : RngKind.values()) {
            BlockRandom a = stream(kind, 4), b = stream(kind, 4);
            for (int i = 0; i < 50_000; i++) assertEquals(Distributions.gaussian(b, 0, 1), Draws.gaussian(a), 0.0, kind + " #" + i);
        }
        // a zero uniform: Draws draws again, Distributions reads it as 2^-33
        assertEquals(NormalQuantile.of(0.25), Draws.gaussian(new ScriptedRandom(0.0, 0.25)), 0.0);
        assertEquals(NormalQuantile.of(0x1p-33), Distributions.gaussian(new ScriptedRandom(0.0, 0.25), 0, 1), 0.0);
    }

    @Test
    void poissonAlwaysConsumesOneUniform() {
        for (double mu : new double[]{0, 2, 10, 40, 500}) {
            ScriptedRandom r = new ScriptedRandom(0.3, 0.6);
            Draws.poisson(r, mu);
            assertEquals(1, r.used(), "mu=" + mu);
        }
        assertEquals(0, Distributions.poisson(new ScriptedRandom(), 0.0), "rng.dist draws nothing for mean 0");
    }
}
