package io.sentio.deployments.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.sentio.deployments.entity.Deployment;
import io.sentio.deployments.entity.DeploymentMode;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Indexes.ascending;

/** The {@code deployments} collection: one document per deployment, keyed by its id. */
public final class DeploymentStore {

    private final MongoCollection<Document> collection;

    public DeploymentStore(MongoDatabase database) {
        this.collection = database.getCollection("deployments");
    }

    public void ensureIndexes() {
        collection.createIndex(ascending("touchpoint"));
    }

    public void insert(Deployment deployment) {
        collection.insertOne(toDocument(deployment));
    }

    public void replace(Deployment deployment) {
        collection.replaceOne(eq("_id", deployment.id()), toDocument(deployment));
    }

    public Optional<Deployment> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(DeploymentStore::fromDocument);
    }

    /** Every deployment, newest first, without its definition (empty): listings do not need it. */
    public List<Deployment> all() {
        return collection.find().projection(Projections.exclude("definition")).sort(Sorts.descending("createdAt"))
                .map(d -> fromDocument(d.append("definition", "")))
                .into(new ArrayList<>());
    }

    private static Document toDocument(Deployment d) {
        return new Document("_id", d.id())
                .append("template", d.template())
                .append("templateVersion", d.templateVersion())
                .append("title", d.title())
                .append("touchpoint", d.touchpoint())
                .append("channel", d.channel())
                .append("mode", d.mode().wire())
                .append("languages", d.languages())
                .append("opensAt", date(d.opensAt()))
                .append("closesAt", date(d.closesAt()))
                .append("createdAt", date(d.createdAt()))
                .append("definition", d.definition());
    }

    private static Deployment fromDocument(Document doc) {
        return new Deployment(doc.getString("_id"), doc.getString("template"), doc.getInteger("templateVersion"),
                doc.getString("title"), doc.getString("touchpoint"), doc.getString("channel"),
                DeploymentMode.fromWire(doc.getString("mode")).orElseThrow(),
                doc.getList("languages", String.class), instant(doc.getDate("opensAt")),
                instant(doc.getDate("closesAt")), instant(doc.getDate("createdAt")), doc.getString("definition"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
