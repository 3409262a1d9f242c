package io.rankexec.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rankexec.rng.RngKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {

    @Test
    void everyOptionParsesIntoTheOneSettingsType() {
        GlobalOptions o = GlobalOptions.parse(List.of("--seed", "7", "--rng=MT2203", "--chunk-size", "5", "--schedule", "static",
                "--threads", "3", "--checkpoint", "/tmp/a b", "--resume", "--task-timeout", "500ms", "--stop-on-failure",
                "--quiet", "--output", "out"));
        assertEquals(new JobSettings(RngKind.MT2203, 7, 5, Scheduling.STATIC, false, Duration.ofMillis(500)), o.settings());
        assertEquals(3, o.threads());
        assertEquals(Path.of("/tmp/a b"), o.checkpoint());
        assertTrue(o.resume() && o.quiet());
        assertEquals(Path.of("out"), o.output());
        assertEquals(o, GlobalOptions.parse(o.toTokens()), "toTokens reads back to the same options");
    }

    @Test
    void theLaunchersEncodingKeepsSpacesCommasAndPercentSigns() {
        // bin/rankexec percent-encodes each token and joins them with commas (-Drankexec.options=...).
        assertEquals(List.of("--checkpoint", "/tmp/a b,c%d", "--seed", "9"),
                GlobalOptions.tokens("--checkpoint,/tmp/a%20b%2Cc%25d,--seed,9"));
        assertEquals(List.of("--seed", "7", "--threads", "4"), GlobalOptions.tokens("  --seed 7   --threads 4 "));
    }

    @Test
    void mistakesAreOneLineUsageErrorsNamingTheOption() {
        assertEquals("--resume needs --checkpoint DIR", message("--resume"));
        assertEquals("--seed must be in [0, 4294967295], got -1", message("--seed", "-1"));
        assertEquals("--threads must be >= 1, got 0", message("--threads", "0"));
        assertEquals("--chunk-size needs a whole number, got 'x'", message("--chunk-size", "x"));
        assertEquals("--schedule must be one of static, dynamic, got 'sometimes'", message("--schedule", "sometimes"));
        assertEquals("--seed needs a value", message("--seed"));
        assertTrue(message("--bogus").startsWith("unknown option '--bogus'"));
        assertTrue(message("pi").startsWith("unexpected argument 'pi'"));
    }

    @Test
    void durationsInTheUsualShapes() {
        assertEquals(Duration.ofSeconds(30), GlobalOptions.duration("30"));
        assertEquals(Duration.ofMillis(1500), GlobalOptions.duration("1.5s"));
        assertEquals(Duration.ofMinutes(2), GlobalOptions.duration("2m"));
        assertEquals(Duration.ofHours(1), GlobalOptions.duration("1h"));
        assertEquals(Duration.ofSeconds(30), GlobalOptions.duration("PT30S"));
        assertThrows(UsageException.class, () -> GlobalOptions.duration("0"));
    }

    private static String message(String... tokens) {
        return assertThrows(UsageException.class, () -> GlobalOptions.parse(List.of(tokens))).getMessage();
    }
}
