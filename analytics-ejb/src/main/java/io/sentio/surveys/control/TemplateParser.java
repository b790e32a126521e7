package io.sentio.surveys.control;

import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.ItemKind;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a SurveyJS definition with Sentio metadata into a {@link SurveyTemplate}.
 *
 * <p>Metadata: the root carries {@code "sentio": {"id", "version", "languages", "title": {language: text}}};
 * each question may carry {@code construct}, {@code measure}, {@code scaleMin}, {@code scaleMax} (SurveyJS
 * ignores properties it does not know).
 *
 * <p>Only SurveyJS features whose answers the server can check exactly are admitted: question types
 * {@code rating}, {@code radiogroup}, {@code dropdown}, {@code boolean}, {@code text}, {@code comment}, plus
 * {@code panel}, {@code html} and {@code image} for layout. Features that would put other keys or value
 * shapes into the answers ({@code valueName}, "other"/"none" items, comment areas, {@code rateValues},
 * custom boolean values, triggers, calculated values, remote choices) are refused with a message naming the
 * item, rather than accepted and then failing every submission. A question under {@code visibleIf},
 * {@code enableIf} or {@code requiredIf} (its own or a container's) is treated as optional, because the
 * server does not evaluate SurveyJS expressions.
 *
 * <p>Stateless and thread-safe.
 */
public final class TemplateParser {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Upper bound on a definition's size; the largest standard template is about 30 kB. */
    public static final int MAX_DEFINITION_CHARS = 1 << 20;

    /** Duplicate keys are an error: with the default strategy the last one silently wins. */
    private static final JsonReaderFactory READERS =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private static final Set<String> LAYOUT_TYPES = Set.of("panel", "html", "image");
    private static final List<String> TEXT_INPUT_TYPES = List.of("text", "email", "tel", "url", "date");
    private static final List<String> CONDITIONS = List.of("visibleIf", "enableIf", "requiredIf");
    /** Properties whose presence changes the answer's key or shape beyond what an item declares. */
    private static final List<String> REFUSED = List.of("valueName", "rateValues", "valueTrue", "valueFalse",
            "choicesByUrl", "choicesFromQuestion", "setValueExpression", "setValueIf");
    /** Boolean switches that add keys or values ("other", "none", "Q-Comment") when true. */
    private static final List<String> REFUSED_WHEN_TRUE = List.of("showOtherItem", "hasOther", "showNoneItem",
            "hasNone", "showRefuseItem", "showDontKnowItem", "showSelectAllItem", "hasSelectAll",
            "showCommentArea", "hasComment");

    /**
     * Parses {@code definition} (the SurveyJS JSON text, kept verbatim in the result).
     *
     * @throws InvalidSurveyException naming the item and reason if the definition is not usable
     */
    public SurveyTemplate parse(String definition) {
        JsonObject root = readObject(definition, "definition");
        JsonObject sentio = root.get("sentio") instanceof JsonObject o ? o : null;
        if (sentio == null) {
            throw new InvalidSurveyException("definition: the root needs a \"sentio\" object with id, version and languages");
        }
        String id = string(sentio, "id", "sentio");
        int version = integer(sentio, "version", "sentio." + id);
        String where = "template " + id + " v" + version;
        List<String> languages = strings(sentio, "languages", where + ": sentio");
        for (String refused : List.of("triggers", "calculatedValues")) {
            if (root.containsKey(refused)) {
                throw new InvalidSurveyException(where + ": \"" + refused + "\" is not supported (it can write answers"
                        + " the server cannot check)");
            }
        }
        List<SurveyItem> items = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (root.containsKey("pages")) {
            if (root.containsKey("elements")) {
                throw new InvalidSurveyException(where + ": has both \"pages\" and root \"elements\"");
            }
            JsonArray pages = array(root, "pages", where);
            for (int p = 0; p < pages.size(); p++) {
                if (!(pages.get(p) instanceof JsonObject page)) {
                    throw new InvalidSurveyException(where + ": pages[" + p + "] is not an object");
                }
                collect(page, conditional(page), where + ": pages[" + p + "]", items, names);
            }
        } else {
            collect(root, false, where, items, names);
        }
        String title = title(sentio, root, languages, id);
        return new SurveyTemplate(id, version, title, languages, definition, items);
    }

    /** Reads JSON text that must be an object; {@code what} names it in messages. */
    JsonObject readObject(String json, String what) {
        if (!(read(json, what) instanceof JsonObject o)) {
            throw new InvalidSurveyException(what + ": must be a JSON object");
        }
        return o;
    }

    /** Reads JSON text that must be an array; {@code what} names it in messages. */
    JsonArray readArray(String json, String what) {
        if (!(read(json, what) instanceof JsonArray a)) {
            throw new InvalidSurveyException(what + ": must be a JSON array");
        }
        return a;
    }

    private static JsonStructure read(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new InvalidSurveyException(what + ": must not be empty");
        }
        if (json.length() > MAX_DEFINITION_CHARS) {
            throw new InvalidSurveyException(what + ": " + json.length() + " characters, at most "
                    + MAX_DEFINITION_CHARS);
        }
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.read();
        } catch (JsonParsingException e) {
            throw new InvalidSurveyException(what + ": not valid JSON at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ": " + e.getMessage(), e);
        } catch (JsonException e) {
            throw new InvalidSurveyException(what + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private void collect(JsonObject container, boolean conditional, String where, List<SurveyItem> items,
                         Set<String> names) {
        if (!container.containsKey("elements")) {
            return;
        }
        JsonArray elements = array(container, "elements", where);
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof JsonObject element)) {
                throw new InvalidSurveyException(where + ".elements[" + i + "]: is not an object");
            }
            String type = string(element, "type", where + ".elements[" + i + "]");
            boolean conditionalHere = conditional || conditional(element);
            if (type.equals("panel")) {
                collect(element, conditionalHere, where + ".elements[" + i + "]", items, names);
            } else if (!LAYOUT_TYPES.contains(type)) {
                SurveyItem item = item(element, type, conditionalHere, where + ".elements[" + i + "]");
                if (!names.add(item.name())) {
                    throw new InvalidSurveyException(where + ": item " + item.name() + ": the name is used twice");
                }
                items.add(item);
            }
        }
    }

    private static boolean conditional(JsonObject element) {
        return CONDITIONS.stream().anyMatch(element::containsKey);
    }

    private SurveyItem item(JsonObject q, String type, boolean conditional, String position) {
        String name = string(q, "name", position);
        if (!SurveyItem.NAME.matcher(name).matches()) {
            throw new InvalidSurveyException(position + ": '" + shorten(name) + "' is not a valid item name (a letter,"
                    + " then letters, digits or '_', at most 64 characters; never '$' or '.')");
        }
        String where = "item " + name;
        for (String key : REFUSED) {
            if (q.containsKey(key)) {
                throw new InvalidSurveyException(where + ": \"" + key + "\" is not supported");
            }
        }
        for (String key : REFUSED_WHEN_TRUE) {
            if (q.getBoolean(key, false)) {
                throw new InvalidSurveyException(where + ": \"" + key + "\" is not supported");
            }
        }
        String construct = optionalString(q, "construct", where);
        String measure = optionalString(q, "measure", where);
        boolean required = q.getBoolean("isRequired", false) && !conditional;
        return switch (type) {
            case "rating" -> rating(q, where, name, construct, measure, required);
            case "radiogroup", "dropdown" -> choice(q, where, name, construct, measure, required);
            case "boolean" -> new SurveyItem(name, ItemKind.BOOLEAN, construct, measure, 0, 0, required, Set.of());
            case "text" -> {
                String inputType = q.getString("inputType", "text");
                if (!TEXT_INPUT_TYPES.contains(inputType)) {
                    throw new InvalidSurveyException(where + ": inputType \"" + shorten(inputType) + "\" is not supported"
                            + " (use one of " + TEXT_INPUT_TYPES + "; a rating for numbers)");
                }
                yield new SurveyItem(name, ItemKind.TEXT, construct, measure, 0, 0, required, Set.of());
            }
            case "comment" -> new SurveyItem(name, ItemKind.COMMENT, construct, measure, 0, 0, required, Set.of());
            default -> throw new InvalidSurveyException(where + ": question type \"" + shorten(type)
                    + "\" is not supported (rating, radiogroup, dropdown, boolean, text, comment)");
        };
    }

    private static SurveyItem rating(JsonObject q, String where, String name, String construct, String measure,
                                     boolean required) {
        // SurveyJS defaults: rateMin 1, rateMax 5, rateStep 1.
        int min = q.containsKey("rateMin") ? integer(q, "rateMin", where) : 1;
        int max = q.containsKey("rateMax") ? integer(q, "rateMax", where) : 5;
        if (q.containsKey("rateStep") && integer(q, "rateStep", where) != 1) {
            throw new InvalidSurveyException(where + ": rateStep must be 1");
        }
        if (min >= max) {
            throw new InvalidSurveyException(where + ": rateMin " + min + " must be below rateMax " + max);
        }
        if (q.containsKey("rateCount") && integer(q, "rateCount", where) != max - min + 1) {
            throw new InvalidSurveyException(where + ": rateCount disagrees with rateMin " + min + " and rateMax " + max);
        }
        checkDeclaredScale(q, where, min, max);
        return new SurveyItem(name, ItemKind.RATING, construct, measure, min, max, required, Set.of());
    }

    private static SurveyItem choice(JsonObject q, String where, String name, String construct, String measure,
                                     boolean required) {
        JsonArray choices = array(q, "choices", where);
        if (choices.isEmpty()) {
            throw new InvalidSurveyException(where + ": needs at least one choice");
        }
        Set<String> values = new LinkedHashSet<>();
        int numbers = 0;
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < choices.size(); i++) {
            JsonValue choice = choices.get(i);
            JsonValue value = choice instanceof JsonObject o ? o.get("value") : choice;
            String text;
            if (value instanceof JsonNumber n) {
                if (!n.isIntegral() || n.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                    throw new InvalidSurveyException(where + ": choices[" + i + "] value " + n + " is not a whole number");
                }
                int v = n.intValue();
                numbers++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                text = Integer.toString(v);
            } else if (value instanceof JsonString s && !s.getString().isEmpty()) {
                text = s.getString();
            } else {
                throw new InvalidSurveyException(where + ": choices[" + i + "] needs a number or non-empty string value");
            }
            if (!values.add(text)) {
                throw new InvalidSurveyException(where + ": choice value " + shorten(text) + " appears twice");
            }
        }
        if (numbers == choices.size()) {
            if (min == max) {
                throw new InvalidSurveyException(where + ": a numeric choice needs at least two different values");
            }
            checkDeclaredScale(q, where, min, max);
            return new SurveyItem(name, ItemKind.CHOICE, construct, measure, min, max, required, values);
        }
        if (numbers > 0) {
            throw new InvalidSurveyException(where + ": choice values mix numbers and strings");
        }
        if (q.containsKey("scaleMin") || q.containsKey("scaleMax")) {
            throw new InvalidSurveyException(where + ": a scale needs numeric choice values");
        }
        return new SurveyItem(name, ItemKind.CHOICE, construct, measure, 0, 0, required, values);
    }

    /** Metadata may restate the scale (for readers of the JSON); it must then agree with what SurveyJS renders. */
    private static void checkDeclaredScale(JsonObject q, String where, int min, int max) {
        if (q.containsKey("scaleMin") && integer(q, "scaleMin", where) != min
                || q.containsKey("scaleMax") && integer(q, "scaleMax", where) != max) {
            throw new InvalidSurveyException(where + ": scaleMin/scaleMax disagree with the rendered scale "
                    + min + " to " + max);
        }
    }

    /** The listing title: sentio.title in the default language, else the survey title, else the id. */
    private static String title(JsonObject sentio, JsonObject root, List<String> languages, String id) {
        if (sentio.get("title") instanceof JsonObject titles) {
            for (String language : languages) {
                if (titles.get(language) instanceof JsonString s && !s.getString().isBlank()) {
                    return s.getString();
                }
            }
        }
        JsonValue title = root.get("title");
        if (title instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        if (title instanceof JsonObject o && o.get("default") instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        return id;
    }

    private static String string(JsonObject o, String key, String where) {
        if (!(o.get(key) instanceof JsonString s) || s.getString().isBlank()) {
            throw new InvalidSurveyException(where + "." + key + ": must be a non-empty string");
        }
        return s.getString();
    }

    private static String optionalString(JsonObject o, String key, String where) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new InvalidSurveyException(where + "." + key + ": must be a string");
        }
        return s.getString();
    }

    private static int integer(JsonObject o, String key, String where) {
        if (!(o.get(key) instanceof JsonNumber n) || !n.isIntegral()
                || n.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new InvalidSurveyException(where + "." + key + ": must be a whole number");
        }
        return n.intValue();
    }

    private static JsonArray array(JsonObject o, String key, String where) {
        if (!(o.get(key) instanceof JsonArray a)) {
            throw new InvalidSurveyException(where + "." + key + ": must be an array");
        }
        return a;
    }

    private static List<String> strings(JsonObject o, String key, String where) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : array(o, key, where)) {
            if (!(v instanceof JsonString s)) {
                throw new InvalidSurveyException(where + "." + key + ": must hold strings");
            }
            out.add(s.getString());
        }
        return out;
    }

    static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
