package io.rankexec.rng;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the golden files written by the reference tools (rng/tools/mkl, rng/tools/r): one case per
 * line, {@code <kind> key=value ... : v1 v2 ...}; lines starting with # are comments.
 */
public final class GoldenFile {

    public record Case(String kind, Map<String, String> params, String[] values) {
        public String get(String key) {
            String v = params.get(key);
            if (v == null) throw new IllegalStateException("golden case " + this + " lacks " + key);
            return v;
        }

        public long getLong(String key) {
            return Long.parseLong(get(key));
        }

        public double getDouble(String key) {
            return Double.parseDouble(get(key));
        }

        public boolean has(String key) {
            return params.containsKey(key);
        }

        public double[] doubles() {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) d[i] = Double.parseDouble(values[i]);
            return d;
        }

        public long[] longs() {
            long[] d = new long[values.length];
            for (int i = 0; i < d.length; i++) d[i] = Long.parseLong(values[i]);
            return d;
        }

        @Override
        public String toString() {
            return kind + " " + params;
        }
    }

    public static List<Case> read(String resource) {
        InputStream in = GoldenFile.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing golden resource " + resource);
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int colon = line.indexOf(" : ");
                String[] head = line.substring(0, colon).trim().split("\\s+");
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 1; i < head.length; i++) {
                    int eq = head[i].indexOf('=');
                    params.put(head[i].substring(0, eq), head[i].substring(eq + 1));
                }
                String rest = line.substring(colon + 3).trim();
                cases.add(new Case(head[0], params, rest.isEmpty() ? new String[0] : rest.split("\\s+")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (cases.isEmpty()) throw new IllegalStateException("golden resource " + resource + " has no cases");
        return cases;
    }

    public static List<Case> read(String resource, String kind) {
        return read(resource).stream().filter(c -> c.kind().equals(kind)).toList();
    }

    private GoldenFile() {
    }
}
