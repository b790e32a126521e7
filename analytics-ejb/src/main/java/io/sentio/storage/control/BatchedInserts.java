package io.sentio.storage.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Inserts documents into one collection in batches shared by concurrent callers, each batch made durable
 * once: a group insert. {@link #insert} returns only when its document is stored and durable (or was
 * already there).
 *
 * <p>Why: a single-document insert costs a wire round trip and a command on the server, and the embedded
 * store pays most of its cost per command, not per document; under load many requests insert at once, so
 * one unordered {@code insertMany} plus one durability wait serves all of them.
 *
 * <p>Concurrency: callers queue their document; the first caller that finds no batch running becomes the
 * leader, takes everything queued (up to {@link #MAX_BATCH}), inserts it outside the lock, runs the
 * durability step, and wakes the others; callers that arrived meanwhile form the next batch. A duplicate
 * {@code _id} fails only its own document (the insert is unordered).
 */
public final class BatchedInserts {

    /** Most documents in one insertMany: bounds the command size (16 MB) with room to spare. */
    public static final int MAX_BATCH = 500;

    private static final class Pending {
        final Document document;
        boolean finished;
        boolean inserted;
        RuntimeException failure;

        Pending(Document document) {
            this.document = document;
        }
    }

    private final MongoCollection<Document> collection;
    private final Runnable durability;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private List<Pending> queue = new ArrayList<>();
    private boolean running;

    /** @param durability makes every write acknowledged so far durable (e.g. {@code GroupCommit::awaitDurable}) */
    public BatchedInserts(MongoCollection<Document> collection, Runnable durability) {
        this.collection = collection;
        this.durability = durability;
    }

    /**
     * Inserts {@code document} and returns once it is durable.
     *
     * @return true if stored now, false if a document with its {@code _id} already existed (nothing written)
     * @throws RuntimeException if the insert or the durability step failed: the caller must not acknowledge
     */
    public boolean insert(Document document) {
        Pending mine = new Pending(document);
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.finished) {
                if (running) {
                    finished.awaitUninterruptibly();
                    continue;
                }
                running = true;
                List<Pending> batch = take();
                lock.unlock();
                try {
                    execute(batch);
                } finally {
                    lock.lock();
                    running = false;
                    finished.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.inserted;
    }

    private List<Pending> take() {
        if (queue.size() <= MAX_BATCH) {
            List<Pending> batch = queue;
            queue = new ArrayList<>();
            return batch;
        }
        List<Pending> batch = new ArrayList<>(queue.subList(0, MAX_BATCH));
        queue = new ArrayList<>(queue.subList(MAX_BATCH, queue.size()));
        return batch;
    }

    private void execute(List<Pending> batch) {
        RuntimeException failure = null;
        try {
            batch.forEach(p -> p.inserted = true);
            try {
                collection.insertMany(batch.stream().map(p -> p.document).toList(),
                        new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    Pending p = batch.get(error.getIndex());
                    p.inserted = false;
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        p.failure = new IllegalStateException("insert failed: " + error.getMessage());
                    }
                }
                if (e.getWriteConcernError() != null) {
                    failure = e;
                }
            }
            durability.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Pending p : batch) {
            if (failure != null) {
                p.inserted = false;
                p.failure = failure;
            }
            p.finished = true;
        }
    }
}
