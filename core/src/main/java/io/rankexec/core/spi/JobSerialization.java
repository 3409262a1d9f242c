package io.rankexec.core.spi;

import io.rankexec.core.job.JobSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Serializes what of a job travels to other MPI ranks: the task and the elements. The MPI engine
 * sends these bytes; a local run under {@link io.rankexec.core.job.Rankexec} checks the same, so
 * a task that could not travel fails on the laptop with the message it would get on the cluster.
 */
public final class JobSerialization {
    private JobSerialization() { }

    /** {@code object} serialized; a capture that cannot travel is an IllegalArgumentException naming it. */
    public static byte[] toBytes(Serializable object) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(object, bytes);
        return bytes.toByteArray();
    }

    /** Checks that the job's task and elements can be serialized (the bytes are discarded). */
    public static void check(JobSpec<?, ?> spec) {
        write(spec.task(), OutputStream.nullOutputStream());
        if (spec.elements() != null) write(new java.util.ArrayList<>(spec.elements()), OutputStream.nullOutputStream());
    }

    private static void write(Object object, OutputStream target) {
        try (ObjectOutputStream out = new ObjectOutputStream(target)) {
            out.writeObject(object);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the job cannot be sent to other MPI ranks: its task or an element holds a "
                    + e.getMessage() + ", which is not serializable (capture only serializable values; pass large"
                    + " read-only data with JobSpec.Builder.share)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the job for other MPI ranks: " + e, e);
        }
    }
}
