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
