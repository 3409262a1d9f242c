package io.rankexec.mpi;

import io.rankexec.core.job.JobSettings;
import io.rankexec.core.job.JobSpec;
import io.rankexec.core.job.Task;
import io.rankexec.core.spi.JobSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a serving rank needs to compute a job's chunks: the task, the elements, the task count
 * and the settings (generator, seed, failure policy, timeout). Rank 0 serializes it once per job,
 * before the other ranks hear of the job, so a task that cannot travel is refused with one line
 * and no rank is left half-way through a broadcast.
 */
record JobPayload(Task<Object, Object> task, List<Object> elements, int taskCount, JobSettings settings,
                  int threads, int requests) implements Serializable {

    /** A job as a serving rank receives it: what to compute, on how many threads, with how many open requests. */
    record Received(JobSpec<Object, Object> spec, int threads, int requests) { }

    /** Key of the serialized payload among the shared objects of the broadcast. */
    private static final String KEY = "\u0000rankexec.job";

    @SuppressWarnings("unchecked")
    static byte[] serialize(JobSpec<?, ?> spec, int threads, int requests) {
        JobPayload p = new JobPayload((Task<Object, Object>) spec.task(), (List<Object>) spec.elements(), spec.taskCount(),
                spec.settings(), threads, requests);
        return JobSerialization.toBytes(p);
    }

    /** The broadcast's content: the job's bytes first, then its shared objects. */
    static Map<String, Serializable> withShared(byte[] job, Map<String, Serializable> shared) {
        Map<String, Serializable> all = new LinkedHashMap<>();
        all.put(KEY, job);
        all.putAll(shared);
        return all;
    }

    /** Rebuilds the job on a serving rank (no progress, no checkpoint: those live on rank 0). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Received read(Map<String, Serializable> received) {
        Map<String, Serializable> shared = new LinkedHashMap<>(received);
        byte[] bytes = (byte[]) shared.remove(KEY);
        JobPayload p;
        try (ObjectInputStream in = new Messages.LoaderObjectInputStream(new ByteArrayInputStream(bytes))) {
            p = (JobPayload) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the job sent by rank 0 (is the same class path on every rank?): " + e, e);
        }
        JobSpec.Builder<Object, Object> b = p.elements() == null
                ? (JobSpec.Builder) JobSpec.timesToRun(p.taskCount(), (Task) p.task()) : JobSpec.overElements(p.elements(), p.task());
        b.settings(p.settings());
        shared.forEach(b::share);
        return new Received(b.build(), p.threads(), p.requests());
    }
}
