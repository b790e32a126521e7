package io.sentio.deployments.boundary;

import io.sentio.deployments.control.DeploymentStore;
import io.sentio.deployments.control.InvitationStore;
import io.sentio.access.control.SecureTokens;
import io.sentio.deployments.entity.Deployment;
import io.sentio.deployments.entity.DeploymentMode;
import io.sentio.deployments.entity.Invitation;
import io.sentio.deployments.entity.IssuedInvitation;
import io.sentio.deployments.entity.NewDeployment;
import io.sentio.deployments.entity.RespondentForm;
import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;
import io.sentio.storage.boundary.MongoStorage;
import io.sentio.surveys.boundary.Surveys;
import io.sentio.surveys.control.SurveyComposer;
import io.sentio.surveys.control.TemplateParser;
import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Deploying surveys to touchpoints, closing them, and issuing invitations.
 *
 * <p>A CDI application-scoped bean, not an EJB, for the reason given on {@code Responses}: every submission
 * asks it twice (the deployment, its survey), and each EJB invocation ran the whole interceptor chain. It
 * needs no container transaction or lock (its caches are concurrent maps) and starts with the application.
 */
@ApplicationScoped
public class Deployments {

    /** Most invitations one request may create: bounds the work and the response size. */
    public static final int MAX_INVITATIONS_PER_REQUEST = 10_000;

    @Inject
    MongoStorage storage;

    @Inject
    Surveys surveys;

    /** Entries per deployment cache (parsed surveys, deployments read for answering); a full cache is emptied. */
    private static final int MAX_CACHED_DEPLOYMENTS = 10_000;
    /** How long a deployment read for answering may be reused: bounds how late another node's close is seen. */
    private static final long ANSWERING_CACHE_NANOS = Duration.ofSeconds(1).toNanos();

    private record Cached(Deployment deployment, long readAt) {
    }

    private final Clock clock = Clock.systemUTC();
    private final SurveyComposer composer = new SurveyComposer();
    private final TemplateParser parser = new TemplateParser();
    private final Map<String, SurveyTemplate> parsed = new ConcurrentHashMap<>();
    private final Map<String, Cached> answering = new ConcurrentHashMap<>();
    /** Closes so far: a read that overlapped a close is not cached (it may predate the close). */
    private final AtomicLong closes = new AtomicLong();
    private DeploymentStore deployments;
    private InvitationStore invitations;

    @PostConstruct
    void start() {
        deployments = new DeploymentStore(storage.database());
        invitations = new InvitationStore(storage.database());
        deployments.ensureIndexes();
        invitations.ensureIndexes();
    }

    /** Creates the bean (and so its indexes) when the application starts instead of at the first request. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // observing is enough: the container creates the bean to deliver the event
    }

    public Deployment create(NewDeployment request) {
        List<Violation> violations = new ArrayList<>();
        SurveyTemplate template = null;
        if (request.template() == null || request.template().isBlank()) {
            violations.add(new Violation("template", "is required"));
        } else {
            template = surveys.find(request.template()).orElse(null);
            if (template == null) {
                violations.add(new Violation("template", "no such template: " + request.template()));
            }
        }
        checkSlug("touchpoint", request.touchpoint(), violations);
        String channel = request.channel() == null ? "link" : request.channel();
        checkSlug("channel", channel, violations);
        DeploymentMode mode = DeploymentMode.ANONYMOUS;
        if (request.mode() != null) {
            mode = DeploymentMode.fromWire(request.mode()).orElse(null);
            if (mode == null) {
                violations.add(new Violation("mode", "must be anonymous or invitation"));
            }
        }
        List<String> languages = request.languages();
        if (template != null) {
            if (languages == null || languages.isEmpty()) {
                languages = template.languages();
            } else {
                for (int i = 0; i < languages.size(); i++) {
                    if (!template.languages().contains(languages.get(i))) {
                        violations.add(new Violation("languages[" + i + "]",
                                "template " + template.id() + " is available in " + template.languages()));
                    }
                }
            }
        }
        if (request.opensAt() != null && request.closesAt() != null && !request.opensAt().isBefore(request.closesAt())) {
            violations.add(new Violation("closesAt", "must be after opensAt"));
        }
        if (request.title() != null && request.title().length() > 200) {
            violations.add(new Violation("title", "must be at most 200 characters"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("the deployment request is invalid", violations);
        }
        boolean titled = request.title() != null && !request.title().isBlank();
        Map<String, String> titles = new LinkedHashMap<>();
        if (titled) {
            template.languages().forEach(language -> titles.put(language, request.title()));
        }
        SurveyTemplate survey;
        try {
            survey = composer.compose(template, titles, request.extraQuestions());
        } catch (InvalidSurveyException e) {
            throw DomainException.invalid(e.getMessage(), List.of(violation(e)));
        }
        Deployment deployment = new Deployment(SecureTokens.id(), template.id(), template.version(),
                titled ? request.title() : template.title(), request.touchpoint(), channel, mode, languages,
                request.opensAt(), request.closesAt(), clock.instant(), survey.definition());
        deployments.insert(deployment);
        storage.awaitDurable();
        return deployment;
    }

    /** The survey rules report "field: reason"; keep the field for the problem's violations. */
    private static Violation violation(InvalidSurveyException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        return colon > 0 ? new Violation(message.substring(0, colon), message.substring(colon + 2))
                : new Violation("extraQuestions", message);
    }

    private static void checkSlug(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else if (!Deployment.SLUG.matcher(value).matches()) {
            violations.add(new Violation(field, "must be a lower-case slug like web, phone or store"));
        }
    }

    /**
     * The survey a deployment's respondents answer, parsed from its stored definition. Parsed surveys are
     * cached per deployment (a definition never changes once deployed).
     */
    public SurveyTemplate survey(Deployment deployment) {
        SurveyTemplate survey = parsed.get(deployment.id());
        if (survey == null) {
            if (parsed.size() >= MAX_CACHED_DEPLOYMENTS) {
                parsed.clear();
            }
            survey = parser.parse(deployment.definition());
            parsed.put(deployment.id(), survey);
        }
        return survey;
    }

    public Deployment find(String id) {
        return deployments.find(id).orElseThrow(() -> DomainException.notFound("no deployment " + id));
    }

    /**
     * The deployment as read at most a second ago, for the answering path (every submission needs it; a store
     * read per submission cost more than validating the answers). A close on this node takes effect at once
     * ({@link #close} drops the entry); one on another node sharing the database, within a second.
     */
    public Deployment findForAnswering(String id) {
        long now = System.nanoTime();
        Cached cached = answering.get(id);
        if (cached != null && now - cached.readAt() < ANSWERING_CACHE_NANOS) {
            return cached.deployment();
        }
        long closesBefore = closes.get();
        Deployment deployment = find(id);
        if (answering.size() >= MAX_CACHED_DEPLOYMENTS) {
            answering.clear();
        }
        if (closes.get() == closesBefore) {
            answering.put(id, new Cached(deployment, now));
        }
        return deployment;
    }

    public List<Deployment> all() {
        return deployments.all();
    }

    /** Deletes every invitation issued to the customer (erasure); durable when it returns. @return how many */
    public long eraseInvitationsOf(String customer) {
        long deleted = invitations.deleteOfCustomer(customer);
        storage.awaitDurable();
        return deleted;
    }

    /** Stops accepting answers now (idempotent). */
    public Deployment close(String id) {
        Deployment closed = find(id).closedAt(clock.instant());
        deployments.replace(closed);
        closes.incrementAndGet();
        answering.remove(id);
        storage.awaitDurable();
        return closed;
    }

    /** Creates invitations: one per customer reference, or {@code count} without a customer. */
    public List<IssuedInvitation> invite(String id, List<String> customers, int count, Duration validFor) {
        Deployment deployment = find(id);
        if (deployment.mode() != DeploymentMode.INVITATION) {
            throw DomainException.conflict("deployment " + id + " is an anonymous link; it takes no invitations");
        }
        List<String> invitees = new ArrayList<>(customers == null ? List.of() : customers);
        if (invitees.isEmpty()) {
            if (count < 1 || count > MAX_INVITATIONS_PER_REQUEST) {
                throw DomainException.invalid("count", "must be between 1 and " + MAX_INVITATIONS_PER_REQUEST);
            }
            for (int i = 0; i < count; i++) {
                invitees.add(null);
            }
        } else if (invitees.size() > MAX_INVITATIONS_PER_REQUEST) {
            throw DomainException.invalid("customers", "at most " + MAX_INVITATIONS_PER_REQUEST + " per request");
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Duration.ofDays(366)) > 0) {
            throw DomainException.invalid("validDays", "must be between 1 and 366");
        }
        Instant expiresAt = clock.instant().plus(validFor);
        List<IssuedInvitation> issued = new ArrayList<>();
        for (String customer : invitees) {
            issued.add(new IssuedInvitation(invitations.create(id, customer, expiresAt), customer, expiresAt));
        }
        storage.awaitDurable();
        return issued;
    }

    /** What a respondent sees: refuses closed deployments and unusable invitations. */
    public RespondentForm form(String id, String token) {
        Deployment deployment = find(id);
        Instant now = clock.instant();
        if (!deployment.isOpenAt(now)) {
            throw DomainException.conflict("this survey is " + deployment.statusAt(now));
        }
        Map<String, Object> progress = Map.of();
        if (deployment.mode() == DeploymentMode.INVITATION) {
            Invitation invitation = usableInvitation(deployment, token, now);
            progress = invitation.progress();
        }
        return new RespondentForm(deployment, deployment.definition(), progress);
    }

    /** Saves a respondent's answers so far under their invitation, to resume later. */
    public void saveProgress(String id, String token, Map<String, Object> answers) {
        Deployment deployment = find(id);
        Instant now = clock.instant();
        if (deployment.mode() != DeploymentMode.INVITATION) {
            throw DomainException.conflict("only invitation surveys can be saved and resumed");
        }
        usableInvitation(deployment, token, now);
        checkProgress(survey(deployment), answers);
        if (!invitations.saveProgress(id, token, answers, now)) {
            throw DomainException.conflict("this invitation has already been used");
        }
        storage.awaitDurable();
    }

    /** Saved progress is partial, so only its shape is checked: known items, plain values. */
    private static void checkProgress(SurveyTemplate template, Map<String, Object> answers) {
        Set<String> items = template.items().stream().map(SurveyItem::name).collect(Collectors.toSet());
        List<Violation> violations = new ArrayList<>();
        answers.forEach((name, value) -> {
            if (!items.contains(name)) {
                violations.add(new Violation("answers." + name, "is not an item of this survey"));
            } else if (value instanceof Map<?, ?>
                    || value instanceof List<?> list && list.stream().anyMatch(e -> e instanceof Map<?, ?> || e instanceof List<?>)) {
                violations.add(new Violation("answers." + name, "must be a number, text or list"));
            }
        });
        if (!violations.isEmpty()) {
            throw DomainException.invalid("the saved answers are invalid", violations);
        }
    }

    Invitation usableInvitation(Deployment deployment, String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw DomainException.forbidden("this survey needs the invitation token from your invitation link");
        }
        Invitation invitation = invitations.find(deployment.id(), token)
                .orElseThrow(() -> DomainException.forbidden("unknown invitation token"));
        if (invitation.isExpiredAt(now)) {
            throw new DomainException(DomainException.Kind.GONE, "this invitation has expired", List.of());
        }
        if (invitation.isUsed()) {
            throw DomainException.conflict("this invitation has already been used");
        }
        return invitation;
    }

    /**
     * Claims an invitation for a response (single use, atomic). A retry by the same response succeeds.
     *
     * @return the invited customer's reference, or null
     */
    public String claimInvitation(Deployment deployment, String token, String responseId) {
        if (token == null || token.isBlank()) {
            throw DomainException.forbidden("this survey needs the invitation token from your invitation link");
        }
        Instant now = clock.instant();
        Optional<Invitation> claimed = invitations.claim(deployment.id(), token, responseId, now);
        if (claimed.isPresent()) {
            return claimed.get().customer();
        }
        Invitation known = invitations.find(deployment.id(), token)
                .orElseThrow(() -> DomainException.forbidden("unknown invitation token"));
        if (known.isExpiredAt(now)) {
            throw new DomainException(DomainException.Kind.GONE, "this invitation has expired", List.of());
        }
        throw DomainException.conflict("this invitation has already been used");
    }
}
