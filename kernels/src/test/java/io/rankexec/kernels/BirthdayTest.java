package io.rankexec.kernels;

import io.rankexec.kernels.birthday.Birthday;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BirthdayTest {

    @Test
    void exactProbabilityMatchesKnownValues() {
        assertEquals(0.50729723432398544, Birthday.exact(23), 1e-15); // R: 1 - prod((365:343)/365)
        assertEquals(0.0, Birthday.exact(1), 0.0);
        assertEquals(1.0 / 365, Birthday.exact(2), 1e-15);
    }

    @Test
    void estimatesAreWithinMonteCarloErrorForSizes2To100() {
        int tests = 20_000;
        for (int n = 2; n <= 100; n++) {
            double p = Birthday.exact(n);
            double est = Birthday.estimate(ScriptedRandom.stream(7, n), n, tests);
            double se = Math.sqrt(Math.max(p * (1 - p), 1e-4) / tests);
            assertEquals(p, est, 5 * se, "group size " + n);
        }
    }

    @Test
    void drawsTheWholeGroupForEachTest() {
        // 3 tests of 4 people: the stream position must not depend on where a duplicate appears
        ScriptedRandom rng = new ScriptedRandom(new double[12]);
        assertEquals(3, Birthday.countSharedBirthdays(rng, 4, 3));
        assertEquals(12, rng.used());
    }
}
