package io.rankexec.core.spi;

import java.util.Set;

/**
 * How a main tells it was started by MPJ Express's mpjrun (starter.jar). The starter inserts three
 * arguments before the program's own: the rank, then the process count (multicore) or the
 * niodev peer table (a ';'-separated config string), then the device name ("smpdev" for
 * {@code -dev multicore}, "niodev", "hybdev", "mxdev"). {@code MPI.Init} consumes them. A plain
 * {@code java} start has no such prefix, so the program falls back to the local engine.
 *
 * <p>Under the multicore device all ranks are threads of one JVM, each with its own class loader:
 * statics (like {@link #device}) are per rank, but System.out/err, System.exit and system
 * properties are shared by all ranks.
 */
public final class MpjLaunch {
    private MpjLaunch() { }

    private static final Set<String> DEVICES = Set.of("smpdev", "multicore", "niodev", "hybdev", "mxdev", "native");

    /** Device of this rank once {@link #isMpjStart} saw it ("smpdev" = multicore), else null. */
    private static volatile String device;

    /** True if {@code args} carry the starter's prefix; remembers the device. */
    public static boolean isMpjStart(String[] args) {
        if (args.length < 3 || !DEVICES.contains(args[2]) || !isInt(args[0])) return false;
        if (!isInt(args[1]) && !args[1].contains(";")) return false;
        device = args[2];
        return true;
    }

    /** The program's own arguments: {@code args} without the starter's prefix. */
    public static String[] programArgs(String[] args) {
        return isMpjStart(args) ? java.util.Arrays.copyOfRange(args, 3, args.length) : args;
    }

    /** The MPJ device name of this rank, or null when not started by mpjrun. */
    public static String device() {
        return device;
    }

    /** True when this rank runs as a thread of MPJ's multicore device. */
    public static boolean isMulticoreThread() {
        return "smpdev".equals(device) || "multicore".equals(device);
    }

    private static boolean isInt(String s) {
        if (s.isEmpty() || s.length() > 9) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }
}
