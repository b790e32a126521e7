package io.sentio.templates;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the template resources exactly as shipped (from the build's classes directory). */
final class TemplateFiles {

    static final String ROOT = "survey-templates";

    /** Duplicate keys are rejected: with the default strategy a repeated key silently wins. */
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    record TemplateFile(String id, int version, Path path, JsonObject json) {
        @Override
        public String toString() {
            return id + "/" + version;
        }
    }

    private TemplateFiles() {
    }

    static Path root() {
        URL url = TemplateFiles.class.getClassLoader().getResource(ROOT + "/index.json");
        if (url == null) {
            throw new IllegalStateException(ROOT + "/index.json is not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonArray index() {
        return read(root().resolve("index.json")).asJsonArray();
    }

    /** Every {@code <id>/<version>.json} file under the root, whatever the index says. */
    static List<TemplateFile> all() {
        List<TemplateFile> files = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root())) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> jsons = Files.list(dir)) {
                    for (Path file : jsons.sorted().toList()) {
                        String name = file.getFileName().toString();
                        if (!name.matches("[1-9][0-9]*\\.json")) {
                            throw new IllegalStateException("unexpected file " + file + ": only <version>.json belongs here");
                        }
                        int version = Integer.parseInt(name.substring(0, name.length() - ".json".length()));
                        files.add(new TemplateFile(dir.getFileName().toString(), version, file, read(file).asJsonObject()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static TemplateFile get(String id) {
        return all().stream().filter(f -> f.id().equals(id)).reduce((a, b) -> b.version() > a.version() ? b : a)
                .orElseThrow(() -> new AssertionError("no template " + id));
    }

    static JsonStructure read(Path file) {
        try (InputStream in = Files.newInputStream(file); var reader = READERS.createReader(in)) {
            return reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Questions in document order, descending into panels. */
    static List<JsonObject> questions(JsonObject survey) {
        List<JsonObject> out = new ArrayList<>();
        if (survey.containsKey("pages")) {
            for (JsonValue page : survey.getJsonArray("pages")) {
                collect(page.asJsonObject(), out);
            }
        } else {
            collect(survey, out);
        }
        return out;
    }

    private static void collect(JsonObject container, List<JsonObject> out) {
        if (!container.containsKey("elements")) {
            return;
        }
        for (JsonValue element : container.getJsonArray("elements")) {
            JsonObject e = element.asJsonObject();
            if ("panel".equals(e.getString("type", ""))) {
                collect(e, out);
            } else {
                out.add(e);
            }
        }
    }

    static JsonObject question(TemplateFile file, String name) {
        return questions(file.json()).stream().filter(q -> name.equals(q.getString("name", null))).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no item " + name));
    }
}
