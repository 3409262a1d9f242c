package io.rankexec.kernels;

import io.rankexec.kernels.support.CsvMatrixReader;
import io.rankexec.kernels.support.DataMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvMatrixReaderTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, content);
        return f;
    }

    private String error(String content) throws IOException {
        Path f = file(content);
        return assertThrows(IllegalArgumentException.class, () -> CsvMatrixReader.read(f)).getMessage();
    }

    @Test
    void readsHeaderAndRowsRowMajor() throws IOException {
        DataMatrix m = CsvMatrixReader.read(file("a,b\n1,2\n3,4.5\n\n-1e3, 7\n"));
        assertEquals(List.of("a", "b"), m.names());
        assertEquals(3, m.rows());
        assertArrayEquals(new double[]{1, 2, 3, 4.5, -1000, 7}, m.values());
        assertEquals(List.of(), CsvMatrixReader.read(file("1,2\n3,4\n")).names());
    }

    @Test
    void rejectsBadContentWithOneLineMessages() throws IOException {
        assertEquals("data.csv has no data rows", name(error("")));
        assertEquals("data.csv has no data rows", name(error("x,y\n")));
        assertEquals("data.csv line 3 has 1 fields, expected 2", name(error("1,2\n3,4\n5\n")));
        assertEquals("data.csv line 2, column 2: value 'NaN' is not a finite number", name(error("1,2\n3,NaN\n")));
        assertEquals("data.csv line 2, column 1: value 'Infinity' is not a finite number", name(error("1,2\nInfinity,4\n")));
        assertEquals("data.csv line 2, column 1: value 'abc' is not a number", name(error("1,2\nabc,4\n")));
        assertEquals("data.csv line 2, column 2: value '-Inf' is not a finite number", name(error("1,2\n3,-Inf\n")));
        assertEquals("data.csv line 3, column 1: value is missing (NA)", name(error("1,2\n3,4\nNA,4\n")));
    }

    @Test
    void aByteOrderMarkIsSkippedSoNoRowIsTakenForAHeader() throws IOException {
        DataMatrix noHeader = CsvMatrixReader.read(file("\uFEFF1,2\n3,4\n5,6\n"));
        assertEquals(3, noHeader.rows(), "the first data row is data");
        assertEquals(List.of(), noHeader.names());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, noHeader.values());
        DataMatrix withHeader = CsvMatrixReader.read(file("\uFEFFa,b\n1,2\n"));
        assertEquals(List.of("a", "b"), withHeader.names(), "no BOM in the first name");
        assertEquals(1, withHeader.rows());
    }

    @Test
    void aFirstRowThatIsNeitherAllNumbersNorAllNamesIsAnErrorNotAHeader() throws IOException {
        assertEquals("data.csv line 1, column 1: '2..338167' in the first row, which is neither all numbers (data)"
                + " nor all column names (header; a name does not start with a digit, sign or '.')",
                name(error("2..338167,1.5,0\n1,2,3\n")));
        assertTrue(name(error("1.5,x1\n1,2\n")).startsWith("data.csv line 1, column 1: '1.5' in the first row"));
        assertTrue(name(error("-,b\n1,2\n")).startsWith("data.csv line 1, column 1: '-' in the first row"));
        assertTrue(name(error("a,.5e\n1,2\n")).startsWith("data.csv line 1, column 2: '.5e' in the first row"));
        assertEquals(List.of("x1", "y_2", "Sepal.Length"), CsvMatrixReader.read(file("x1, y_2 ,Sepal.Length\n1,2,3\n")).names());
    }

    @Test
    void aFileLargerThanTheHeapIsRefusedBeforeReading() throws IOException {
        Path f = dir.resolve("huge.csv");
        try (java.io.RandomAccessFile r = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(Runtime.getRuntime().maxMemory() + 1); // sparse: no disk space used
        }
        long t0 = System.nanoTime();
        String m = assertThrows(IllegalArgumentException.class, () -> CsvMatrixReader.read(f)).getMessage();
        assertTrue(m.contains("more than the whole Java heap") && m.contains("RANKEXEC_JAVA_OPTS=-Xmx"), m);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused up front, not after reading");
    }

    @Test
    void rejectsMissingFileAndDirectory() {
        String missing = assertThrows(IllegalArgumentException.class, () -> CsvMatrixReader.read(dir.resolve("nope.csv"))).getMessage();
        assertEquals("cannot read nope.csv: no such file", name(missing));
        String isDir = assertThrows(IllegalArgumentException.class, () -> CsvMatrixReader.read(dir)).getMessage();
        assertEquals(true, isDir.endsWith("it is a directory"));
    }

    /** Strips the temp directory from messages so tests compare the problem description. */
    private String name(String message) {
        return message.replace(dir.toString() + "/", "");
    }
}
