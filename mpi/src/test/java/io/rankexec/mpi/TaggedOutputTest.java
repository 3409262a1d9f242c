package io.rankexec.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaggedOutputTest {

    @Test
    void everyLineCarriesItsStreamTagAndTheExitCodeComesLast() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream out = TaggedOutput.tagged(console, TaggedOutput.OUT);
        PrintStream err = TaggedOutput.tagged(console, TaggedOutput.ERR);
        out.print("pi 3.14");
        out.println(" (seed=1)");
        err.println("rankexec: error: über");
        out.printf("a%nb%n");
        TaggedOutput.exit(console, 2);
        String expected = "\u0001O pi 3.14 (seed=1)\n\u0001E rankexec: error: über\n\u0001O a\n\u0001O b\n\u0001X 2\n";
        assertEquals(expected, bytes.toString(StandardCharsets.UTF_8));
    }
}
