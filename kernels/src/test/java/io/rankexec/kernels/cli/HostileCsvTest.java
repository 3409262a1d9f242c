package io.rankexec.kernels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14.2 through the CLI: a byte-order mark or a mistyped first row never silently drops a data row. */
class HostileCsvTest {

    @TempDir Path dir;

    private static String rows() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 30; i++) csv.append(2.3 + i * 0.11 % 1.7).append(',').append(i % 7).append(',').append(i % 2).append('\n');
        return csv.toString();
    }

    private CliRunner bootstrap(String name, String content) throws IOException {
        Path f = Files.writeString(dir.resolve(name), content);
        return CliRunner.run("--quiet", "bootstrap", "--data", f.toString(), "--statistic", "mean", "--replicates", "50");
    }

    @Test
    void aByteOrderMarkChangesNothing() throws IOException {
        CliRunner plain = bootstrap("plain.csv", rows()), bom = bootstrap("bom.csv", "\uFEFF" + rows());
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, bom.code(), bom.err());
        assertTrue(plain.out().contains("bootstrap V1             t0=3.10166667"), "the mean of all 30 rows: " + plain.out());
        assertEquals(plain.results().replace("plain.csv", "X"), bom.results().replace("bom.csv", "X"));
        CliRunner header = bootstrap("header.csv", "\uFEFFa,b,c\n" + rows());
        assertEquals(0, header.code(), header.err());
        assertTrue(header.out().contains("\nbootstrap a "), header.out());
        assertEquals(plain.results().replace("plain.csv", "X").replace("V1", "a ").replace("V2", "b ").replace("V3", "c "),
                header.results().replace("header.csv", "X"));
        assertTrue(!header.out().contains("\uFEFF"), "no byte-order mark in a label: " + header.out());
    }

    @Test
    void aMistypedFirstRowIsAnErrorNotAHeader() throws IOException {
        CliRunner r = bootstrap("typo.csv", "2..338167,1,0\n" + rows());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("rankexec: error: ") && r.err().contains("typo.csv line 1, column 1: '2..338167'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
