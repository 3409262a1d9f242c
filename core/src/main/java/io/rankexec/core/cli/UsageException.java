package io.rankexec.core.cli;

/** A command-line mistake detected after parsing (bad value combinations, bad input files): exit 2. */
final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
        super(message);
    }
}
