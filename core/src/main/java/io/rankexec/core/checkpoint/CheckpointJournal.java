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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Append-only journal of completed chunks, one file {@value #FILE_NAME} in a directory.
 *
 * <p>Layout: magic "RXJ2", then framed records {@code [int length][int crc32][long tag][payload]},
 * the CRC over tag and payload. The first record is the header (job fingerprint, chunk size; tag
 * 0); every further record is one Java-serialized {@link ChunkResult} whose tag is derived from
 * the header (a hash of fingerprint and chunk size), so a record copied from another job's
 * journal is recognised as foreign. Each record is forced to disk (fsync) before {@link #append}
 * returns, so a chunk reported done survives kill -9 or power loss.
 *
 * <p>On reopen every valid record is kept: a damaged record (failed CRC, bad length, unreadable)
 * or a foreign one is skipped, and reading resynchronises on the next frame carrying this
 * journal's tag; what was skipped is counted ({@link #damagedRecords()}, {@link #foreignRecords()},
 * {@link #droppedBytes()}) for the caller to report, and those chunks are simply computed again.
 * A torn or damaged tail (nothing valid after it, e.g. a write cut off by a crash) is truncated.
 * A journal whose header cannot be read is never touched: it cannot be tied to a job.
 */
public final class CheckpointJournal implements Closeable {

    public static final String FILE_NAME = "journal.rxj";
    private static final int MAGIC = 0x52584A32; // "RXJ2"
    private static final int OLD_MAGIC = 0x52584A31; // "RXJ1": untagged records, no longer read
    private static final int FRAME = 16;         // length + crc + tag
    private static final long HEADER_TAG = 0L;
    private static final int SCAN_BLOCK = 1 << 16;

    private final Path file;
    private final RandomAccessFile raf;
    private final FileLock lock;
    private final int chunkSize;
    private final List<ChunkResult> recovered;
    private final long tag;
    private final Scan scan;

    private CheckpointJournal(Path file, RandomAccessFile raf, FileLock lock, int chunkSize, long tag,
                              List<ChunkResult> recovered, Scan scan) {
        this.file = file;
        this.raf = raf;
        this.lock = lock;
        this.chunkSize = chunkSize;
        this.tag = tag;
        this.recovered = recovered;
        this.scan = scan;
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
     * @throws IllegalArgumentException    if a journal exists and resume is false, is in use, or
     *                                     its header is unreadable (then the file is left as it is)
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
            CheckpointJournal journal;
            if (fileSize == 0) {
                // New, or created by a run that died before its header was written: start fresh.
                int size = requestedChunkSize > 0 ? requestedChunkSize : defaultChunkSize;
                byte[] headerBytes = headerPayload(fingerprint, size);
                byte[] start = new byte[4 + FRAME + headerBytes.length];
                ByteBuffer.wrap(start).putInt(MAGIC);
                frame(start, 4, HEADER_TAG, headerBytes, 0, headerBytes.length);
                raf.seek(0);
                raf.write(start); // one write call, like every record
                raf.getFD().sync();
                syncDirectory(dir);
                journal = new CheckpointJournal(file, raf, lock, size, tagOf(headerBytes), List.of(), Scan.CLEAN);
            } else {
                Header header = readHeader(ch, fileSize, file);
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
                Scan scan = readRecords(ch, fileSize, header.end, header.tag, records);
                if (scan.end < fileSize) { // a torn or damaged tail: cut it off, durably, before appending
                    raf.setLength(scan.end);
                    raf.getFD().sync();
                }
                raf.seek(scan.end);
                journal = new CheckpointJournal(file, raf, lock, header.chunkSize, header.tag,
                        Collections.unmodifiableList(records), scan);
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

    /** Bytes skipped at open: damaged or foreign records and a torn tail (0 for a clean journal). */
    public long droppedBytes() { return scan.droppedBytes; }

    /**
     * Damaged records skipped at open (failed checksum, bad length or unreadable), a damaged or
     * torn tail included. Their chunks are not in {@link #recovered()} and must be computed again.
     */
    public int damagedRecords() { return scan.damaged; }

    /** Records skipped at open because they carry another journal's tag (copied from another job). */
    public int foreignRecords() { return scan.foreign; }

    /** True if the last record was cut off or damaged and truncated away (e.g. a crash mid-write). */
    public boolean tailTruncated() { return scan.tail; }

    /**
     * One line describing what was skipped at open, or null for a clean journal; for the user,
     * since the chunks of skipped records are computed again.
     */
    public String damageReport() {
        if (scan.damaged == 0 && scan.foreign == 0) return null;
        StringBuilder sb = new StringBuilder("checkpoint journal ").append(file).append(": ");
        if (scan.damaged > 0)
            sb.append(scan.damaged).append(scan.damaged == 1 ? " damaged record" : " damaged records")
              .append(scan.tail ? " (the last one cut off or damaged, e.g. by a crash mid-write)" : "");
        if (scan.foreign > 0)
            sb.append(scan.damaged > 0 ? " and " : "").append(scan.foreign)
              .append(scan.foreign == 1 ? " record" : " records").append(" copied from another job's journal");
        return sb.append(" skipped (").append(scan.droppedBytes).append(" bytes); ").append(recovered.size())
                 .append(" valid records kept").toString();
    }

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
        writeFrame(raf, tag, chunk.buffer(), chunk.offset(), chunk.length());
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

    private record Header(String fingerprint, int chunkSize, long tag, long end) { }

    /** What reading the records found: where valid data ends and what was skipped. */
    private record Scan(long end, int damaged, int foreign, long droppedBytes, boolean tail) {
        static final Scan CLEAN = new Scan(0, 0, 0, 0, false);
    }

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

    /** The records' tag: 64 bits of SHA-256 of the header payload (fingerprint and chunk size), never 0. */
    private static long tagOf(byte[] headerPayload) {
        try {
            long t = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(headerPayload)).getLong();
            return t == HEADER_TAG ? 1 : t;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    private static Header readHeader(FileChannel ch, long fileSize, Path file) throws IOException {
        String untouched = " It was left untouched: move it away (or delete it) to start over.";
        if (fileSize < 4)
            throw new IllegalArgumentException("checkpoint journal " + file + " is damaged: too short to hold a header." + untouched);
        ByteBuffer magic = ByteBuffer.allocate(4);
        readFully(ch, magic, 0);
        if (magic.getInt(0) == OLD_MAGIC)
            throw new IllegalArgumentException("checkpoint journal " + file
                    + " was written by an older rankexec (format RXJ1), which this one cannot resume." + untouched);
        if (magic.getInt(0) != MAGIC)
            throw new IllegalArgumentException("checkpoint journal " + file + " is not a rankexec checkpoint journal"
                    + " or its header is damaged (bad magic)." + untouched);
        Frame f = frameAt(ch, fileSize, 4);
        if (f != null && f.tag == HEADER_TAG) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(f.payload))) {
                int n = in.readInt();
                if (n >= 0 && n <= f.payload.length - 8) {
                    byte[] fp = new byte[n];
                    in.readFully(fp);
                    int size = in.readInt();
                    if (size >= 1 && in.available() == 0)
                        return new Header(new String(fp, StandardCharsets.UTF_8), size, tagOf(f.payload),
                                4L + FRAME + f.payload.length);
                }
            } catch (IOException | RuntimeException e) {
                // fall through: unreadable
            }
        }
        throw new IllegalArgumentException("checkpoint journal " + file + " is damaged: its header (which job it"
                + " belongs to) fails its checksum, so its records cannot be tied to this job." + untouched);
    }

    /**
     * Reads records from {@code pos}, keeping every valid one with this journal's tag and skipping
     * damaged and foreign ones (see the class comment).
     */
    private static Scan readRecords(FileChannel ch, long fileSize, long pos, long tag, List<ChunkResult> out)
            throws IOException {
        int damaged = 0, foreign = 0;
        long dropped = 0;
        while (pos < fileSize) {
            Frame f = frameAt(ch, fileSize, pos);
            if (f != null) {
                long next = pos + FRAME + f.payload.length;
                if (f.tag != tag) {
                    foreign++;
                    dropped += next - pos;
                } else {
                    ChunkResult r = deserialize(f.payload);
                    if (r != null) {
                        out.add(r);
                    } else {
                        damaged++;
                        dropped += next - pos;
                    }
                }
                pos = next;
                continue;
            }
            // Damaged here: resume at the next valid frame of this journal, if there is one.
            long next = nextFrame(ch, fileSize, pos + 1, tag);
            damaged++;
            if (next < 0) return new Scan(pos, damaged, foreign, dropped + (fileSize - pos), true);
            dropped += next - pos;
            pos = next;
        }
        return new Scan(pos, damaged, foreign, dropped, false);
    }

    private static ChunkResult deserialize(byte[] payload) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            return (ChunkResult) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null; // checksum matched but unreadable: skipped like a damaged record
        }
    }

    /** Offset of the first valid frame carrying {@code tag} at or after {@code from}, or -1. */
    private static long nextFrame(FileChannel ch, long fileSize, long from, long tag) throws IOException {
        byte[] t = ByteBuffer.allocate(8).putLong(tag).array();
        ByteBuffer block = ByteBuffer.allocate(SCAN_BLOCK + 7);
        // the tag sits at frame offset 8: scan for it from from+8
        for (long base = from + 8; base + 8 <= fileSize; base += SCAN_BLOCK) {
            block.clear();
            block.limit((int) Math.min(block.capacity(), fileSize - base));
            readFully(ch, block, base);
            byte[] b = block.array();
            int n = block.limit();
            for (int i = 0; i + 8 <= n && i < SCAN_BLOCK; i++) {
                if (b[i] != t[0] || !Arrays.equals(b, i, i + 8, t, 0, 8)) continue;
                long candidate = base + i - 8;
                Frame f = frameAt(ch, fileSize, candidate);
                if (f != null && f.tag == tag) return candidate;
            }
        }
        return -1;
    }

    private record Frame(long tag, byte[] payload) { }

    /** The frame at {@code pos}, or null if it is incomplete or fails its CRC. */
    private static Frame frameAt(FileChannel ch, long fileSize, long pos) throws IOException {
        if (fileSize - pos < FRAME) return null;
        ByteBuffer head = ByteBuffer.allocate(FRAME);
        readFully(ch, head, pos);
        int len = head.getInt(0);
        int crc = head.getInt(4);
        long tag = head.getLong(8);
        if (len < 0 || len > fileSize - pos - FRAME) return null;
        ByteBuffer body = ByteBuffer.allocate(len);
        readFully(ch, body, pos + FRAME);
        CRC32 c = new CRC32();
        c.update(head.array(), 8, 8);
        c.update(body.array(), 0, len);
        return (int) c.getValue() == crc ? new Frame(tag, body.array()) : null;
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

    private static void writeFrame(RandomAccessFile out, long tag, byte[] payload, int offset, int length) throws IOException {
        byte[] frame = new byte[FRAME + length];
        frame(frame, 0, tag, payload, offset, length);
        out.write(frame); // one write call: a crash leaves at most one torn frame at the end
    }

    /** Writes the frame of {@code payload[offset, offset+length)} into {@code dest} at {@code at}. */
    private static void frame(byte[] dest, int at, long tag, byte[] payload, int offset, int length) {
        ByteBuffer b = ByteBuffer.wrap(dest, at, FRAME + length);
        b.putInt(length).putInt(0).putLong(tag).put(payload, offset, length);
        CRC32 c = new CRC32();
        c.update(dest, at + 8, 8 + length);
        ByteBuffer.wrap(dest).putInt(at + 4, (int) c.getValue());
    }

}
