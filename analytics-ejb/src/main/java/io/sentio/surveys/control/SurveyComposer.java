package io.sentio.surveys.control;

import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a survey from a template: its own title and extra questions, the template's items unchanged.
 *
 * <p>Extra questions are SurveyJS question objects. They are inserted on the template's last page just before
 * its closing {@code COMMENT} (so the open question stays last), and the result is parsed again by
 * {@link TemplateParser}: an extra question is held to the same rules as a template's own (supported types,
 * unique and safe names) and gets the same answer validation. The template's items, and so its analytics
 * model, are never altered; extra questions may carry {@code construct}/{@code measure} metadata like any item.
 *
 * <p>Stateless and thread-safe.
 */
public final class SurveyComposer {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** At most this many extra questions per survey. */
    public static final int MAX_EXTRA_QUESTIONS = 50;
    /** At most this many characters in a title. */
    public static final int MAX_TITLE_LENGTH = 200;

    private final TemplateParser parser = new TemplateParser();

    /**
     * Composes a survey.
     *
     * @param template       the template to start from
     * @param titles         the survey's title by language ({@code en}, {@code zh-CN}, ...; languages of the
     *                       template only); null or empty keeps the template's title
     * @param extraQuestions a JSON array of SurveyJS question objects, each with a {@code name}, {@code type} and
     *                       {@code title}; null or blank for none
     * @return the survey, with the template's id and version and a definition holding the changes
     * @throws InvalidSurveyException naming the field and reason if a title or question is not acceptable
     */
    public SurveyTemplate compose(SurveyTemplate template, Map<String, String> titles, String extraQuestions) {
        if (template == null) {
            throw new InvalidSurveyException("template: must not be null");
        }
        JsonObject root = parser.readObject(template.definition(), "template " + template.id() + " definition");
        JsonObjectBuilder out = JSON.createObjectBuilder(root);
        if (titles != null && !titles.isEmpty()) {
            applyTitles(template, titles, root, out);
        }
        if (extraQuestions != null && !extraQuestions.isBlank()) {
            JsonArray extras = parser.readArray(extraQuestions, "extraQuestions");
            checkExtras(extras);
            insertExtras(root, extras, out);
        }
        return parser.parse(out.build().toString());
    }

    private static void applyTitles(SurveyTemplate template, Map<String, String> titles, JsonObject root,
                                    JsonObjectBuilder out) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : titles.entrySet()) {
            String language = e.getKey();
            String text = e.getValue() == null ? "" : e.getValue().strip();
            if (!template.supports(language)) {
                throw new InvalidSurveyException("title." + TemplateParser.shorten(String.valueOf(language))
                        + ": the template has no texts in this language; it has " + template.languages());
            }
            if (text.isEmpty() || text.length() > MAX_TITLE_LENGTH) {
                throw new InvalidSurveyException("title." + language + ": must have 1 to " + MAX_TITLE_LENGTH
                        + " characters");
            }
            String canonical = template.languages().stream().filter(language::equalsIgnoreCase).findFirst().orElseThrow();
            byLanguage.put(canonical, text);
        }
        // The respondent-visible title, a SurveyJS localizable string; the template's title is replaced in every
        // language. A language left out shows "default": the default language's text, else the first given.
        String defaultLanguage = template.languages().getFirst();
        JsonObjectBuilder visible = JSON.createObjectBuilder()
                .add("default", byLanguage.getOrDefault(defaultLanguage, byLanguage.values().iterator().next()));
        byLanguage.forEach((language, text) -> {
            if (!language.equals(defaultLanguage)) {
                visible.add(template.localeKey(language), text);
            }
        });
        out.add("title", visible);
        JsonObjectBuilder listing = JSON.createObjectBuilder();
        byLanguage.forEach(listing::add);
        JsonObject sentio = root.getJsonObject("sentio");
        out.add("sentio", JSON.createObjectBuilder(sentio).add("title", listing));
    }

    private static void checkExtras(JsonArray extras) {
        if (extras.isEmpty()) {
            return;
        }
        if (extras.size() > MAX_EXTRA_QUESTIONS) {
            throw new InvalidSurveyException("extraQuestions: " + extras.size() + " questions, at most "
                    + MAX_EXTRA_QUESTIONS);
        }
        for (int i = 0; i < extras.size(); i++) {
            if (!(extras.get(i) instanceof JsonObject q)) {
                throw new InvalidSurveyException("extraQuestions[" + i + "]: must be a question object");
            }
            JsonValue title = q.get("title");
            boolean hasTitle = title instanceof JsonString s && !s.getString().isBlank()
                    || title instanceof JsonObject o && o.get("default") instanceof JsonString d && !d.getString().isBlank();
            if (!hasTitle) {
                throw new InvalidSurveyException("extraQuestions[" + i + "]: needs a title (a string, or"
                        + " {\"default\": ..., \"zh-cn\": ...})");
            }
            if ("panel".equals(q.getString("type", ""))) {
                throw new InvalidSurveyException("extraQuestions[" + i + "]: must be a question, not a panel");
            }
        }
    }

    /** Inserts {@code extras} into the container of the last question, before a closing COMMENT. */
    private static void insertExtras(JsonObject root, JsonArray extras, JsonObjectBuilder out) {
        if (root.get("pages") instanceof JsonArray pages && !pages.isEmpty()) {
            int last = pages.size() - 1;
            JsonObject page = pages.getJsonObject(last);
            JsonArrayBuilder newPages = JSON.createArrayBuilder(pages);
            newPages.set(last, JSON.createObjectBuilder(page).add("elements", insert(page, extras)));
            out.add("pages", newPages);
        } else {
            out.add("elements", insert(root, extras));
        }
    }

    private static JsonArrayBuilder insert(JsonObject container, JsonArray extras) {
        List<JsonValue> elements = container.get("elements") instanceof JsonArray a ? a : List.of();
        int at = elements.size();
        if (at > 0 && elements.get(at - 1) instanceof JsonObject lastElement
                && "COMMENT".equals(lastElement.getString("name", null))) {
            at--;
        }
        JsonArrayBuilder result = JSON.createArrayBuilder();
        for (int i = 0; i < at; i++) {
            result.add(elements.get(i));
        }
        extras.forEach(result::add);
        for (int i = at; i < elements.size(); i++) {
            result.add(elements.get(i));
        }
        return result;
    }
}
