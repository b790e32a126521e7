package io.sentio.web.satisfaction;

import io.sentio.satisfaction.control.TouchpointAnalysis;
import io.sentio.satisfaction.entity.ConstructQuality;
import io.sentio.satisfaction.entity.Interval;
import io.sentio.satisfaction.entity.NpsScore;
import io.sentio.satisfaction.entity.PathCoefficient;
import io.sentio.satisfaction.entity.PlsResult;
import io.sentio.satisfaction.entity.Proportion;
import io.sentio.satisfaction.entity.TrendChange;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON views of the satisfaction API, one static {@code from} per use case. Undefined figures (NaN,
 * not estimable) are written as explicit nulls, never left out, so clients see a stable shape.
 */
final class SatisfactionJson {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private SatisfactionJson() {
    }

    static JsonObject report(TouchpointAnalysis.TouchpointReport r) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("touchpoint", r.touchpoint())
                .add("from", date(r.from())).add("to", date(r.to()))
                .add("firstDay", date(r.firstDay())).add("lastDay", date(r.lastDay()))
                .add("responses", r.responses())
                .add("acsi", model(r.acsi()))
                .add("nps", nps(r.nps()));
        if (r.ecsi() != null) {
            b.add("ecsi", model(r.ecsi()));
        }
        b.add("csat", r.csat() == null ? JsonValue.NULL : JSON.createObjectBuilder()
                .add("n", r.csat().score().mean().n())
                .add("scale", JSON.createArrayBuilder().add(r.csat().scaleMin()).add(r.csat().scaleMax()))
                .add("mean", num(r.csat().score().mean().mean()))
                .add("ci95", interval(r.csat().score().mean().ci95()))
                .add("topTwoBox", share(r.csat().score().topTwoBox())).build());
        b.add("ces", r.ces() == null ? JsonValue.NULL : JSON.createObjectBuilder()
                .add("n", r.ces().score().n())
                .add("scale", JSON.createArrayBuilder().add(r.ces().scaleMin()).add(r.ces().scaleMax()))
                .add("mean", num(r.ces().score().mean())).add("sd", num(r.ces().score().sd()))
                .add("ci95", interval(r.ces().score().ci95())).build());
        b.add("expectationGap", num(r.expectationGap()));
        b.add("warnings", strings(r.warnings()));
        return b.build();
    }

    static JsonValue model(TouchpointAnalysis.ModelFigures m) {
        JsonArrayBuilder paths = JSON.createArrayBuilder();
        m.paths().forEach(p -> paths.add(JSON.createObjectBuilder().add("from", p.from()).add("to", p.to())
                .add("coefficient", num(p.coefficient())).add("ci95", interval(p.ci95()))));
        JsonObjectBuilder cis = JSON.createObjectBuilder();
        m.indexesCi95().forEach((k, v) -> cis.add(k, interval(v)));
        return JSON.createObjectBuilder()
                .add("n", m.n())
                .add("index", num(m.index()))
                .add("ci95", interval(m.ci95()))
                .add("indexes", numbers(m.indexes()))
                .add("indexesCi95", cis)
                .add("paths", paths)
                .add("rSquared", numbers(m.rSquared()))
                .add("gof", num(m.gof()))
                .add("interval", m.bootstrapSamples() == 0 ? JsonValue.NULL : JSON.createObjectBuilder()
                        .add("method", "parametric bootstrap percentile (multivariate normal, Wishart draws of the"
                                + " covariance; see docs/satisfaction.md)")
                        .add("samples", m.bootstrapSamples()).build())
                .add("warnings", strings(m.warnings()))
                .build();
    }

    static JsonValue nps(NpsScore s) {
        if (s == null) {
            return JsonValue.NULL;
        }
        return JSON.createObjectBuilder().add("score", num(s.score())).add("ci95", interval(s.ci95()))
                .add("promoters", s.promoters()).add("passives", s.passives()).add("detractors", s.detractors())
                .add("n", s.promoters() + s.passives() + s.detractors()).build();
    }

    static JsonObject summary(TouchpointAnalysis.TouchpointSummary s) {
        return JSON.createObjectBuilder().add("touchpoint", s.touchpoint()).add("responses", s.responses())
                .add("acsi", num(s.acsiIndex())).add("nps", num(s.nps())).add("lastDay", date(s.lastDay())).build();
    }

    static JsonObject trend(TouchpointAnalysis.Trend t) {
        JsonArrayBuilder series = JSON.createArrayBuilder();
        for (TouchpointAnalysis.TrendPoint p : t.series()) {
            series.add(JSON.createObjectBuilder()
                    .add("period", p.period()).add("from", date(p.from())).add("to", date(p.to()))
                    .add("responses", p.responses())
                    .add("smallSample", p.smallSample())
                    .add("nps", nps(p.nps()))
                    .add("acsi", JSON.createObjectBuilder().add("n", p.acsiResponses()).add("index", num(p.acsiIndex()))
                            .add("ci95", interval(p.acsiCi95())))
                    .add("npsChange", change(p.npsChange()))
                    .add("acsiChange", change(p.acsiChange())));
        }
        return JSON.createObjectBuilder().add("touchpoint", t.touchpoint()).add("period", t.period())
                .add("from", date(t.from())).add("to", date(t.to())).add("series", series)
                .add("warnings", strings(t.warnings())).build();
    }

    private static JsonValue change(TrendChange c) {
        if (c == null) {
            return JsonValue.NULL;
        }
        return JSON.createObjectBuilder().add("from", c.fromPeriod()).add("to", c.toPeriod())
                .add("before", num(c.before())).add("after", num(c.after())).add("change", num(c.change()))
                .add("pValue", num(c.pValue())).add("significant", c.significant())
                .add("smallSample", c.smallSample()).add("test", c.test()).build();
    }

    static JsonObject analysis(PlsResult r) {
        JsonArrayBuilder paths = JSON.createArrayBuilder();
        for (PathCoefficient p : r.paths()) {
            paths.add(JSON.createObjectBuilder().add("from", p.from()).add("to", p.to())
                    .add("coefficient", num(p.coefficient())).add("ci95", interval(p.ci95())));
        }
        JsonObjectBuilder quality = JSON.createObjectBuilder();
        for (Map.Entry<String, ConstructQuality> e : r.quality().entrySet()) {
            ConstructQuality q = e.getValue();
            quality.add(e.getKey(), JSON.createObjectBuilder().add("ave", num(q.ave())).add("alpha", num(q.alpha()))
                    .add("rhoC", num(q.rhoC())).add("rhoA", num(q.rhoA())));
        }
        JsonValue bootstrap = JsonValue.NULL;
        if (r.bootstrap() != null) {
            bootstrap = JSON.createObjectBuilder().add("samples", r.bootstrap().samples())
                    .add("seed", r.bootstrap().seed()).add("failed", r.bootstrap().failed())
                    .add("method", "nonparametric bootstrap, percentile 95% intervals")
                    .add("outerWeights", intervals(r.bootstrap().outerWeights()))
                    .add("indexes", intervals(r.bootstrap().indexes()))
                    .add("rSquared", intervals(r.bootstrap().rSquared())).build();
        }
        return JSON.createObjectBuilder()
                .add("n", r.n())
                .add("scheme", r.scheme().name().toLowerCase())
                .add("paths", paths)
                .add("outerWeights", numbers(r.outerWeights()))
                .add("loadings", numbers(r.loadings()))
                .add("rSquared", numbers(r.rSquared()))
                .add("adjustedRSquared", numbers(r.adjustedRSquared()))
                .add("indexes", numbers(r.indexes()))
                .add("quality", quality)
                .add("gof", num(r.gof()))
                .add("iterations", r.iterations())
                .add("converged", r.converged())
                .add("bootstrap", bootstrap)
                .add("warnings", strings(r.warnings()))
                .build();
    }

    private static JsonObjectBuilder intervals(Map<String, Interval> m) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        m.forEach((k, v) -> b.add(k, interval(v)));
        return b;
    }

    private static JsonValue share(Proportion p) {
        return JSON.createObjectBuilder().add("share", num(p.share())).add("successes", p.successes())
                .add("ci95", interval(p.ci95())).build();
    }

    private static JsonObjectBuilder numbers(Map<String, Double> m) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        m.forEach((k, v) -> b.add(k, num(v)));
        return b;
    }

    private static JsonArrayBuilder strings(List<String> l) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        l.forEach(b::add);
        return b;
    }

    static JsonValue num(Double d) {
        return d == null || !Double.isFinite(d) ? JsonValue.NULL : JSON.createValue(d);
    }

    static JsonValue interval(Interval i) {
        if (i == null || !Double.isFinite(i.lower()) || !Double.isFinite(i.upper())) {
            return JsonValue.NULL;
        }
        return JSON.createArrayBuilder().add(i.lower()).add(i.upper()).build();
    }

    private static JsonValue date(LocalDate d) {
        return d == null ? JsonValue.NULL : JSON.createValue(d.toString());
    }
}
