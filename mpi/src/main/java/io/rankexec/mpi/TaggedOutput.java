package io.rankexec.mpi;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * MPJ Express merges every rank's stdout and stderr into mpjrun's stdout and exits 0 whatever the
 * program returns. So that bin/rankexec can restore the two streams and the exit code, rank 0
 * (when -Drankexec.tagOutput=true) prefixes each of its lines with a tag the launcher strips:
 * {@link #OUT} for stdout, {@link #ERR} for stderr, and finally {@link #EXIT} with the exit code.
 * Lines without a tag (MPJ's own messages, other ranks' crashes) the launcher shows on stderr.
 */
public final class TaggedOutput {
    private TaggedOutput() { }

    public static final String OUT = "\u0001O ";
    public static final String ERR = "\u0001E ";
    public static final String EXIT = "\u0001X ";

    /** True if the launcher asked for tagged lines. */
    public static boolean requested() {
        return Boolean.getBoolean("rankexec.tagOutput");
    }

    /** A stream that writes each line to {@code target} prefixed with {@code tag}. */
    public static PrintStream tagged(PrintStream target, String tag) {
        return new PrintStream(new LineTagger(target, tag), true, StandardCharsets.UTF_8);
    }

    /** Emits the exit-code line (call last, after everything else was flushed). */
    public static void exit(PrintStream target, int code) {
        synchronized (target) {
            target.print(EXIT + code + "\n");
            target.flush();
        }
    }

    /** Buffers one line, then writes tag + line atomically (other ranks share the stream). */
    private static final class LineTagger extends OutputStream {
        private final PrintStream target;
        private final byte[] tag;
        private byte[] buf = new byte[256];
        private int len;

        LineTagger(PrintStream target, String tag) {
            this.target = target;
            this.tag = tag.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
                return;
            }
            if (b == '\r') return; // progress bars redraw with \r; keep one line per update instead
            if (len == buf.length) buf = java.util.Arrays.copyOf(buf, len * 2);
            buf[len++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int n) {
            for (int i = off; i < off + n; i++) write(b[i]);
        }

        @Override
        public synchronized void flush() {
            target.flush();
        }

        @Override
        public synchronized void close() {
            if (len > 0) emit();
            target.flush();
        }

        private void emit() {
            synchronized (target) {
                target.write(tag, 0, tag.length);
                target.write(buf, 0, len);
                target.write('\n');
                target.flush();
            }
            len = 0;
        }
    }
}
