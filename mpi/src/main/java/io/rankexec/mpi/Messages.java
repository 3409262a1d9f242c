package io.rankexec.mpi;

import io.rankexec.core.engine.ChunkResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * The wire format between ranks during a job. Every exchange is started by a worker (one
 * message up, one reply down), so no message is ever left unmatched when a job ends:
 * <ul>
 *   <li>up ({@link #TAG_UP}, bytes): kind byte, then for {@link #RESULT} a serialized ChunkResult;</li>
 *   <li>down ({@link #TAG_DOWN}, 4 ints): code, chunk index, first task, task count.</li>
 * </ul>
 */
final class Messages {
    private Messages() { }

    static final int TAG_UP = 7101;
    static final int TAG_DOWN = 7102;

    /** Up: first request for work. */
    static final byte READY = 1;
    /** Up: a finished chunk's result, and a request for the next chunk. */
    static final byte RESULT = 2;
    /** Up: still computing (liveness); the reply says whether to stop the current chunk. */
    static final byte BEAT = 3;

    /** Down: compute this chunk. */
    static final int ASSIGN = 1;
    /** Down: no more work; the worker is done with this job. */
    static final int END = 2;
    /** Down (reply to BEAT): carry on. */
    static final int GO_ON = 3;
    /** Down (reply to BEAT): stop the current chunk early (job stopped or cancelled). */
    static final int STOP = 4;

    static byte[] result(ChunkResult r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        bytes.write(RESULT);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r); // primitive arrays inside are written in bulk, no boxing
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the result of chunk " + r.chunkIndex() + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    static ChunkResult readResult(byte[] message, int length) {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(message, 1, length - 1))) {
            return (ChunkResult) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("unreadable chunk result from a worker: " + e, e);
        }
    }

    /**
     * Resolves classes with this class's loader: under MPJ's multicore device every rank is a thread
     * with its own class loader, and objects must be rebuilt from the rank's own classes.
     */
    static final class LoaderObjectInputStream extends ObjectInputStream {
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
