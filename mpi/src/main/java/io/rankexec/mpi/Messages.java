package io.rankexec.mpi;

import io.rankexec.core.spi.ChunkResult;
import io.rankexec.core.spi.SerializedChunk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Status;

/**
 * The wire format between ranks during a job. Every exchange is started by a worker (one
 * message up, one reply down), so no message is ever left unmatched when a job ends:
 * <ul>
 *   <li>up ({@link #TAG_UP}, bytes): kind byte, then for {@link #RESULT} a serialized ChunkResult;
 *       a result over {@link #INLINE_MAX} bytes goes as a {@link #LARGE} header with its length,
 *       followed by the bytes on {@link #TAG_BULK};</li>
 *   <li>down ({@link #TAG_DOWN}, 4 ints): code, chunk index, first task, task count.</li>
 * </ul>
 */
final class Messages {
    private Messages() { }

    static final int TAG_UP = 7101;
    static final int TAG_DOWN = 7102;
    static final int TAG_BULK = 7103;

    /**
     * Largest message rank 0 receives straight into its reusable buffer. Receiving with a fixed
     * buffer (instead of Probe, then Recv of the exact size) halves the round trip in MPJ Express.
     */
    static final int INLINE_MAX = 64 * 1024;

    /** Up: first request for work. */
    static final byte READY = 1;
    /** Up: a finished chunk's result, and a request for the next chunk. */
    static final byte RESULT = 2;
    /** Up: still computing (liveness); the reply says whether to stop the current chunk. */
    static final byte BEAT = 3;
    /** Up: a result too large to inline; 4-byte length follows, the bytes come on TAG_BULK. */
    static final byte LARGE = 4;
    /** A result of a chunk with failed tasks, or stopped early: rank 0 accepts it before it replies. */
    static final byte RESULT_TROUBLED = 5;

    /** Down: compute this chunk. */
    static final int ASSIGN = 1;
    /** Down: no more work; the worker is done with this job. */
    static final int END = 2;
    /** Down (reply to BEAT): carry on. */
    static final int GO_ON = 3;
    /** Down (reply to BEAT): stop the current chunk early (job stopped or cancelled). */
    static final int STOP = 4;

    /** Headroom a worker leaves in front of a serialized result for the kind byte. */
    static final int RESULT_HEADROOM = 1;

    /**
     * The RESULT message for a chunk serialized with {@link #RESULT_HEADROOM}: its own buffer with
     * the kind byte filled in (no copy, no second serialization).
     */
    static byte[] result(SerializedChunk chunk) {
        byte[] msg = chunk.buffer();
        if (chunk.offset() != RESULT_HEADROOM || chunk.length() != msg.length - RESULT_HEADROOM)
            throw new IllegalArgumentException("a result message needs exactly " + RESULT_HEADROOM + " byte of headroom");
        msg[0] = chunk.result().isComplete() && !chunk.result().hasFailures() ? RESULT : RESULT_TROUBLED;
        return msg;
    }

    /** Worker side: sends one up message (splitting a large result into header + bulk). */
    static void sendUp(Intracomm comm, byte[] msg) {
        if (msg.length <= INLINE_MAX) {
            comm.Send(msg, 0, msg.length, MPI.BYTE, 0, TAG_UP);
            return;
        }
        int n = msg.length;
        byte[] header = {LARGE, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        comm.Send(header, 0, header.length, MPI.BYTE, 0, TAG_UP);
        comm.Send(msg, 0, n, MPI.BYTE, 0, TAG_BULK);
    }

    /**
     * One up message as rank 0 received it: its source, kind and, for a result, the message's
     * bytes (a copy of the inbox for an inline one, so they outlive the next receive).
     */
    record Incoming(int source, byte kind, byte[] bytes, int length) {
        boolean isResult() {
            return kind == RESULT || kind == RESULT_TROUBLED;
        }

        SerializedChunk result() {
            return readResult(bytes, length);
        }
    }

    /** Rank 0 side: receives the next up message from any worker into {@code inbox}. */
    static Incoming receiveUp(Intracomm comm, byte[] inbox) {
        Status st = comm.Recv(inbox, 0, inbox.length, MPI.BYTE, MPI.ANY_SOURCE, TAG_UP);
        int w = st.source;
        int n = st.Get_count(MPI.BYTE);
        byte kind = inbox[0];
        if (kind == LARGE) {
            int len = (inbox[1] & 0xff) << 24 | (inbox[2] & 0xff) << 16 | (inbox[3] & 0xff) << 8 | (inbox[4] & 0xff);
            byte[] bulk = new byte[len];
            comm.Recv(bulk, 0, len, MPI.BYTE, w, TAG_BULK);
            return new Incoming(w, bulk[0], bulk, len);
        }
        boolean result = kind == RESULT || kind == RESULT_TROUBLED;
        return new Incoming(w, kind, result ? java.util.Arrays.copyOf(inbox, n) : null, n);
    }

    /** Deserializes the result in a RESULT message once, keeping its bytes for the journal. */
    static SerializedChunk readResult(byte[] message, int length) {
        int off = RESULT_HEADROOM, len = length - RESULT_HEADROOM;
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(message, off, len))) {
            return new SerializedChunk((ChunkResult) in.readObject(), message, off, len);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("unreadable chunk result from a worker: " + e, e);
        }
    }

    /**
     * Resolves classes with this class's loader: under MPJ's multicore device every rank is a thread
     * with its own class loader, and objects must be rebuilt from the rank's own classes.
     */
    static class LoaderObjectInputStream extends ObjectInputStream {
        LoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, Messages.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
