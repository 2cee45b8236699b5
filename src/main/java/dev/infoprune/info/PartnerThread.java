package dev.infoprune.info;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * One long-lived second thread for computations split in two halves of a few milliseconds each. Waking a
 * parked thread costs 0.1–0.2 ms on the virtual machines this runs on (the idle vCPU has halted), which is more
 * than a tenth of the kernels being split, and a fork-join pool or a {@code CompletableFuture} pays it for the
 * worker and often again for the waiting caller. The partner therefore spins for a short while after each half
 * before it parks, and the caller spins while it waits for the partner's half. A caller that finds the partner
 * busy (another caller, or a split nested inside a half) runs both halves itself, so nothing waits on itself
 * and the machine is never asked for more than one extra thread.
 */
final class PartnerThread {
    /** How long the partner keeps looking for the next half before it parks. */
    private static final long SPIN_NANOS = 500_000;
    /** How long a caller spins for the partner's half before it parks in short steps. */
    private static final long WAIT_SPIN_NANOS = 2_000_000;

    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static volatile Job<?> pending;
    private static Thread thread;

    private PartnerThread() {
    }

    /** Runs first on the partner and second here, and returns both results (or rethrows the first failure). */
    static <A, B> NativeLinearAlgebra.Pair<A, B> inParallel(Supplier<A> first, Supplier<B> second) {
        if (!BUSY.compareAndSet(false, true)) {
            A a = first.get();
            return new NativeLinearAlgebra.Pair<>(a, second.get());
        }
        try {
            Job<A> job = new Job<>(first);
            hand(job);
            B b;
            try {
                b = second.get();
            } finally {
                job.awaitDone();
            }
            return new NativeLinearAlgebra.Pair<>(job.result(), b);
        } finally {
            BUSY.set(false);
        }
    }

    private static synchronized void hand(Job<?> job) {
        if (thread == null) {
            thread = new Thread(PartnerThread::serve, "infoprune-partner");
            thread.setDaemon(true);
            thread.start();
        }
        pending = job;
        LockSupport.unpark(thread);
    }

    private static void serve() {
        while (true) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            Job<?> job;
            while ((job = pending) == null) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(PartnerThread.class);
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                }
            }
            pending = null;
            job.run();
        }
    }

    private static final class Job<T> {
        private final Supplier<T> work;
        private T value;
        private Throwable failure;
        private volatile boolean done;

        Job(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            try {
                value = work.get();
            } catch (Throwable t) {
                failure = t;
            }
            done = true;
        }

        void awaitDone() {
            long spinUntil = System.nanoTime() + WAIT_SPIN_NANOS;
            while (!done) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(20_000);
                }
            }
        }

        T result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return value;
        }
    }
}
