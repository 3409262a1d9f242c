package io.rankexec.mpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One copy per JVM of the large arrays inside shared objects, under MPJ's multicore device. All
 * ranks are then threads of one JVM, each with its own class loader, so the other ranks cannot
 * use rank 0's objects as they are (their classes differ) and receive them serialized. But a
 * primitive array's class is the same for every loader: while serializing, rank 0 leaves each
 * large primitive array in a JVM-wide table and writes only a {@link Ref} to it; a rank
 * deserializing in the same JVM puts rank 0's very array back in its place. A 400 MB
 * {@code double[]} inside a user's record is then held once, not once per rank. The table is the
 * JVM's system properties (the one map every class loader shares); rank 0 removes its entries when
 * the job ends. Shared objects are read-only by contract, so sharing the arrays is safe.
 */
final class SharedArrays {
    private SharedArrays() { }

    /** Arrays smaller than this are copied as usual: not worth a table entry. */
    static final int MIN_BYTES = 1 << 20;

    private static final String PREFIX = "rankexec.sharedArray.";
    private static final AtomicLong NEXT = new AtomicLong();

    /** The token written instead of an array: its key in the JVM-wide table. */
    record Ref(String key) implements Serializable { }

    /** Rank 0: an object stream that leaves large primitive arrays in the table; {@link #keys} lists them. */
    static final class Out extends ObjectOutputStream {
        private final java.util.List<String> keys;

        Out(OutputStream out, java.util.List<String> keys) throws IOException {
            super(out);
            this.keys = keys;
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (!isLargePrimitiveArray(obj)) return obj;
            String key = PREFIX + ProcessHandle.current().pid() + "." + NEXT.incrementAndGet();
            System.getProperties().put(key, obj);
            keys.add(key);
            return new Ref(key);
        }
    }

    /** Another rank in the same JVM: resolves {@link Ref}s to rank 0's arrays. */
    static final class In extends Messages.LoaderObjectInputStream {
        In(InputStream in) throws IOException {
            super(in);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (!(obj instanceof Ref ref)) return obj;
            Object array = System.getProperties().get(ref.key());
            if (array == null) throw new IOException("shared array " + ref.key() + " is gone (was rank 0's job cancelled?)");
            return array;
        }
    }

    /** Rank 0, when the job has ended: the other ranks hold their references, the table lets go. */
    static void release(java.util.List<String> keys) {
        Map<Object, Object> table = System.getProperties();
        for (String k : keys) table.remove(k);
    }

    private static boolean isLargePrimitiveArray(Object obj) {
        if (obj == null || !obj.getClass().isArray() || !obj.getClass().getComponentType().isPrimitive()) return false;
        int elementBytes = switch (obj.getClass().getComponentType().getName()) {
            case "double", "long" -> 8;
            case "int", "float" -> 4;
            case "short", "char" -> 2;
            default -> 1;
        };
        return (long) Array.getLength(obj) * elementBytes >= MIN_BYTES;
    }
}
