package io.rankexec.core.job;

/**
 * A mistake of the user (an unknown option, a bad value, an unreadable file): {@link Rankexec}
 * prints {@code rankexec: error: MESSAGE} as one line, no stack trace, and exits with code 2.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
