package io.sentio.responses.boundary;

import io.sentio.deployments.boundary.Deployments;
import io.sentio.deployments.entity.Deployment;
import io.sentio.deployments.entity.DeploymentMode;
import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;
import io.sentio.responses.control.CsvExport;
import io.sentio.responses.control.ResponseStore;
import io.sentio.responses.entity.ResponseStored;
import io.sentio.responses.entity.ResponsesDeleted;
import io.sentio.responses.entity.SubmitOutcome;
import io.sentio.responses.entity.Submission;
import io.sentio.responses.entity.SurveyResponse;
import io.sentio.storage.boundary.MongoStorage;
import io.sentio.surveys.control.AnswerValidator;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepting survey answers. The rule this class exists for: an answer acknowledged to a respondent is
 * durable and stored exactly once. Everything is checked before anything is written; the single write is
 * idempotent by the client's response id; the caller is answered only after the store made it durable.
 *
 * <p>A CDI application-scoped bean, not an EJB: it uses no container transaction (the single write needs
 * none), no container lock (it is thread-safe by itself) and no EJB security (the resources' {@code RoleCheck}
 * decides), and the EJB interceptor chain around every call was a measurable share of a submission's cost.
 * It starts with the application, so that its indexes exist before the first request.
 */
@ApplicationScoped
public class Responses {

    @Inject
    MongoStorage storage;

    @Inject
    Deployments deployments;

    @Inject
    StoredResponses stored;

    @Inject
    Event<ResponsesDeleted> deleted;

    private final Clock clock = Clock.systemUTC();
    private final AnswerValidator validator = new AnswerValidator();
    private ResponseStore responses;

    @PostConstruct
    void start() {
        responses = new ResponseStore(storage.database(), storage::awaitDurable, !storage.isEmbedded());
        responses.ensureIndexes();
    }

    /** Creates the bean (and so its indexes) when the application starts instead of at the first request. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // observing is enough: the container creates the bean to deliver the event
    }

    public SubmitOutcome submit(String deploymentId, Submission submission) {
        Deployment deployment = deployments.findForAnswering(deploymentId);
        SurveyTemplate template = deployments.survey(deployment);
        Map<String, Object> answers = answered(submission.answers());
        List<Violation> violations = new ArrayList<>();
        if (submission.id() == null || !SurveyResponse.ID.matcher(submission.id()).matches()) {
            violations.add(new Violation("id", "must be 8 to 64 letters, digits, '-' or '_' (a UUID fits)"));
        }
        if (submission.language() == null || !deployment.offers(submission.language())) {
            violations.add(new Violation("language", "must be one of " + deployment.languages()));
        }
        if (submission.answers() == null) {
            violations.add(new Violation("answers", "is required"));
        } else {
            validator.validate(template, answers)
                    .forEach(v -> violations.add(new Violation("answers." + v.field(), v.reason())));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("the response is invalid", violations);
        }
        Instant now = clock.instant();
        if (!deployment.isOpenAt(now)) {
            throw DomainException.conflict("deployment " + deploymentId + " is " + deployment.statusAt(now)
                    + " and accepts no answers");
        }
        answers = validator.normalise(template, answers);
        String fingerprint = SurveyResponse.fingerprint(deploymentId, submission.language(), answers);
        String customer = deployment.mode() == DeploymentMode.INVITATION
                ? deployments.claimInvitation(deployment, submission.token(), submission.id())
                : null;
        SurveyResponse response = new SurveyResponse(submission.id(), deploymentId, deployment.touchpoint(),
                template.id(), template.version(), submission.language(), answers, fingerprint, now, customer);
        boolean created = responses.insert(response); // durable when it returns
        if (!created) {
            SurveyResponse existing = responses.find(submission.id()).orElseThrow(
                    () -> new IllegalStateException("response " + submission.id() + " vanished after a duplicate key"));
            if (!existing.deploymentId().equals(deploymentId) || !existing.fingerprint().equals(fingerprint)) {
                throw DomainException.conflict("response " + submission.id() + " was already submitted with other answers");
            }
        }
        if (created) {
            // A hint for the aggregate folder and the comment indexer, which also find new responses by
            // themselves after a restart; a failing follower is skipped (StoredResponses).
            stored.announce(new ResponseStored(response.id(), response.touchpoint()));
            return SubmitOutcome.CREATED;
        }
        // A retry may arrive while the first attempt's write is not yet durable: make sure it is.
        storage.awaitDurable();
        return SubmitOutcome.ALREADY_STORED;
    }

    /**
     * Exports a deployment's responses as CSV: one row per response (id, received at, language, then every
     * item of its survey in survey order). Cells that a spreadsheet would run as a formula are neutralised.
     */
    public void exportCsv(String deploymentId, java.io.Writer out) throws java.io.IOException {
        Deployment deployment = deployments.find(deploymentId);
        SurveyTemplate survey = deployments.survey(deployment);
        List<String> items = survey.items().stream().map(io.sentio.surveys.entity.SurveyItem::name).toList();
        List<String> header = new ArrayList<>(List.of("response_id", "received_at", "language"));
        header.addAll(items);
        try (CsvExport csv = new CsvExport(out, header)) {
            responses.forEachOfDeployment(deploymentId, r -> {
                List<Object> row = new ArrayList<>(List.of(r.id(), r.receivedAt().toString(), r.language()));
                items.forEach(item -> row.add(r.answers().get(item)));
                csv.row(row);
            });
        }
    }

    /**
     * Deletes a response of a deployment and, through {@link ResponsesDeleted}, its comments in the search
     * index; returns once both are durable. Idempotent: a response that is already gone is "deleted" again
     * (the index is told again, which repairs a deletion interrupted after the MongoDB write).
     *
     * <p>Satisfaction aggregates that already counted the response keep counting it (they are sums per
     * touchpoint and day; see docs/satisfaction.md); a response deleted before it was folded is never counted.
     *
     * @throws DomainException not found for an unknown deployment or a response of another deployment
     */
    public void delete(String deploymentId, String responseId) {
        deployments.find(deploymentId);
        responses.find(responseId).ifPresent(r -> {
            if (!r.deploymentId().equals(deploymentId)) {
                throw DomainException.notFound("no response " + responseId + " in deployment " + deploymentId);
            }
            responses.delete(responseId);
            storage.awaitDurable();
        });
        deleted.fire(new ResponsesDeleted(List.of(responseId)));
    }

    /**
     * Deletes every response linked to a customer (erasure) and their comments in the search index; returns
     * once both are durable.
     *
     * @return how many responses were deleted
     */
    public int deleteOfCustomer(String customer) {
        List<String> ids = responses.deleteOfCustomer(customer);
        storage.awaitDurable();
        if (!ids.isEmpty()) {
            deleted.fire(new ResponsesDeleted(ids));
        }
        return ids.size();
    }

    /** Visits every response linked to a customer (invitation deployments); a whole-collection scan, for reports. */
    public void forEachLinkedToCustomer(java.util.function.Consumer<SurveyResponse> consumer) {
        responses.forEachLinkedToCustomer(consumer);
    }

    public long countFor(String deploymentId) {
        return responses.countByDeployment(deploymentId);
    }

    /** Unanswered questions may come as null; they are simply not stored. */
    private static Map<String, Object> answered(Map<String, Object> answers) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((k, v) -> {
                if (v != null) {
                    result.put(k, v);
                }
            });
        }
        return result;
    }
}
