package io.rankexec.core.spi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.Objects;

/**
 * A {@link ChunkResult} together with its Java serialization, made once where the chunk ran: the
 * same bytes cross MPI and become the chunk's checkpoint journal record, so a result is never
 * serialized twice. The serialization is {@code buffer[offset, offset + length)}; bytes before
 * {@code offset} are headroom a sender may fill with its own message header.
 *
 * <p>Holds the buffer, not a copy: whoever received it into a reused buffer must be done with this
 * object before the buffer is reused.
 */
public final class SerializedChunk {

    private final ChunkResult result;
    private final byte[] buffer;
    private final int offset;
    private final int length;

    /** Pairs a result with bytes known to be its serialization (e.g. received from a worker). */
    public SerializedChunk(ChunkResult result, byte[] buffer, int offset, int length) {
        this.result = Objects.requireNonNull(result, "result");
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        Objects.checkFromIndexSize(offset, length, buffer.length);
        this.offset = offset;
        this.length = length;
    }

    /**
     * Serializes {@code result} after {@code headroom} zero bytes.
     *
     * @throws IOException if a task result in it cannot be serialized (e.g. NotSerializableException)
     */
    public static SerializedChunk of(ChunkResult result, int headroom) throws IOException {
        if (headroom < 0) throw new IllegalArgumentException("headroom must be >= 0, got " + headroom);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + headroom);
        bytes.write(new byte[headroom], 0, headroom);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(result); // primitive arrays inside are written in bulk, no boxing
        }
        byte[] buffer = bytes.toByteArray();
        return new SerializedChunk(result, buffer, headroom, buffer.length - headroom);
    }

    public ChunkResult result() { return result; }

    /** The whole buffer, headroom included. */
    public byte[] buffer() { return buffer; }

    public int offset() { return offset; }

    public int length() { return length; }
}
