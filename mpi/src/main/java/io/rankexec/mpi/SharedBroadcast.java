package io.rankexec.mpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import mpi.Intracomm;
import mpi.MPI;

/**
 * Broadcasts a job's shared objects from rank 0 to every rank, once per job. The object graph is
 * serialized straight into a stream of Bcast pieces of at most {@link #PIECE} bytes, and the
 * receivers deserialize while the pieces arrive: no rank ever holds the whole serialized form, so
 * objects of many GiB pass although one MPI message is limited to 2 GiB (int counts).
 */
final class SharedBroadcast {
    private SharedBroadcast() { }

    /** Piece size; pieces are sent as [int header][bytes]: header = length, negated-minus-one on the last. */
    static final int PIECE = 8 << 20;

    /**
     * Collective. On rank 0 sends {@code shared} and returns it; elsewhere returns rank 0's copies.
     * Under the multicore device (all ranks one JVM) large primitive arrays are not copied but
     * handed over by reference ({@link SharedArrays}); their table keys are added to
     * {@code arrayKeys} on rank 0, to {@link SharedArrays#release} when the job ends.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Serializable> broadcast(Intracomm comm, Map<String, Serializable> shared, boolean shareArrays,
                                               java.util.List<String> arrayKeys) {
        boolean oneJvm = shareArrays && io.rankexec.core.spi.MpjLaunch.isMulticoreThread();
        try {
            if (comm.Rank() == 0) {
                BcastOut pieces = new BcastOut(comm);
                try (ObjectOutputStream out = oneJvm ? new SharedArrays.Out(pieces, arrayKeys) : new ObjectOutputStream(pieces)) {
                    out.writeObject(new LinkedHashMap<>(shared));
                }
                return shared;
            }
            BcastIn pieces = new BcastIn(comm);
            try (ObjectInputStream in = oneJvm ? new SharedArrays.In(pieces) : new Messages.LoaderObjectInputStream(pieces)) {
                Map<String, Serializable> received = (Map<String, Serializable>) in.readObject();
                in.transferTo(OutputStream.nullOutputStream()); // consume up to the last piece
                return received;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("broadcast of shared objects failed: " + e.getMessage(), e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("broadcast of shared objects failed: " + e, e);
        }
    }

    /** Root side: each full buffer becomes one pair of Bcasts. */
    private static final class BcastOut extends OutputStream {
        private final Intracomm comm;
        private final byte[] buf = new byte[PIECE];
        private int len;

        BcastOut(Intracomm comm) { this.comm = comm; }

        @Override
        public void write(int b) {
            if (len == buf.length) send(false);
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) {
            while (n > 0) {
                if (len == buf.length) send(false);
                int k = Math.min(n, buf.length - len);
                System.arraycopy(b, off, buf, len, k);
                len += k;
                off += k;
                n -= k;
            }
        }

        @Override
        public void close() {
            send(true);
        }

        private void send(boolean last) {
            int[] header = {last ? -len - 1 : len};
            comm.Bcast(header, 0, 1, MPI.INT, 0);
            if (len > 0) comm.Bcast(buf, 0, len, MPI.BYTE, 0);
            len = 0;
        }
    }

    /** Receiver side: pulls the next piece when the current one is used up. */
    private static final class BcastIn extends InputStream {
        private final Intracomm comm;
        private byte[] buf = new byte[0];
        private int pos, len;
        private boolean last;

        BcastIn(Intracomm comm) { this.comm = comm; }

        private boolean fill() {
            while (pos == len) {
                if (last) return false;
                int[] header = new int[1];
                comm.Bcast(header, 0, 1, MPI.INT, 0);
                last = header[0] < 0;
                len = last ? -header[0] - 1 : header[0];
                pos = 0;
                if (buf.length < len) buf = new byte[Math.max(len, Math.min(PIECE, 2 * buf.length))];
                if (len > 0) comm.Bcast(buf, 0, len, MPI.BYTE, 0);
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? buf[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int n) {
            if (n == 0) return 0;
            if (!fill()) return -1;
            int k = Math.min(n, len - pos);
            System.arraycopy(buf, pos, b, off, k);
            pos += k;
            return k;
        }
    }
}
