package io.rankexec.kernels.birthday;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The seed's outputs: a CSV table and the scatter plot of probability vs party size coloured by worker. */
public final class BirthdayPlot {

    private BirthdayPlot() {
    }

    /** Columns: party_size, probability, exact, worker. */
    public static void writeCsv(Path file, List<BirthdayKernel.Point> points) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("party_size,probability,exact,worker");
            w.newLine();
            for (BirthdayKernel.Point p : points) {
                w.write(String.format(Locale.ROOT, "%d,%.10g,%.10g,%s", p.groupSize(), p.probability(), p.exact(), p.worker()));
                w.newLine();
            }
        }
    }

    /** "Our Rockin Soiree!": one colour per worker, as rxLinePlot(..., groups = nodes). */
    public static void writePng(Path file, List<BirthdayKernel.Point> points) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(560).title("Our Rockin Soiree!")
                .xAxisTitle("Party Size").yAxisTitle("Probability of Same Birthday").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(7);
        Map<String, List<BirthdayKernel.Point>> byWorker = new LinkedHashMap<>();
        for (BirthdayKernel.Point p : points) byWorker.computeIfAbsent(p.worker(), k -> new ArrayList<>()).add(p);
        for (Map.Entry<String, List<BirthdayKernel.Point>> e : byWorker.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(BirthdayKernel.Point::groupSize).toArray();
            double[] y = e.getValue().stream().mapToDouble(BirthdayKernel.Point::probability).toArray();
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
