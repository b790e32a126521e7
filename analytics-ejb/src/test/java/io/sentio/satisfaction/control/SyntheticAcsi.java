package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.Construct;
import io.sentio.satisfaction.entity.PathModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A known ACSI population: standardized latent variables follow the structural equations below, and
 * each indicator is x = λ·η + √(1 − λ²)·ε with equal loadings λ per block (a common factor model).
 * Optionally discretized to a 1–10 scale like survey answers.
 */
public final class SyntheticAcsi {

    public static final String[] CONSTRUCTS = {"expectation", "quality", "value", "satisfaction", "complaints", "loyalty"};
    public static final int[] BLOCK_SIZES = {3, 3, 2, 3, 1, 2};
    public static final double LOADING = 0.85;

    /** Structural coefficients B[from][to] (standardized latent scale). */
    public static final double[][] B = new double[6][6];

    static {
        B[0][1] = 0.5;
        B[0][2] = 0.2;
        B[1][2] = 0.5;
        B[0][3] = 0.15;
        B[1][3] = 0.45;
        B[2][3] = 0.3;
        B[3][4] = -0.4;
        B[3][5] = 0.5;
        B[4][5] = -0.15;
    }

    private SyntheticAcsi() {
    }

    public static PathModel model() {
        var cs = new ArrayList<Construct>();
        for (int a = 0; a < 6; a++) {
            cs.add(new Construct(CONSTRUCTS[a], indicators(a), io.sentio.satisfaction.entity.Mode.A));
        }
        return new PathModel(cs, PathModel.ACSI_PATHS);
    }

    public static List<String> indicators(int construct) {
        var l = new ArrayList<String>();
        for (int i = 1; i <= BLOCK_SIZES[construct]; i++) {
            l.add(CONSTRUCTS[construct].substring(0, 3).toUpperCase() + i);
        }
        return l;
    }

    public static List<String> names() {
        var l = new ArrayList<String>();
        for (int a = 0; a < 6; a++) {
            l.addAll(indicators(a));
        }
        return l;
    }

    /** Latent correlation matrix Φ implied by B with unit latent variances. */
    public static double[][] latentCorrelation() {
        double[][] phi = new double[6][6];
        for (int a = 0; a < 6; a++) {
            phi[a][a] = 1;
            for (int b = 0; b < a; b++) {
                double s = 0;
                for (int c = 0; c < a; c++) {
                    s += B[c][a] * phi[c][b];
                }
                phi[a][b] = s;
                phi[b][a] = s;
            }
        }
        return phi;
    }

    /** Rows from the population; discretized answers are round(5.5 + 1.5·x) clipped to 1–10. */
    public static double[][] rows(int n, long seed, boolean discretize) {
        double[][] phi = latentCorrelation();
        double[] resid = new double[6];
        for (int a = 0; a < 6; a++) {
            double explained = 0;
            for (int c = 0; c < a; c++) {
                explained += B[c][a] * phi[c][a];
            }
            resid[a] = Math.sqrt(1 - explained);
        }
        var rnd = new SplittableRandom(seed);
        int p = names().size();
        double[][] rows = new double[n][p];
        double[] eta = new double[6];
        double e = Math.sqrt(1 - LOADING * LOADING);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 6; a++) {
                double s = resid[a] * gaussian(rnd);
                for (int c = 0; c < a; c++) {
                    s += B[c][a] * eta[c];
                }
                eta[a] = s;
            }
            int k = 0;
            for (int a = 0; a < 6; a++) {
                for (int j = 0; j < BLOCK_SIZES[a]; j++) {
                    double x = LOADING * eta[a] + e * gaussian(rnd);
                    rows[i][k++] = discretize ? Math.max(1, Math.min(10, Math.rint(5.5 + 1.5 * x))) : x;
                }
            }
        }
        return rows;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian before JDK 17's RandomGenerator default.
        return r.nextGaussian();
    }
}
