package io.sentio.surveys.control;

import io.sentio.surveys.entity.InvalidSurveyException;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The standard survey templates shipped in the survey-templates jar: {@code survey-templates/index.json} lists
 * {@code {id, version, title}} entries and each lives in {@code survey-templates/<id>/<version>.json}. Reading the
 * index instead of scanning the classpath works the same in a plain jar, an EAR's {@code lib/} and a test run.
 *
 * <p>Everything is loaded and checked once, in the constructor; a broken resource is a build defect and fails
 * loudly with {@link IllegalStateException} naming the file. Immutable afterwards and safe to share between
 * threads; the boundary keeps one instance.
 */
public final class TemplateCatalog {

    /** Resource folder of the templates. */
    public static final String ROOT = "survey-templates/";

    private static final System.Logger LOG = System.getLogger(TemplateCatalog.class.getName());

    /** Every version of every template, in index order. */
    private final List<SurveyTemplate> versions;
    /** Latest version per id, in index order. */
    private final Map<String, SurveyTemplate> latest;

    /** Loads the templates visible to this class's class loader. */
    public TemplateCatalog() {
        this(TemplateCatalog.class.getClassLoader());
    }

    /** Loads the templates visible to {@code loader}. */
    public TemplateCatalog(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        TemplateParser parser = new TemplateParser();
        String indexPath = ROOT + "index.json";
        List<SurveyTemplate> loaded = new ArrayList<>();
        for (JsonValue value : parser.readArray(resource(loader, indexPath), indexPath)) {
            if (!(value instanceof JsonObject entry)) {
                throw new IllegalStateException(indexPath + ": entries must be objects, got " + value);
            }
            String id = entry.getString("id", "");
            int version = entry.get("version") instanceof JsonNumber n ? n.intValue() : 0;
            String path = ROOT + id + "/" + version + ".json";
            SurveyTemplate template;
            try {
                template = parser.parse(resource(loader, path));
            } catch (InvalidSurveyException e) {
                throw new IllegalStateException(path + ": " + e.getMessage(), e);
            }
            if (!template.id().equals(id) || template.version() != version) {
                throw new IllegalStateException(path + ": declares " + template.id() + " v" + template.version()
                        + ", the index says " + id + " v" + version);
            }
            if (loaded.stream().anyMatch(t -> t.id().equals(id) && t.version() == version)) {
                throw new IllegalStateException(indexPath + ": lists " + id + " v" + version + " twice");
            }
            loaded.add(template);
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException(indexPath + ": lists no templates");
        }
        this.versions = List.copyOf(loaded);
        Map<String, SurveyTemplate> newest = new LinkedHashMap<>();
        for (SurveyTemplate t : loaded) {
            newest.merge(t.id(), t, (a, b) -> b.version() > a.version() ? b : a);
        }
        this.latest = Collections.unmodifiableMap(newest);
        LOG.log(Level.INFO, "Loaded {0} survey templates: {1}", versions.size(),
                versions.stream().map(t -> t.id() + " v" + t.version()).collect(Collectors.joining(", ")));
    }

    /** The latest version of every template, in index order: what a CX manager chooses from. */
    public List<SurveyTemplate> all() {
        return List.copyOf(latest.values());
    }

    /** Every version of every template, in index order. */
    public List<SurveyTemplate> allVersions() {
        return versions;
    }

    /** The latest version of template {@code id}, if there is one. */
    public Optional<SurveyTemplate> find(String id) {
        return Optional.ofNullable(id == null ? null : latest.get(id));
    }

    /** Version {@code version} of template {@code id}: how a stored survey finds the definition it was made from. */
    public Optional<SurveyTemplate> find(String id, int version) {
        return versions.stream().filter(t -> t.id().equals(id) && t.version() == version).findFirst();
    }

    /**
     * The latest version of template {@code id}.
     *
     * @throws InvalidSurveyException if there is no such template (the message lists the known ids)
     */
    public SurveyTemplate latest(String id) {
        return find(id).orElseThrow(() -> new InvalidSurveyException("template: unknown template '"
                + (id == null ? null : TemplateParser.shorten(id)) + "'; known: " + String.join(", ", latest.keySet())));
    }

    private static String resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path (is the survey-templates jar deployed?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }
}
