package io.rankexec.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MpjLaunchTest {

    @Test
    void recognisesTheArgumentsMpjExpressInserts() {
        // Shapes observed from MPJ Express 0.44: multicore passes the rank count, niodev its peer table.
        assertTrue(MpjLaunch.isMpjStart(new String[] {"2", "4", "smpdev", "pi"}));
        assertTrue(MpjLaunch.isMulticoreThread());
        assertTrue(MpjLaunch.isMpjStart(new String[] {"0", "#temp line;#Number of Processes;2;127.0.0.1@0@0@0@0", "niodev"}));
        assertFalse(MpjLaunch.isMulticoreThread());
    }

    @Test
    void plainCommandLinesAreNotMpjStarts() {
        assertFalse(MpjLaunch.isMpjStart(new String[] {"pi", "--samples", "10"}));
        assertFalse(MpjLaunch.isMpjStart(new String[] {"1", "2", "3"}));
        assertFalse(MpjLaunch.isMpjStart(new String[] {"--seed", "4", "niodev"}));
        assertFalse(MpjLaunch.isMpjStart(new String[0]));
        assertArrayEquals(new String[] {"pi", "x"}, MpjLaunch.programArgs(new String[] {"pi", "x"}));
        assertArrayEquals(new String[] {"pi"}, MpjLaunch.programArgs(new String[] {"1", "2", "smpdev", "pi"}));
    }
}
