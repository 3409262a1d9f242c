package io.rankexec.kernels.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a numeric CSV file into a {@link DataMatrix}. A UTF-8 byte-order mark is skipped.
 *
 * <p>Header rule (a data row is never taken for a header without an error): the first row is a
 * header when every field is a name, data when every field is a number, and an error otherwise.
 * A name is a field that does not start like a number (a digit, sign or '.'), so a mistyped first
 * data row such as {@code 2..338167,1.5} is reported (line 1, column 1) instead of being dropped
 * as a header. A file larger than the whole Java heap is refused before reading it. Every problem (missing or unreadable file, no data, ragged rows, non-numeric, NaN or
 * infinite values) is an IllegalArgumentException whose one-line message names the file, line
 * and column.
 */
public final class CsvMatrixReader {

    private CsvMatrixReader() {
    }

    public static DataMatrix read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new IllegalArgumentException("cannot read " + name + ": it is a directory");
        long heap = Runtime.getRuntime().maxMemory();
        try {
            long size = Files.size(file);
            if (size > heap)
                throw new IllegalArgumentException("cannot read " + name + ": it is " + (size >> 20) + " MB, more than the"
                        + " whole Java heap (" + (heap >> 20) + " MB); give the JVM more, e.g. RANKEXEC_JAVA_OPTS=-Xmx"
                        + (size / (1L << 30) * 4 + 4) + "g");
        } catch (IOException e) {
            // not there or unreadable: reported by the read below
        }
        try (Reader in = Files.newBufferedReader(file)) {
            return parse(in, name);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read " + name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read " + name + ": permission denied");
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("cannot read " + name + ": not UTF-8 text");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Parses CSV text from {@code in}; {@code name} is used in error messages. */
    public static DataMatrix parse(Reader reader, String name) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != BOM) in.unread(first);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        List<String> header = List.of();
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        try (CSVParser parser = format.parse(in)) {
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (cols < 0 && rows.isEmpty() && header.isEmpty() && !allNumeric(rec)) {
                    checkHeader(rec, name, line);
                    header = rec.toList().stream().map(String::trim).toList();
                    cols = rec.size();
                    continue;
                }
                if (cols < 0) cols = rec.size();
                if (rec.size() != cols)
                    throw new IllegalArgumentException(name + " line " + line + " has " + rec.size()
                            + " fields, expected " + cols);
                double[] row = new double[cols];
                for (int j = 0; j < cols; j++) row[j] = parseValue(rec.get(j), name, line, j + 1);
                rows.add(row);
            }
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof MalformedInputException) throw new IllegalArgumentException("cannot read " + name + ": not UTF-8 text");
            throw new IllegalArgumentException("cannot read " + name + ": " + firstLine(e.getCause().getMessage()));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("cannot parse " + name + ": " + firstLine(e.getMessage()));
        }
        if (rows.isEmpty()) throw new IllegalArgumentException(name + " has no data rows");
        double[] values = new double[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, values, i * cols, cols);
        return new DataMatrix(rows.size(), cols, values, header);
    }

    private static final int BOM = '\uFEFF';

    /** A first row that is not all numbers must be all names (see the class comment). */
    private static void checkHeader(CSVRecord rec, String name, long line) {
        for (int j = 0; j < rec.size(); j++) {
            String t = rec.get(j).trim();
            if (looksNumeric(t) || (!t.isEmpty() && "0123456789+-.".indexOf(t.charAt(0)) >= 0))
                throw new IllegalArgumentException(name + " line " + line + ", column " + (j + 1) + ": '" + t
                        + "' in the first row, which is neither all numbers (data) nor all column names (header;"
                        + " a name does not start with a digit, sign or '.')");
        }
    }

    private static boolean allNumeric(CSVRecord rec) {
        for (String s : rec) {
            if (!looksNumeric(s)) return false;
        }
        return true;
    }

    private static boolean looksNumeric(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            String t = s.trim();
            return t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("-inf");
        }
    }

    private static double parseValue(String s, String name, long line, int column) {
        String t = s.trim();
        if (t.equals("NA")) throw new IllegalArgumentException(name + " line " + line + ", column " + column + ": value is missing (NA)");
        if (t.matches("(?i)[+-]?inf(inity)?"))
            throw new IllegalArgumentException(name + " line " + line + ", column " + column + ": value '" + t + "' is not a finite number");
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            String what = t.isEmpty() ? "is empty" : "'" + t + "' is not a number";
            throw new IllegalArgumentException(name + " line " + line + ", column " + column + ": value " + what);
        }
        if (!Double.isFinite(v))
            throw new IllegalArgumentException(name + " line " + line + ", column " + column + ": value '" + t
                    + "' is not a finite number");
        return v;
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed CSV";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
