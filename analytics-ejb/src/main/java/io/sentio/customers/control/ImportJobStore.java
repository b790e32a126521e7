package io.sentio.customers.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import io.sentio.customers.entity.ImportError;
import io.sentio.customers.entity.ImportJob;
import io.sentio.customers.entity.RecordKind;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Indexes.descending;

/**
 * The {@code imports} collection: one document per import job, updated after every batch, so that any node
 * sharing the database answers {@code GET /api/v1/imports/{job}}.
 */
public final class ImportJobStore {

    private final MongoCollection<Document> collection;

    public ImportJobStore(MongoDatabase database) {
        this.collection = database.getCollection("imports");
    }

    public void ensureIndexes() {
        collection.createIndex(descending("createdAt"));
    }

    public void create(ImportJob job) {
        collection.insertOne(new Document("_id", job.id()).append("kind", job.kind().wire())
                .append("format", job.format()).append("state", job.state()).append("rowsDone", 0L)
                .append("imported", 0L).append("unchanged", 0L).append("errors", List.of())
                .append("errorCount", 0L).append("createdAt", Date.from(job.createdAt())));
    }

    /** Records progress; {@code rowsTotal} and {@code finishedAt} only when {@code finished}. */
    public void update(String id, String state, ImportRun run, boolean finished, Instant now) {
        List<Document> errors = run.errors().stream()
                .map(e -> new Document("line", e.line()).append("reason", e.reason())).toList();
        var update = Updates.combine(Updates.set("state", state), Updates.set("rowsDone", run.rowsDone()),
                Updates.set("imported", run.imported()), Updates.set("unchanged", run.unchanged()),
                Updates.set("errors", errors), Updates.set("errorCount", run.errorCount()),
                Updates.set("failure", run.failure()),
                finished ? Updates.set("rowsTotal", run.rowsDone()) : Updates.unset("rowsTotal"),
                finished ? Updates.set("finishedAt", Date.from(now)) : Updates.unset("finishedAt"));
        collection.updateOne(eq("_id", id), update);
    }

    public void fail(String id, String reason, Instant now) {
        collection.updateOne(eq("_id", id), Updates.combine(Updates.set("state", "failed"),
                Updates.set("failure", reason), Updates.set("finishedAt", Date.from(now))));
    }

    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(ImportJobStore::fromDocument);
    }

    private static ImportJob fromDocument(Document d) {
        List<ImportError> errors = d.getList("errors", Document.class, List.of()).stream()
                .map(e -> new ImportError(((Number) e.get("line")).longValue(), e.getString("reason"))).toList();
        Number total = (Number) d.get("rowsTotal");
        Date finished = d.getDate("finishedAt");
        return new ImportJob(d.getString("_id"), RecordKind.fromWire(d.getString("kind")).orElseThrow(),
                d.getString("format"), d.getString("state"), number(d, "rowsDone"),
                total == null ? null : total.longValue(), number(d, "imported"), number(d, "unchanged"), errors,
                number(d, "errorCount"), d.getString("failure"), d.getDate("createdAt").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static long number(Document d, String field) {
        Number n = (Number) d.get(field);
        return n == null ? 0 : n.longValue();
    }
}
