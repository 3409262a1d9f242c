package io.rankexec.core.checkpoint;

import io.rankexec.core.spi.ChunkResult;
import io.rankexec.core.spi.SerializedChunk;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Append-only journal of completed chunks, one file {@value #FILE_NAME} in a directory.
 *
 * <p>Layout: magic "RXJ1", then framed records {@code [int length][int crc32][payload]}. The first
 * record is the header (job fingerprint, chunk size); every further record is one Java-serialized
 * {@link ChunkResult}. Each record is forced to disk (fsync) before
 * {@link #append} returns, so a chunk reported done survives kill -9 or power loss. On reopen a
 * torn or corrupt tail (partial last write) is detected by length/CRC and truncated away; records
 * before it are kept.
 */
public final class CheckpointJournal implements Closeable {

    public static final String FILE_NAME = "journal.rxj";
    private static final int MAGIC = 0x52584A31; // "RXJ1"
    private static final int FRAME = 8;          // length + crc

    private final Path file;
    private final RandomAccessFile raf;
    private final FileLock lock;
    private final int chunkSize;
    private final List<ChunkResult> recovered;
    private final long droppedBytes;

    private CheckpointJournal(Path file, RandomAccessFile raf, FileLock lock, int chunkSize,
                              List<ChunkResult> recovered, long droppedBytes) {
        this.file = file;
        this.raf = raf;
        this.lock = lock;
        this.chunkSize = chunkSize;
        this.recovered = recovered;
        this.droppedBytes = droppedBytes;
    }

    /** Path of the journal file in {@code dir}. */
    public static Path fileIn(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /**
     * Opens (creating if needed) the journal in {@code dir}.
     *
     * @param fingerprint        the job's fingerprint; an existing journal must carry the same
     * @param requestedChunkSize the job's explicit chunk size, or 0 if unset (then an existing
     *                           journal's chunk size is adopted, else {@code defaultChunkSize})
     * @param resume             false: an existing non-empty journal is an error
     * @throws CheckpointMismatchException if the journal belongs to another job or chunking
     * @throws IllegalArgumentException    if a journal exists and resume is false, or it is in use
     */
    public static CheckpointJournal open(Path dir, String fingerprint, int requestedChunkSize,
                                         int defaultChunkSize, boolean resume) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir))
            throw new IllegalArgumentException("checkpoint path is not a directory: " + dir);
        Files.createDirectories(dir);
        Path file = fileIn(dir);
        // Writes go through RandomAccessFile, not the channel: an interrupted FileChannel closes
        // itself, and cancel interrupts worker threads that may be appending.
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
        FileChannel ch = raf.getChannel();
        boolean ok = false;
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) throw new IllegalArgumentException("checkpoint journal " + file + " is in use by another job");
            long fileSize = ch.size();
            Header header = fileSize >= 4 + FRAME ? readHeader(ch, fileSize) : null;
            CheckpointJournal journal;
            if (header == null) {
                // Nothing usable (new, empty, or torn before the header was complete): start fresh.
                int size = requestedChunkSize > 0 ? requestedChunkSize : defaultChunkSize;
                raf.setLength(0);
                raf.seek(0);
                raf.writeInt(MAGIC);
                byte[] headerBytes = headerPayload(fingerprint, size);
                writeFrame(raf, headerBytes, 0, headerBytes.length);
                raf.getFD().sync();
                syncDirectory(dir);
                journal = new CheckpointJournal(file, raf, lock, size, List.of(), fileSize);
            } else {
                if (!resume)
                    throw new IllegalArgumentException("checkpoint journal already exists: " + file
                            + " (resume it, or delete it to start over)");
                if (!header.fingerprint.equals(fingerprint))
                    throw new CheckpointMismatchException("checkpoint " + file + " belongs to another job: journal has '"
                            + header.fingerprint + "', this job is '" + fingerprint + "'");
                if (requestedChunkSize > 0 && requestedChunkSize != header.chunkSize)
                    throw new CheckpointMismatchException("checkpoint " + file + " was written with chunk size "
                            + header.chunkSize + ", this job asks for " + requestedChunkSize
                            + " (results are journaled per chunk; use the same chunk size or none)");
                List<ChunkResult> records = new ArrayList<>();
                long end = readRecords(ch, fileSize, header.end, records);
                if (end < fileSize) { // a torn or corrupt tail: cut it off, durably, before appending
                    raf.setLength(end);
                    raf.getFD().sync();
                }
                raf.seek(end);
                journal = new CheckpointJournal(file, raf, lock, header.chunkSize,
                        Collections.unmodifiableList(records), fileSize - end);
            }
            ok = true;
            return journal;
        } finally {
            if (!ok) raf.close();
        }
    }

    /** Chunk size the journal's chunks were computed with (the job must use it). */
    public int chunkSize() { return chunkSize; }

    /** Valid chunk results read at open, in journal order. */
    public List<ChunkResult> recovered() { return recovered; }

    /** Bytes of torn/corrupt tail dropped at open (0 for a clean journal). */
    public long droppedBytes() { return droppedBytes; }

    public Path file() { return file; }

    /** Appends one completed chunk and forces it to disk. */
    public void append(ChunkResult result) throws IOException {
        append(SerializedChunk.of(result, 0));
    }

    /**
     * Appends one completed chunk already serialized (e.g. the bytes a worker rank sent) and forces
     * it to disk. The record is those bytes as they are, so it reads back like {@link #append}'s.
     */
    public synchronized void append(SerializedChunk chunk) throws IOException {
        writeFrame(raf, chunk.buffer(), chunk.offset(), chunk.length());
        raf.getFD().sync();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            raf.close();
        }
    }

    // ---- format -------------------------------------------------------------------------------

    private record Header(String fingerprint, int chunkSize, long end) { }

    private static byte[] headerPayload(String fingerprint, int chunkSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] fp = fingerprint.getBytes(StandardCharsets.UTF_8);
            out.writeInt(fp.length);
            out.write(fp);
            out.writeInt(chunkSize);
        }
        return bytes.toByteArray();
    }

    private static Header readHeader(FileChannel ch, long fileSize) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(4);
        readFully(ch, magic, 0);
        if (magic.getInt(0) != MAGIC)
            throw new IllegalArgumentException("not a rankexec checkpoint journal (bad magic): " + FILE_NAME);
        byte[] payload = frameAt(ch, fileSize, 4);
        if (payload == null) return null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte[] fp = new byte[in.readInt()];
            in.readFully(fp);
            int size = in.readInt();
            if (size < 1) return null;
            return new Header(new String(fp, StandardCharsets.UTF_8), size, 4L + FRAME + payload.length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads records from {@code pos}; returns the offset just past the last valid one. */
    private static long readRecords(FileChannel ch, long fileSize, long pos, List<ChunkResult> out) throws IOException {
        while (true) {
            byte[] payload = frameAt(ch, fileSize, pos);
            if (payload == null) return pos;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
                out.add((ChunkResult) in.readObject());
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                return pos; // checksum matched but unreadable: treat as the start of a bad tail
            }
            pos += FRAME + payload.length;
        }
    }

    /** The payload of the frame at {@code pos}, or null if it is incomplete or fails its CRC. */
    private static byte[] frameAt(FileChannel ch, long fileSize, long pos) throws IOException {
        if (fileSize - pos < FRAME) return null;
        ByteBuffer head = ByteBuffer.allocate(FRAME);
        readFully(ch, head, pos);
        int len = head.getInt(0);
        int crc = head.getInt(4);
        if (len < 0 || len > fileSize - pos - FRAME) return null;
        ByteBuffer body = ByteBuffer.allocate(len);
        readFully(ch, body, pos + FRAME);
        CRC32 c = new CRC32();
        c.update(body.array(), 0, len);
        return (int) c.getValue() == crc ? body.array() : null;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) throw new IOException("unexpected end of checkpoint journal");
        }
    }

    /** Makes the journal's directory entry durable too (a new file is lost on power failure otherwise). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported on every platform (e.g. Windows); the file data itself is synced
        }
    }

    private static void writeFrame(RandomAccessFile out, byte[] payload, int offset, int length) throws IOException {
        CRC32 c = new CRC32();
        c.update(payload, offset, length);
        byte[] frame = new byte[FRAME + length];
        ByteBuffer.wrap(frame).putInt(length).putInt((int) c.getValue()).put(payload, offset, length);
        out.write(frame); // one write call: a crash leaves at most one torn frame at the end
    }

}
