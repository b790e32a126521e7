package io.sentio.deployments.entity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A survey deployed at one touchpoint through one channel. Touchpoints and channels are open-ended
 * slugs (web, email, phone, store, app, chat, letter, sms, community, ...), so a company can add its own.
 *
 * @param opensAt    null: open from creation
 * @param closesAt   null: open until closed explicitly
 * @param definition the SurveyJS definition respondents answer: the template's, with this deployment's title and
 *                   extra questions; kept with the deployment so later template versions never change it
 */
public record Deployment(String id, String template, int templateVersion, String title, String touchpoint,
                         String channel, DeploymentMode mode, List<String> languages, Instant opensAt,
                         Instant closesAt, Instant createdAt, String definition) {

    /** Lower-case slug: what touchpoints and channels look like. */
    public static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** Touchpoints Sentio knows out of the box; any other slug is accepted too. */
    public static final List<String> KNOWN_TOUCHPOINTS =
            List.of("web", "email", "phone", "store", "app", "chat", "letter", "sms", "community");

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(definition, "definition");
        if (!SLUG.matcher(touchpoint).matches()) {
            throw new IllegalArgumentException("touchpoint is not a slug: " + touchpoint);
        }
        if (!SLUG.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel is not a slug: " + channel);
        }
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("a deployment needs at least one language");
        }
        if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("opensAt must be before closesAt");
        }
    }

    /** Whether answers are accepted at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
    }

    /** open, scheduled (not yet open) or closed at {@code now}. */
    public String statusAt(Instant now) {
        if (opensAt != null && now.isBefore(opensAt)) {
            return "scheduled";
        }
        return isOpenAt(now) ? "open" : "closed";
    }

    public boolean offers(String language) {
        return languages.contains(language);
    }

    public Deployment closedAt(Instant when) {
        Instant close = closesAt == null || when.isBefore(closesAt) ? when : closesAt;
        Instant open = opensAt != null && !opensAt.isBefore(close) ? null : opensAt;
        return new Deployment(id, template, templateVersion, title, touchpoint, channel, mode, languages,
                open, close, createdAt, definition);
    }
}
