package io.rankexec.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code snippets of README.md and core/API.md, compiled and run here: each is copied between
 * {@code // snippet:begin} and {@code // snippet:end} below, and the test checks the documents
 * still contain exactly those lines, so the docs cannot drift from the API.
 */
class ApiSnippetsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    static double simulate(io.rankexec.rng.BlockRandom rng) {
        return rng.nextDouble();
    }

    @Test
    void readmeOwnProgram() throws Exception {
        List<String> printed = new java.util.ArrayList<>();
        int code = Rankexec.runLocally(new String[0], (engine, myArgs) -> {
            // snippet:begin README.md
            List<Double> x = engine.repeat(400, ctx -> simulate(ctx.rng()));        // 400 tasks, task order
            List<Double> y = engine.map(List.of(1.0, 2.0, 3.0), (ctx, a) -> a * ctx.rng().nextDouble());
            double sum = engine.reduce(400, ctx -> simulate(ctx.rng()), 0.0, Double::sum);
            // snippet:end
            assertEquals(400, x.size());
            assertEquals(3, y.size());
            double direct = 0;
            for (double v : x) direct += v;
            assertEquals(direct, sum, 0.0, "reduce folds in task order: the same sum as the list, bit for bit");
            printed.add("ok");
        }, GlobalOptions.parse(List.of("--quiet", "--threads", "2")), "snippet", System.err);
        assertEquals(0, code);
        assertEquals(List.of("ok"), printed);
        assertDocumentContains("README.md", "snippet:begin README.md");
    }

    @Test
    void apiJobByHand() throws Exception {
        // snippet:begin core/API.md
        JobSpec<Integer, Double> spec = JobSpec.overElements(List.of(2, 3, 50), (ctx, n) -> n * ctx.rng().nextDouble())
                .chunkSize(2).share("weights", new double[] {0.5, 2.0}).seed(777).build();
        try (Engine engine = new LocalEngine()) {
            JobResult<List<Double>> r = engine.run(spec);                     // results in task order
            double total = engine.run(spec, Combiner.<Double, Double>inOrder(() -> 0.0, Double::sum)).valueOrThrow();
            JobHandle<List<Double>> h = engine.submit(spec);                   // non-blocking: status, progress, cancel
        // snippet:end
            assertEquals(JobStatus.COMPLETED, r.status());
            assertEquals(r.value().get(0) + r.value().get(1) + r.value().get(2), total, 0.0);
            assertEquals(r.value(), h.await().valueOrThrow());
        }
        assertDocumentContains("core/API.md", "snippet:begin core/API.md");
    }

    /** Every line between the marker and "snippet:end" in this file appears, trimmed, in the document. */
    private static void assertDocumentContains(String document, String marker) throws IOException {
        List<String> source = Files.readAllLines(ROOT.resolve("core/src/test/java/io/rankexec/core/job/ApiSnippetsTest.java"));
        String doc = Files.readString(ROOT.resolve(document));
        int from = -1;
        for (int i = 0; i < source.size() && from < 0; i++) if (source.get(i).trim().equals("// " + marker)) from = i + 1;
        assertTrue(from > 0, marker);
        for (int i = from; !source.get(i).contains("snippet:end"); i++) {
            String line = source.get(i).trim();
            assertTrue(doc.contains(line), document + " no longer shows the compiled snippet line: " + line);
        }
    }
}
