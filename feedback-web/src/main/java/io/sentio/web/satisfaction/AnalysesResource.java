package io.sentio.web.satisfaction;

import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;
import io.sentio.satisfaction.boundary.Satisfaction;
import io.sentio.satisfaction.entity.Construct;
import io.sentio.satisfaction.entity.InnerScheme;
import io.sentio.satisfaction.entity.ItemScale;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.satisfaction.entity.Mode;
import io.sentio.satisfaction.entity.PathModel;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Ad hoc analyses of a researcher's own data set: {@code POST /analyses/pls} estimates a PLS path model
 * on CSV text (header row, numeric cells, empty cell = missing). The body is read with JSON-P so that
 * every wrong member is reported by its path ({@code constructs[1].mode}).
 */
@Path("analyses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalysesResource {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    Satisfaction satisfaction;

    @POST
    @Path("pls")
    @RolesAllowed({"admin", "cx-manager"})
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject pls(String body) {
        JsonObject request = object(body);
        List<Violation> violations = new ArrayList<>();
        String csv = string(request, "csv", violations, true);
        List<Construct> constructs = new ArrayList<>();
        JsonArray cs = array(request, "constructs", violations);
        if (cs != null) {
            for (int i = 0; i < cs.size(); i++) {
                String field = "constructs[" + i + "]";
                if (!(cs.get(i) instanceof JsonObject c)) {
                    violations.add(new Violation(field, "must be an object {name, indicators, mode}"));
                    continue;
                }
                String name = string(c, "name", violations, field, true);
                List<String> indicators = strings(c, "indicators", field, violations);
                String mode = string(c, "mode", violations, field, false);
                Mode m = Mode.A;
                if (mode != null) {
                    if (mode.strip().equalsIgnoreCase("A") || mode.strip().equalsIgnoreCase("B")) {
                        m = Mode.valueOf(mode.strip().toUpperCase());
                    } else {
                        violations.add(new Violation(field + ".mode", "must be A (reflective) or B (formative)"));
                    }
                }
                if (name != null && indicators != null) {
                    if (indicators.isEmpty()) {
                        violations.add(new Violation(field + ".indicators", "construct '" + name + "' has an empty block"));
                    } else {
                        constructs.add(new Construct(name, indicators, m));
                    }
                }
            }
        }
        List<io.sentio.satisfaction.entity.Path> paths = new ArrayList<>();
        JsonArray ps = array(request, "paths", violations);
        if (ps != null) {
            for (int i = 0; i < ps.size(); i++) {
                String field = "paths[" + i + "]";
                if (!(ps.get(i) instanceof JsonObject p)) {
                    violations.add(new Violation(field, "must be an object {from, to}"));
                    continue;
                }
                String from = string(p, "from", violations, field, true);
                String to = string(p, "to", violations, field, true);
                if (from != null && to != null) {
                    paths.add(new io.sentio.satisfaction.entity.Path(from, to));
                }
            }
        }
        String scheme = string(request, "scheme", violations, false);
        String missing = string(request, "missing", violations, false);
        MissingValues missingValues = MissingValues.MEAN_REPLACEMENT;
        if (missing != null) {
            switch (missing.strip().toLowerCase()) {
                case "mean", "mean-replacement", "mean_replacement" -> missingValues = MissingValues.MEAN_REPLACEMENT;
                case "casewise", "casewise-deletion", "casewise_deletion" -> missingValues = MissingValues.CASEWISE_DELETION;
                default -> violations.add(new Violation("missing", "must be mean or casewise"));
            }
        }
        ItemScale scale = ItemScale.ACSI;
        JsonObject sc = object(request, "scale", violations);
        if (sc != null) {
            Double min = number(sc, "min", "scale", violations);
            Double max = number(sc, "max", "scale", violations);
            if (min != null && max != null) {
                if (min < max) {
                    scale = new ItemScale(min, max);
                } else {
                    violations.add(new Violation("scale", "min must be below max"));
                }
            }
        }
        int samples = 0;
        long seed = 1;
        JsonObject bs = object(request, "bootstrap", violations);
        if (bs != null) {
            Double s = number(bs, "samples", "bootstrap", violations);
            if (s != null) {
                if (s != Math.rint(s) || s < 0 || s > Satisfaction.MAX_ANALYSIS_SAMPLES) {
                    violations.add(new Violation("bootstrap.samples", "must be a whole number from 0 to "
                            + Satisfaction.MAX_ANALYSIS_SAMPLES));
                } else {
                    samples = s.intValue();
                }
            }
            Double sd = number(bs, "seed", "bootstrap", violations);
            if (sd != null) {
                if (sd != Math.rint(sd) || Math.abs(sd) > 9.0e15) {
                    violations.add(new Violation("bootstrap.seed", "must be a whole number"));
                } else {
                    seed = sd.longValue();
                }
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("the analysis request is invalid", violations);
        }
        PathModel model = new PathModel(constructs, paths);
        return SatisfactionJson.analysis(satisfaction.analyse(csv, model, InnerScheme.parse(scheme), scale,
                missingValues, samples, seed));
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw DomainException.invalid("body", "is required");
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o)) {
                throw DomainException.invalid("body", "must be a JSON object");
            }
            return o;
        } catch (JsonException e) {
            throw DomainException.invalid("body", "is not valid JSON: " + e.getMessage());
        }
    }

    private static String string(JsonObject o, String name, List<Violation> v, boolean required) {
        return string(o, name, v, null, required);
    }

    private static String string(JsonObject o, String name, List<Violation> v, String parent, boolean required) {
        String field = parent == null ? name : parent + "." + name;
        JsonValue value = o.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                v.add(new Violation(field, "is required"));
            }
            return null;
        }
        if (value instanceof JsonString s && !(required && s.getString().isBlank())) {
            return s.getString();
        }
        v.add(new Violation(field, required ? "must be a non-empty string" : "must be a string"));
        return null;
    }

    private static List<String> strings(JsonObject o, String name, String parent, List<Violation> v) {
        String field = parent + "." + name;
        JsonValue value = o.get(name);
        if (!(value instanceof JsonArray a)) {
            v.add(new Violation(field, "must be an array of indicator (column) names"));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof JsonString s && !s.getString().isBlank()) {
                out.add(s.getString());
            } else {
                v.add(new Violation(field + "[" + i + "]", "must be a column name"));
                return null;
            }
        }
        return out;
    }

    private static JsonArray array(JsonObject o, String name, List<Violation> v) {
        JsonValue value = o.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (name.equals("constructs")) {
                v.add(new Violation(name, "is required"));
            }
            return name.equals("paths") ? JSON.createArrayBuilder().build() : null;
        }
        if (value instanceof JsonArray a) {
            return a;
        }
        v.add(new Violation(name, "must be an array"));
        return null;
    }

    private static JsonObject object(JsonObject o, String name, List<Violation> v) {
        JsonValue value = o.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject obj) {
            return obj;
        }
        v.add(new Violation(name, "must be an object"));
        return null;
    }

    private static Double number(JsonObject o, String name, String parent, List<Violation> v) {
        JsonValue value = o.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber n) {
            return n.doubleValue();
        }
        v.add(new Violation(parent + "." + name, "must be a number"));
        return null;
    }
}
