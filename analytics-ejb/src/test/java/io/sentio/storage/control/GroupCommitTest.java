package io.sentio.storage.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    @Test
    void aWriteIsCoveredByACommitThatStartedAfterIt() throws Exception {
        // Each "write" records the number of commits started before it; awaitDurable must not return until a
        // commit that started later has finished.
        AtomicLong commitsStarted = new AtomicLong();
        AtomicLong commitsFinished = new AtomicLong();
        GroupCommit group = new GroupCommit(() -> {
            commitsStarted.incrementAndGet();
            sleep(2);
            commitsFinished.incrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            results.add(pool.submit(() -> {
                long startedBeforeWrite = commitsStarted.get();
                group.awaitDurable();
                return commitsFinished.get() > startedBeforeWrite;
            }));
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get()).isTrue();
        }
        pool.shutdown();
        assertThat(group.commits()).as("concurrent writers share commits").isLessThan(400);
    }

    @Test
    void concurrentWaitersShareOneCommit() throws Exception {
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (commits.incrementAndGet() == 1) {
                inCommit.countDown();
                await(release);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(9);
        Future<?> first = pool.submit(group::awaitDurable);
        inCommit.await();
        List<Future<?>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(pool.submit(group::awaitDurable));
        }
        Thread.sleep(100);
        release.countDown();
        first.get();
        for (Future<?> f : waiting) {
            f.get();
        }
        pool.shutdown();
        // The first commit cannot cover writes that finished during it, so exactly one more commit serves all 8.
        assertThat(commits.get()).isEqualTo(2);
    }

    @Test
    void aFailedCommitIsReportedToItsWaiters() {
        GroupCommit group = new GroupCommit(() -> {
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(group::awaitDurable).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not durable").hasRootCauseMessage("disk full");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
