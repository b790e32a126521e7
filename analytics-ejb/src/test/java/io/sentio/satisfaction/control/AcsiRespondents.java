package io.sentio.satisfaction.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * ACSI respondents generated from a known population model (for tests and benchmarks): standard normal
 * expectation e; quality q = 0.5e + noise; value v = 0.3e + 0.5q + noise; satisfaction s = 0.1e + 0.4q + 0.4v +
 * noise; complaint with probability logistic(−1.2 − 1.2s); loyalty l = 0.6s − 0.5·complaint + noise. Each item is
 * its construct plus measurement noise on a 1–10 scale (CC1 is 0/1); NPS 0–10 follows satisfaction.
 */
public final class AcsiRespondents {

    public static final List<String> ITEMS = List.of("CE1", "CE2", "CE3", "PQ1", "PQ2", "PQ3", "PV1", "PV2", "SAT1",
            "SAT2", "SAT3", "CC1", "CL1", "CL2");

    private AcsiRespondents() {
    }

    /** One respondent's answers; {@code complaints = false} makes nobody complain (a degenerate CC1). */
    public static Map<String, Object> answers(Random random, boolean complaints) {
        double e = random.nextGaussian();
        double q = 0.5 * e + 0.85 * random.nextGaussian();
        double v = 0.3 * e + 0.5 * q + 0.7 * random.nextGaussian();
        double s = 0.1 * e + 0.4 * q + 0.4 * v + 0.6 * random.nextGaussian();
        long cc = complaints && random.nextDouble() < 1 / (1 + Math.exp(1.2 + 1.2 * s)) ? 1 : 0;
        double l = 0.6 * s - 0.5 * cc + 0.7 * random.nextGaussian();
        Map<String, Object> a = new LinkedHashMap<>();
        for (String item : ITEMS) {
            double latent = switch (item.substring(0, 2)) {
                case "CE" -> e;
                case "PQ" -> q;
                case "PV" -> v;
                case "SA" -> s;
                case "CL" -> l;
                default -> 0;
            };
            a.put(item, item.equals("CC1") ? cc
                    : Math.max(1, Math.min(10, Math.round(6 + 1.5 * (latent + 0.6 * random.nextGaussian())))));
        }
        a.put("NPS", Math.max(0, Math.min(10, Math.round(7 + 2 * (s + 0.5 * random.nextGaussian())))));
        return a;
    }
}
