package io.sentio.bench;

import io.sentio.surveys.control.AnswerValidator;
import io.sentio.surveys.control.TemplateCatalog;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cost of checking and normalising one ACSI submission (16 answers), the per-response work the collection API
 * adds to every accepted answer, and of loading the template catalogue. Prints its figures.
 *
 * <p>Run: {@code mvn -B -q -pl analytics-ejb -am test-compile}, then {@code java -cp} with
 * {@code analytics-ejb/target/test-classes:analytics-ejb/target/classes:survey-templates/target/classes} plus the
 * parsson and jakarta.json-api jars. ({@code exec:java} together with {@code -am} runs in every reactor module,
 * starting with the parent, where this class does not exist.)
 */
public final class AnswerValidatorBenchmark {

    private AnswerValidatorBenchmark() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        TemplateCatalog catalog = new TemplateCatalog();
        long loadNanos = System.nanoTime() - t0;
        SurveyTemplate acsi = catalog.latest("acsi");
        AnswerValidator validator = new AnswerValidator();

        Map<String, Object> answers = new LinkedHashMap<>();
        String[] names = {"CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2", "SAT1", "SAT2", "SAT3", "CL1", "CL2"};
        for (int i = 0; i < names.length; i++) {
            answers.put(names[i], 1 + i % 10);
        }
        answers.put("CC1", 0);
        answers.put("NPS", 9);
        answers.put("COMMENT", "The delivery was quick and the staff were patient. ".repeat(10));
        JsonObject json = Json.createObjectBuilder(answers).build();
        Map<String, Object> invalid = new LinkedHashMap<>(answers);
        invalid.put("CE1", "8");
        invalid.put("$where", 1);
        invalid.remove("SAT1");

        int n = 2_000_000;
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long a = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += validator.normalise(acsi, answers).size();
            }
            long b = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += validator.normalise(acsi, json).size();
            }
            long c = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += validator.validate(acsi, invalid).size();
            }
            long d = System.nanoTime();
            System.out.printf("round %d: normalise(Map) %.0f ns/op, normalise(JsonObject) %.0f ns/op,"
                            + " validate(3 violations) %.0f ns/op%n", round,
                    (b - a) / (double) n, (c - b) / (double) n, (d - c) / (double) n);
        }
        System.out.printf("catalogue load (6 templates, cold JVM): %.1f ms; checksum %d%n", loadNanos / 1e6, sink);
    }
}
