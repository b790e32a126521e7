package io.sentio.customers.control;

import io.sentio.customers.entity.CustomerRecord;
import io.sentio.customers.entity.ImportError;
import io.sentio.customers.entity.RecordKind;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRunTest {

    /** An in-memory store with insert-if-absent semantics, recording batch sizes. */
    private static final class Sink {
        final Set<String> ids = new HashSet<>();
        final List<CustomerRecord> stored = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();

        int write(List<CustomerRecord> batch) {
            batches.add(batch.size());
            int inserted = 0;
            for (CustomerRecord r : batch) {
                if (ids.add(r.id())) {
                    stored.add(r);
                    inserted++;
                }
            }
            return inserted;
        }
    }

    private static ImportRun run(RecordKind kind, String format, String file, Sink sink) {
        ImportRun run = new ImportRun(kind, format, sink::write, () -> { });
        run.run(new StringReader(file));
        return run;
    }

    @Test
    void badCsvRowsAreReportedByLineAndTheRestImported() {
        String csv = "id,customer,date,amount,touchpoint\n"
                + "t1,c1,2025-01-01,10,web\n"
                + "t2,c1,2025-01-0x,10,web\n"
                + "\"t3\",c2,2025-01-02,5,\"store\nnorth\"\n"        // a quoted cell spanning lines 4-5
                + "t4,c2,2025-01-03,web\n"
                + "t5,,2025-01-04,-2,\n";
        Sink sink = new Sink();
        ImportRun run = run(RecordKind.TRANSACTIONS, "csv", csv, sink);
        assertThat(run.failure()).isNull();
        assertThat(run.rowsDone()).isEqualTo(5);
        assertThat(run.imported()).isEqualTo(2);
        assertThat(run.errorCount()).isEqualTo(3);
        assertThat(run.errors()).extracting(ImportError::line).containsExactly(3L, 6L, 7L);
        assertThat(run.errors().get(0).reason()).contains("date");
        assertThat(run.errors().get(1).reason()).contains("4 cells");
        assertThat(run.errors().get(2).reason()).contains("customer is required").contains("amount");
        assertThat(sink.stored).extracting(CustomerRecord::id).containsExactly("t1", "t3");
    }

    @Test
    void theSameFileTwiceInsertsNothingTheSecondTime() {
        StringBuilder csv = new StringBuilder("\uFEFFid,name,segment,region\n");
        for (int i = 0; i < 2_500; i++) {
            csv.append("c").append(i).append(",Name ").append(i).append(",gold,north\n");
        }
        Sink sink = new Sink();
        ImportRun first = run(RecordKind.CUSTOMERS, "csv", csv.toString(), sink);
        ImportRun second = run(RecordKind.CUSTOMERS, "csv", csv.toString(), sink);
        assertThat(first.imported()).isEqualTo(2_500);
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(2_500);
        assertThat(sink.stored).hasSize(2_500);
        assertThat(sink.batches).containsExactly(1000, 1000, 500, 1000, 1000, 500);
        // the BOM is not part of the first column name, and unknown customer columns become attributes
        assertThat(sink.stored.getFirst().fields().get("attributes")).isEqualTo(Map.of("region", "north"));
    }

    @Test
    void aHeaderWithoutRequiredColumnsFailsTheRun() {
        ImportRun run = run(RecordKind.TRANSACTIONS, "csv", "id,customer,amount\nt1,c1,3\n", new Sink());
        assertThat(run.failure()).contains("line 1").contains("date");
        assertThat(run.rowsDone()).isZero();
        ImportRun unknown = run(RecordKind.TRANSACTIONS, "csv", "id,customer,date,amount,colour\n", new Sink());
        assertThat(unknown.failure()).contains("colour");
    }

    @Test
    void ndjsonRowsAreCheckedOneByOne() {
        String ndjson = "{\"id\":\"p1\",\"customer\":\"c\",\"kind\":\"post\",\"date\":\"2025-01-01\"}\n"
                + "\n"
                + "[1,2]\n"
                + "{\"id\":\"p2\",\"customer\":\"c\",\"kind\":\"read\",\"date\":\"2025-01-01\",\"x\":1}\n"
                + "{\"id\":\"p3\",\"customer\":\"c\",\"kind\":\"praise\",\"date\":\"2025-01-02\"}";
        Sink sink = new Sink();
        ImportRun run = run(RecordKind.COMMUNITY, "ndjson", ndjson, sink);
        assertThat(run.rowsDone()).isEqualTo(4);
        assertThat(run.errors()).extracting(ImportError::line).containsExactly(3L, 4L);
        assertThat(run.errors().get(1).reason()).contains("x is not a field");
        assertThat(sink.stored).extracting(CustomerRecord::id).containsExactly("p1", "p3");
    }

    @Test
    void anUnterminatedQuoteEndsTheRunAfterTheRowsBeforeIt() {
        String csv = "id,name\nc1,Ann\nc2,\"Bob\nc3,Cy\n";
        Sink sink = new Sink();
        ImportRun run = run(RecordKind.CUSTOMERS, "csv", csv, sink);
        assertThat(run.failure()).isNotNull();
        assertThat(sink.stored).extracting(CustomerRecord::id).containsExactly("c1");
    }

    private static String transactions(int rows) {
        StringBuilder csv = new StringBuilder("id,customer,date,amount\n");
        for (int i = 0; i < rows; i++) {
            csv.append("t").append(i).append(",c").append(i % 7).append(",2025-01-01,1\n");
        }
        return csv.toString();
    }

    @Test
    void pipelinedWritesKeepTheFileOrderWithOneBatchInFlight() throws Exception {
        var writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Sink sink = new Sink();
            var inFlight = new java.util.concurrent.atomic.AtomicInteger();
            var maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
            var writerThreads = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
            ImportRun run = new ImportRun(RecordKind.TRANSACTIONS, "csv", batch -> {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                writerThreads.add(Thread.currentThread().getName());
                try {
                    Thread.sleep(5);
                    return sink.write(batch);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            }, () -> { }, writer);

            run.run(new StringReader(transactions(2_500)));

            assertThat(sink.batches).containsExactly(1_000, 1_000, 500);
            assertThat(sink.stored).extracting(CustomerRecord::id)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2_500).mapToObj(i -> "t" + i).toList());
            assertThat(run.imported()).isEqualTo(2_500);
            assertThat(maxInFlight.get()).isEqualTo(1);
            assertThat(writerThreads).doesNotContain(Thread.currentThread().getName());
        } finally {
            writer.shutdown();
        }
    }

    @Test
    void aFailingWriteEndsTheRunWithItsErrorAndWritesNothingAfterIt() {
        var writer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Sink sink = new Sink();
            ImportRun run = new ImportRun(RecordKind.TRANSACTIONS, "csv", batch -> {
                if (sink.batches.size() == 1) {
                    throw new IllegalStateException("disk full");
                }
                return sink.write(batch);
            }, () -> { }, writer);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> run.run(new StringReader(transactions(3_500))))
                    .hasMessage("disk full");
            assertThat(sink.batches).containsExactly(1_000);
            assertThat(run.imported()).isEqualTo(1_000);
        } finally {
            writer.shutdown();
        }
    }
}
