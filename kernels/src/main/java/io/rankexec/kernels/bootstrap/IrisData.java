package io.rankexec.kernels.bootstrap;

import io.rankexec.kernels.support.DataMatrix;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * R's {@code iris} (shipped as a resource written by {@code write.csv(iris)}), and the doRedis
 * example's data: {@code x <- iris[iris[,5] != "setosa", c(1,5)]} with the response coded as
 * glm codes a two-level factor: 1 for virginica, 0 for versicolor.
 */
public final class IrisData {

    private IrisData() {
    }

    /** Columns (Sepal.Length, virginica) for the 100 non-setosa rows, in iris order. */
    public static DataMatrix sepalLengthVsVirginica() {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = IrisData.class.getResourceAsStream("iris.csv")) {
            if (in == null) throw new IllegalStateException("iris.csv resource missing");
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                    String species = rec.get("Species");
                    if (species.equals("setosa")) continue;
                    rows.add(new double[]{Double.parseDouble(rec.get("Sepal.Length")), species.equals("virginica") ? 1 : 0});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] v = new double[rows.size() * 2];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, v, 2 * i, 2);
        return new DataMatrix(rows.size(), 2, v, List.of("Sepal.Length", "virginica"));
    }
}
