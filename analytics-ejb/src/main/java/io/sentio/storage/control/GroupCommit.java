package io.sentio.storage.control;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable in batches: each caller that has finished its write calls {@link #awaitDurable()},
 * and one commit covers every write finished before that commit started.
 *
 * <p>Concurrency: a caller takes a ticket (the number of commits started so far). Its write is durable
 * once a commit that <em>started after</em> the ticket was taken has completed. The first waiter with no
 * commit running becomes the leader and runs the commit outside the lock; the others wait for it, then
 * one of them leads the next batch. At most one commit runs at a time, so under load a commit absorbs
 * every write that arrived while the previous one ran (group commit).
 */
public final class GroupCommit {

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private long started;
    private long completed;
    private boolean running;
    private long succeeded;
    private RuntimeException lastFailure;

    /** @param commit makes every write completed before its start durable; may throw */
    public GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** A group commit that does nothing: for stores whose writes are durable when acknowledged. */
    public static GroupCommit none() {
        return new GroupCommit(() -> { });
    }

    /**
     * Returns once a commit that started after this call has completed.
     *
     * @throws IllegalStateException if that commit failed: the caller must not acknowledge its write
     */
    public void awaitDurable() {
        lock.lock();
        try {
            long needed = started + 1;
            while (completed < needed) {
                if (!running) {
                    running = true;
                    long mine = ++started;
                    lock.unlock();
                    RuntimeException failure = null;
                    try {
                        commit.run();
                    } catch (RuntimeException e) {
                        failure = e;
                    } finally {
                        lock.lock();
                    }
                    running = false;
                    completed = mine;
                    if (failure == null) {
                        succeeded = mine;
                    } else {
                        lastFailure = failure;
                    }
                    finished.signalAll();
                } else {
                    finished.awaitUninterruptibly();
                }
            }
            if (succeeded < needed) {
                throw new IllegalStateException("commit failed; the write is not durable", lastFailure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Number of commits run so far: the batching factor is writes divided by this. */
    public long commits() {
        lock.lock();
        try {
            return completed;
        } finally {
            lock.unlock();
        }
    }
}
