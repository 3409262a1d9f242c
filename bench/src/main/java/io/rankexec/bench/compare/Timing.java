package io.rankexec.bench.compare;

import java.util.function.Supplier;

/**
 * Wall-clock timing for the side-by-side mains. They print {@code key=value} lines that the
 * scripts under bench/compare/ read, so the output format is part of their contract.
 */
final class Timing {

    private Timing() {
    }

    /** A value and the seconds it took. */
    record Timed<T>(T value, double seconds) {
    }

    static <T> Timed<T> time(Supplier<T> work) {
        long t0 = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, (System.nanoTime() - t0) * 1e-9);
    }

    static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    static void printSeconds(String key, double seconds) {
        System.out.printf("%s=%.6f%n", key, seconds);
    }

    static int positiveInt(String[] args, int i, String name) {
        int v;
        try {
            v = Integer.parseInt(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + args[i] + "'");
        }
        if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        return v;
    }

    static void requireArgs(String[] args, int n, String usage) {
        if (args.length != n) {
            System.err.println("usage: " + usage);
            System.exit(2);
        }
    }
}
