package io.sentio.satisfaction.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What PLS path modeling needs from the data: the number of cases, the indicator means, standard
 * deviations and the covariance and correlation matrices (sample covariance, denominator n − 1).
 * Produced by {@link IndicatorMoments#statistics(MissingValues)} or by a bootstrap resample.
 *
 * @param names       indicator names, unique
 * @param n           number of cases the statistics describe
 * @param means       indicator means
 * @param covariance  p×p sample covariance matrix
 */
public record IndicatorStatistics(List<String> names, long n, double[] means, double[][] covariance) {

    public IndicatorStatistics {
        names = List.copyOf(names);
        int p = names.size();
        if (means.length != p || covariance.length != p) {
            throw new IllegalArgumentException("statistics: " + p + " names but " + means.length + " means and "
                    + covariance.length + " covariance rows");
        }
        means = means.clone();
        double[][] copy = new double[p][];
        for (int j = 0; j < p; j++) {
            if (covariance[j].length != p) {
                throw new IllegalArgumentException("statistics: covariance row " + names.get(j) + " has "
                        + covariance[j].length + " columns, expected " + p);
            }
            copy[j] = covariance[j].clone();
        }
        covariance = copy;
    }

    public int size() {
        return names.size();
    }

    /** Column index of every indicator name. */
    public Map<String, Integer> positions() {
        var m = new HashMap<String, Integer>();
        for (int j = 0; j < names.size(); j++) {
            m.put(names.get(j), j);
        }
        return m;
    }

    /** Standard deviations (square roots of the covariance diagonal). */
    public double[] standardDeviations() {
        double[] sd = new double[names.size()];
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.sqrt(covariance[j][j]);
        }
        return sd;
    }

    /** Correlation matrix; NaN in the rows and columns of zero-variance indicators. */
    public double[][] correlation() {
        int p = names.size();
        double[] sd = standardDeviations();
        double[][] r = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                r[j][k] = j == k ? (sd[j] > 0 ? 1.0 : Double.NaN) : covariance[j][k] / (sd[j] * sd[k]);
            }
        }
        return r;
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[][] covariance() {
        double[][] c = new double[covariance.length][];
        for (int j = 0; j < c.length; j++) {
            c[j] = covariance[j].clone();
        }
        return c;
    }
}
