package io.sentio.satisfaction.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a PLS path model estimation reports. Maps keep the model's order (constructs in
 * declaration order, indicators in block order). Undefined figures are NaN (the web layer writes null).
 *
 * @param scheme              inner weighting scheme used
 * @param n                   cases
 * @param iterations          outer iterations until convergence (or the cap)
 * @param converged           false if the cap was hit before the tolerance was met
 * @param paths               standardized path coefficients (with CIs after bootstrap)
 * @param outerWeights        indicator → weight, scaled so construct scores have unit variance
 * @param loadings            indicator → correlation with its own construct
 * @param crossLoadings       indicator → construct → correlation
 * @param rSquared            endogenous construct → R²
 * @param adjustedRSquared    endogenous construct → 1 − (1 − R²)(n − 1)/(n − k − 1)
 * @param effects             direct, indirect and total effects of every connected pair
 * @param constructCorrelations construct → construct → score correlation
 * @param quality             construct → reliability and convergent validity
 * @param fornellLarcker      per construct
 * @param htmt                construct → construct → heterotrait-monotrait ratio (NaN for single-indicator blocks)
 * @param gof                 goodness of fit √(mean communality · mean R²) (Tenenhaus et al. 2005, sec. 4.2)
 * @param indexWeights        indicator → rescaled unstandardized weight (sums to 1 per block)
 * @param indexes             construct → 0–100 index
 * @param bootstrap           intervals, null without bootstrap
 * @param warnings            human-readable warnings (small sample, no convergence, ...)
 */
public record PlsResult(InnerScheme scheme, long n, int iterations, boolean converged, List<PathCoefficient> paths,
                        Map<String, Double> outerWeights, Map<String, Double> loadings,
                        Map<String, Map<String, Double>> crossLoadings, Map<String, Double> rSquared,
                        Map<String, Double> adjustedRSquared, List<Effect> effects,
                        Map<String, Map<String, Double>> constructCorrelations,
                        Map<String, ConstructQuality> quality, List<FornellLarcker> fornellLarcker,
                        Map<String, Map<String, Double>> htmt, double gof, Map<String, Double> indexWeights,
                        Map<String, Double> indexes, BootstrapSummary bootstrap, List<String> warnings) {

    public PlsResult {
        paths = List.copyOf(paths);
        outerWeights = ordered(outerWeights);
        loadings = ordered(loadings);
        crossLoadings = nested(crossLoadings);
        rSquared = ordered(rSquared);
        adjustedRSquared = ordered(adjustedRSquared);
        effects = List.copyOf(effects);
        constructCorrelations = nested(constructCorrelations);
        quality = ordered(quality);
        fornellLarcker = List.copyOf(fornellLarcker);
        htmt = nested(htmt);
        indexWeights = ordered(indexWeights);
        indexes = ordered(indexes);
        warnings = List.copyOf(warnings);
    }

    /** The coefficient of {@code from → to}; unknown paths are rejected. */
    public double path(String from, String to) {
        return paths.stream().filter(p -> p.from().equals(from) && p.to().equals(to)).findFirst()
                .orElseThrow(() -> new InvalidModelException("path " + from + "->" + to + " is not in the model"))
                .coefficient();
    }

    /** The total effect of {@code from} on {@code to}, 0 when there is none. */
    public double totalEffect(String from, String to) {
        return effects.stream().filter(e -> e.from().equals(from) && e.to().equals(to)).mapToDouble(Effect::total)
                .findFirst().orElse(0.0);
    }

    /** This result with the bootstrap intervals attached (path intervals also on each path). */
    public PlsResult withBootstrap(BootstrapSummary summary) {
        var withCi = new ArrayList<PathCoefficient>();
        for (PathCoefficient p : paths) {
            withCi.add(p.withCi95(summary.paths().get(p.key())));
        }
        var w = new ArrayList<>(warnings);
        if (summary.failed() > 0) {
            w.add("bootstrap: " + summary.failed() + " of " + summary.samples()
                    + " resamples could not be estimated and were left out");
        }
        return new PlsResult(scheme, n, iterations, converged, withCi, outerWeights, loadings, crossLoadings,
                rSquared, adjustedRSquared, effects, constructCorrelations, quality, fornellLarcker, htmt, gof,
                indexWeights, indexes, summary, w);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    private static Map<String, Map<String, Double>> nested(Map<String, Map<String, Double>> m) {
        var copy = new LinkedHashMap<String, Map<String, Double>>();
        m.forEach((k, v) -> copy.put(k, ordered(v)));
        return Collections.unmodifiableMap(copy);
    }
}
