package io.rankexec.mpi;

import io.rankexec.core.spi.MpjLaunch;
import java.lang.reflect.Field;

/**
 * Whether MPJ Express's niodev device of this rank can still receive.
 *
 * <p>niodev reads every incoming message of a rank on one selector thread. When any peer's
 * channel closes (its JVM was killed, its node died) that thread gets a ClosedChannelException
 * and ends silently: from then on the rank receives nothing, a pending {@code Recv} blocks
 * forever, and without this check the job would end only after the liveness timeout
 * ({@code RANKEXEC_MPI_TIMEOUT}, 60 s), although the peer was gone within a second. MPI itself
 * does not tell, so the {@link MpiEngine} watchdog asks this class, which looks at the thread
 * (MPJ Express 0.44: {@code mpjdev.MPJDev.dev} is the {@code xdev.niodev.NIODevice}, its field
 * {@code selectorThreadStarter} the thread). With another device or MPJ Express version the
 * thread is not found and only the timeout applies.
 */
final class NiodevReceiver {
    private NiodevReceiver() { }

    private static final Object LOCK = new Object();
    private static Thread selector;
    private static boolean looked;

    /** True when this rank runs niodev and its receiving thread has ended (a peer channel closed). */
    static boolean dead() {
        Thread t = selectorThread();
        return t != null && t.getState() == Thread.State.TERMINATED;
    }

    private static Thread selectorThread() {
        synchronized (LOCK) {
            if (!looked) {
                selector = find();
                looked = true;
            }
            return selector;
        }
    }

    private static Thread find() {
        if (!"niodev".equals(MpjLaunch.device())) return null;
        try {
            Object dev = mpjdev.MPJDev.dev;
            if (dev == null || !dev.getClass().getName().equals("xdev.niodev.NIODevice")) return null;
            Field f = dev.getClass().getDeclaredField("selectorThreadStarter");
            f.setAccessible(true);
            Object t = f.get(dev);
            // Kept even if it has already ended: the first look may come after the peer closed.
            return t instanceof Thread thread ? thread : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // another MPJ Express: the timeout still applies
        }
    }
}
