package io.sentio.surveys.entity;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A versioned survey definition: the SurveyJS JSON the respondent page renders, and the items it asks with
 * their measurement roles, from which answers are validated and scored.
 *
 * <p>The same record describes a standard template from the catalogue and a survey composed from one
 * (own title, extra questions; see {@code io.sentio.surveys.control.SurveyComposer}): {@code id} and
 * {@code version} then name the template it was composed from, so analytics knows which model applies.
 * A stored survey keeps its version: templates are never edited in place, a change is a new version.
 *
 * <p>Invariants (checked here): {@code id} matches {@link #ID}; {@code version >= 1}; {@code title} and
 * {@code definition} are not blank; {@code languages} are distinct BCP 47 tags ({@code en}, {@code zh-CN},
 * {@code zh-TW}), the first being the definition's default locale; {@code items} are non-empty with unique
 * names. That {@code items} agree with {@code definition} is guaranteed by {@code TemplateParser}, which
 * derives the former from the latter.
 *
 * @param id         template id, e.g. {@code acsi}
 * @param version    template version, from 1
 * @param title      English (default-language) name for listings; respondents see the definition's own title
 * @param languages  languages every visible text is available in, default first
 * @param definition the SurveyJS JSON text
 * @param items      the answerable items in the order asked
 */
public record SurveyTemplate(String id, int version, String title, List<String> languages, String definition,
                             List<SurveyItem> items) {

    /** Template ids: lower-case letters, digits and dashes, starting with a letter, at most 64 characters. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public SurveyTemplate {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidSurveyException("id: '" + id + "' is not a template id (lower-case letters, digits, '-')");
        }
        if (version < 1) {
            throw new InvalidSurveyException(id + ".version: must be at least 1, got " + version);
        }
        if (title == null || title.isBlank()) {
            throw new InvalidSurveyException(id + ".title: must not be blank");
        }
        if (languages == null || languages.isEmpty()) {
            throw new InvalidSurveyException(id + ".languages: at least one language is needed");
        }
        languages = List.copyOf(languages);
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw new InvalidSurveyException(id + ".languages: '" + language + "' is not a BCP 47 tag like zh-CN");
            }
        }
        if (new HashSet<>(languages).size() != languages.size()) {
            throw new InvalidSurveyException(id + ".languages: " + languages + " repeats a language");
        }
        if (definition == null || definition.isBlank()) {
            throw new InvalidSurveyException(id + ".definition: must not be blank");
        }
        if (items == null || items.isEmpty()) {
            throw new InvalidSurveyException(id + ".items: a survey needs at least one item");
        }
        items = List.copyOf(items);
        Set<String> names = new HashSet<>();
        for (SurveyItem item : items) {
            if (!names.add(item.name())) {
                throw new InvalidSurveyException(id + ".items: duplicate item name " + item.name());
            }
        }
    }

    /** The item called {@code name}, if the survey has one. */
    public Optional<SurveyItem> item(String name) {
        for (SurveyItem item : items) {
            if (item.name().equals(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** The items measuring {@code construct}, in the order asked (the indicator block of that latent variable). */
    public List<SurveyItem> itemsOf(String construct) {
        return items.stream().filter(i -> i.measures(construct)).toList();
    }

    /** The items feeding {@code measure} ({@code nps}, {@code csat}, {@code ces}, {@code comment}). */
    public List<SurveyItem> itemsMeasuring(String measure) {
        return items.stream().filter(i -> measure != null && measure.equals(i.measure())).toList();
    }

    /** The constructs measured, in the order first asked. */
    public Set<String> constructs() {
        Set<String> constructs = new LinkedHashSet<>();
        items.forEach(i -> {
            if (i.construct() != null) {
                constructs.add(i.construct());
            }
        });
        return constructs;
    }

    /** Whether every visible text is available in {@code language} (a BCP 47 tag, case-insensitive). */
    public boolean supports(String language) {
        return language != null && languages.stream().anyMatch(language::equalsIgnoreCase);
    }

    /**
     * The key of {@code language} in the definition's localizable strings: SurveyJS keeps the default language
     * under {@code "default"} and others under lower-case codes ({@code zh-cn}, {@code zh-tw}: the locale codes
     * survey-core 2.5.38 registers for Chinese). The respondent page sets {@code survey.locale} to the
     * lower-cased tag; SurveyJS falls back to {@code "default"} where a locale has no text of its own.
     */
    public String localeKey(String language) {
        if (!supports(language)) {
            throw new InvalidSurveyException("language: '" + language + "' is not one of " + languages);
        }
        return languages.getFirst().equalsIgnoreCase(language) ? "default" : language.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SurveyTemplate[" + id + " v" + version + ", " + items.size() + " items, " + languages + "]";
    }
}
