package io.rankexec.core.checkpoint;

/** A checkpoint journal belongs to a different job (fingerprint or chunk size differ). */
public class CheckpointMismatchException extends IllegalArgumentException {
    public CheckpointMismatchException(String message) {
        super(message);
    }
}
