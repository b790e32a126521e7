package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.ConstructQuality;
import io.sentio.satisfaction.entity.Effect;
import io.sentio.satisfaction.entity.FornellLarcker;
import io.sentio.satisfaction.entity.IndicatorMoments;
import io.sentio.satisfaction.entity.IndicatorStatistics;
import io.sentio.satisfaction.entity.InnerScheme;
import io.sentio.satisfaction.entity.InvalidModelException;
import io.sentio.satisfaction.entity.Ipma;
import io.sentio.satisfaction.entity.ItemScale;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.satisfaction.entity.Mode;
import io.sentio.satisfaction.entity.PathCoefficient;
import io.sentio.satisfaction.entity.PathModel;
import io.sentio.satisfaction.entity.PlsResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * PLS path modeling (partial least squares, Wold 1982; Lohmöller 1989, "Latent variable path
 * modeling with partial least squares", ch. 2; Tenenhaus, Esposito Vinzi, Chatelin &amp; Lauro 2005,
 * "PLS path modeling", CSDA 48:159–205, sec. 2), computed from the indicator correlation matrix so
 * that it runs on sufficient statistics as well as on rows.
 *
 * <h2>Algorithm</h2>
 * Indicators are standardized (correlation matrix R). Construct scores are Y_j = X_j w_j with
 * w_j scaled so that Var(Y_j) = w_jᵀR_jj w_j = 1; so every score covariance is a correlation and
 * cor(Y_i, Y_j) = w_iᵀ R_ij w_j, cor(x_k, Y_j) = (R_kj w_j).
 * <ol>
 *   <li>Start with all outer weights 1 (scaled).</li>
 *   <li>Inner estimation: inner proxy Z_j = Σ_i e_ji Y_i over adjacent constructs, e_ji by the
 *       {@link InnerScheme}. A construct without paths uses its own score (e_jj = 1), so a one-block
 *       Mode A model converges to the first principal component.</li>
 *   <li>Outer estimation (all blocks simultaneously, Lohmöller's procedure):
 *       Mode A: w_j ∝ cov(X_j, Z_j) = Σ_i e_ji R_ji w_i; Mode B: w_j ∝ R_jj⁻¹ cov(X_j, Z_j); then scale.</li>
 *   <li>Stop when max |Δw| &lt; tolerance (default 1e-7) or after maxIterations (default 300;
 *       non-convergence is a warning).</li>
 *   <li>Sign: a construct whose loadings are mostly negative has its weights negated.</li>
 *   <li>Paths: OLS of each endogenous score on its predecessors, β = C_PP⁻¹ C_Pj, R² = βᵀC_Pj.</li>
 * </ol>
 * Construct indexes follow the ACSI convention (Fornell et al. 1996, "The American Customer
 * Satisfaction Index", J. Marketing 60:7–18, appendix): unstandardized weights w_k/s_k rescaled to
 * sum to 1 per block, index = 100·Σ w̃_k (x̄_k − min)/(max − min).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PlsEstimator {

    /**
     * Estimation settings.
     *
     * @param scheme        inner weighting scheme (default PATH)
     * @param scale         item scale for the 0–100 indexes (default 1–10)
     * @param missing       missing-value treatment (default mean replacement)
     * @param maxIterations cap on outer iterations (default 300)
     * @param tolerance     convergence tolerance on the largest outer-weight change (default 1e-7)
     */
    public record Settings(InnerScheme scheme, ItemScale scale, MissingValues missing, int maxIterations,
                           double tolerance) {

        public Settings {
            scheme = scheme == null ? InnerScheme.PATH : scheme;
            scale = scale == null ? ItemScale.ACSI : scale;
            missing = missing == null ? MissingValues.MEAN_REPLACEMENT : missing;
            if (maxIterations < 1) {
                throw new InvalidModelException("maxIterations: must be at least 1, got " + maxIterations);
            }
            if (!(tolerance > 0)) {
                throw new InvalidModelException("tolerance: must be positive, got " + tolerance);
            }
        }

        public static Settings defaults() {
            return new Settings(InnerScheme.PATH, ItemScale.ACSI, MissingValues.MEAN_REPLACEMENT, 300, 1e-7);
        }

        public Settings withScheme(InnerScheme s) {
            return new Settings(s, scale, missing, maxIterations, tolerance);
        }

        public Settings withScale(ItemScale s) {
            return new Settings(scheme, s, missing, maxIterations, tolerance);
        }

        public Settings withMissing(MissingValues m) {
            return new Settings(scheme, scale, m, maxIterations, tolerance);
        }

        public Settings withMaxIterations(int max) {
            return new Settings(scheme, scale, missing, max, tolerance);
        }
    }

    private final PathModel model;
    private final Settings settings;
    private final int m;
    private final int[][] preds;   // construct → predecessor construct positions
    private final int[][] succs;   // construct → successor construct positions
    private final int[] pathFrom;
    private final int[] pathTo;

    public PlsEstimator(PathModel model, Settings settings) {
        this.model = model;
        this.settings = settings;
        this.m = model.size();
        this.preds = new int[m][];
        this.succs = new int[m][];
        for (int a = 0; a < m; a++) {
            String name = model.constructs().get(a).name();
            preds[a] = model.predecessors(name).stream().mapToInt(model::indexOf).toArray();
            succs[a] = model.successors(name).stream().mapToInt(model::indexOf).toArray();
        }
        pathFrom = model.paths().stream().mapToInt(p -> model.indexOf(p.from())).toArray();
        pathTo = model.paths().stream().mapToInt(p -> model.indexOf(p.to())).toArray();
    }

    public PathModel model() {
        return model;
    }

    public Settings settings() {
        return settings;
    }

    /** Estimates the model from sufficient statistics, with the settings' missing-value treatment. */
    public PlsResult estimate(IndicatorMoments moments) {
        return estimate(moments.statistics(settings.missing()));
    }

    /** Estimates the model from means and covariances of (at least) the model's indicators. */
    public PlsResult estimate(IndicatorStatistics statistics) {
        Layout layout = layout(statistics.names());
        Fit fit = fit(layout, statistics);
        return report(layout, statistics, fit);
    }

    /**
     * Importance-performance map for {@code target} (Ringle &amp; Sarstedt 2016). With s_j the standard
     * deviation of the 0–100 rescaled score of construct j, s_j = 100 / ((max − min)·Σ_k w_k/σ_k) since
     * the standardized score has unit variance; the unstandardized total effect of i on the target t is
     * T_it · s_t / s_i.
     */
    public Ipma ipma(PlsResult result, IndicatorStatistics statistics, String target) {
        int t = model.indexOf(target);
        if (t < 0) {
            throw new InvalidModelException("target: construct '" + target + "' is not in the model");
        }
        var pos = statistics.positions();
        double[] sd = statistics.standardDeviations();
        double[] scoreSd = new double[m];
        for (int a = 0; a < m; a++) {
            double s = 0;
            for (String ind : model.constructs().get(a).indicators()) {
                s += result.outerWeights().get(ind) / sd[pos.get(ind)];
            }
            scoreSd[a] = 100.0 / ((settings.scale().max() - settings.scale().min()) * s);
        }
        var importance = new LinkedHashMap<String, Double>();
        var performance = new LinkedHashMap<String, Double>();
        for (int a = 0; a < m; a++) {
            String name = model.constructs().get(a).name();
            double total = result.totalEffect(name, target);
            if (a != t && total != 0.0) {
                importance.put(name, total * scoreSd[t] / scoreSd[a]);
                performance.put(name, result.indexes().get(name));
            }
        }
        return new Ipma(target, importance, performance, result.indexes().get(target));
    }

    // ------------------------------------------------------------------------------------------
    // Core, shared with the bootstrap.

    /** Positions of the model's indicators in a data set, block by block. */
    record Layout(int[] columns, int[][] blocks, int[] blockOf) {
    }

    Layout layout(List<String> dataNames) {
        var pos = new LinkedHashMap<String, Integer>();
        for (int j = 0; j < dataNames.size(); j++) {
            pos.put(dataNames.get(j), j);
        }
        List<String> inds = model.indicators();
        int[] columns = new int[inds.size()];
        int[][] blocks = new int[m][];
        int[] blockOf = new int[inds.size()];
        int k = 0;
        for (int a = 0; a < m; a++) {
            var c = model.constructs().get(a);
            blocks[a] = new int[c.indicators().size()];
            for (int i = 0; i < blocks[a].length; i++, k++) {
                Integer col = pos.get(c.indicators().get(i));
                if (col == null) {
                    throw new InvalidModelException("constructs." + c.name() + ": indicator '" + c.indicators().get(i)
                            + "' is not a column of the data");
                }
                columns[k] = col;
                blocks[a][i] = k;
                blockOf[k] = a;
            }
        }
        return new Layout(columns, blocks, blockOf);
    }

    /** The outcome of the iterative algorithm on model-ordered indicators. */
    static final class Fit {
        double[][] r;        // correlation of model indicators (p×p)
        double[] mean;       // model indicator means
        double[] sd;         // model indicator standard deviations
        double[] w;          // outer weights (unit-variance scores)
        double[][] v;        // v[k][a] = cor(x_k, Y_a)
        double[][] c;        // construct correlations
        double[] paths;      // per model path
        double[] r2;         // per construct (NaN if exogenous)
        double[] indexWeights;
        double[] indexes;
        int iterations;
        boolean converged;
    }

    /** Runs the algorithm; throws {@link InvalidModelException} on unusable data. */
    Fit fit(Layout layout, IndicatorStatistics statistics) {
        int p = layout.columns().length;
        double[] allMeans = statistics.means();
        double[][] cov = statistics.covariance();
        Fit f = new Fit();
        f.mean = new double[p];
        f.sd = new double[p];
        f.r = new double[p][p];
        for (int k = 0; k < p; k++) {
            int ck = layout.columns()[k];
            f.mean[k] = allMeans[ck];
            f.sd[k] = Math.sqrt(cov[ck][ck]);
            if (!(f.sd[k] > 0)) {
                throw new InvalidModelException("data: indicator '" + statistics.names().get(ck)
                        + "' has zero variance (every answer is the same)");
            }
        }
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                f.r[k][l] = k == l ? 1.0 : cov[layout.columns()[k]][layout.columns()[l]] / (f.sd[k] * f.sd[l]);
            }
        }
        iterate(layout, f);
        finish(layout, f);
        return f;
    }

    private void iterate(Layout layout, Fit f) {
        int[][] blocks = layout.blocks();
        int p = f.r.length;
        double[][] r = f.r;
        double[][][] modeBInverse = new double[m][][];
        for (int a = 0; a < m; a++) {
            if (model.constructs().get(a).mode() == Mode.B) {
                modeBInverse[a] = inverse(sub(r, blocks[a], blocks[a]), "block of construct '"
                        + model.constructs().get(a).name() + "' (Mode B needs non-collinear indicators)");
            }
        }
        double[] w = new double[p];
        java.util.Arrays.fill(w, 1.0);
        scale(w, blocks, r);
        double[][] v = new double[p][m];
        double[][] c = new double[m][m];
        double[][] e = new double[m][m];
        double[] next = new double[p];
        int it = 0;
        boolean converged = false;
        while (it < settings.maxIterations()) {
            it++;
            scores(w, blocks, r, v, c);
            innerWeights(c, e);
            for (int a = 0; a < m; a++) {
                int[] blk = blocks[a];
                double[] z = new double[blk.length];
                for (int i = 0; i < blk.length; i++) {
                    double s = 0;
                    for (int b = 0; b < m; b++) {
                        if (e[a][b] != 0.0) {
                            s += e[a][b] * v[blk[i]][b];
                        }
                    }
                    z[i] = s;
                }
                if (modeBInverse[a] != null) {
                    z = multiply(modeBInverse[a], z);
                }
                for (int i = 0; i < blk.length; i++) {
                    next[blk[i]] = z[i];
                }
            }
            scale(next, blocks, r);
            double change = 0;
            for (int k = 0; k < p; k++) {
                change = Math.max(change, Math.abs(next[k] - w[k]));
            }
            System.arraycopy(next, 0, w, 0, p);
            if (change < settings.tolerance()) {
                converged = true;
                break;
            }
        }
        f.w = w;
        f.v = v;
        f.c = c;
        f.iterations = it;
        f.converged = converged;
    }

    private void finish(Layout layout, Fit f) {
        int[][] blocks = layout.blocks();
        double[] w = f.w;
        scores(w, blocks, f.r, f.v, f.c);
        boolean flipped = false;
        for (int a = 0; a < m; a++) {
            int pos = 0;
            int neg = 0;
            for (int k : blocks[a]) {
                if (f.v[k][a] > 0) {
                    pos++;
                } else if (f.v[k][a] < 0) {
                    neg++;
                }
            }
            if (neg > pos) {
                for (int k : blocks[a]) {
                    w[k] = -w[k];
                }
                flipped = true;
            }
        }
        if (flipped) {
            scores(w, blocks, f.r, f.v, f.c);
        }
        f.paths = new double[pathFrom.length];
        f.r2 = new double[m];
        for (int a = 0; a < m; a++) {
            f.r2[a] = Double.NaN;
            if (preds[a].length == 0) {
                continue;
            }
            double[] beta = regression(f.c, preds[a], a);
            double r2 = 0;
            for (int i = 0; i < preds[a].length; i++) {
                r2 += beta[i] * f.c[preds[a][i]][a];
                for (int q = 0; q < pathFrom.length; q++) {
                    if (pathTo[q] == a && pathFrom[q] == preds[a][i]) {
                        f.paths[q] = beta[i];
                    }
                }
            }
            f.r2[a] = r2;
        }
        double lo = settings.scale().min();
        double range = settings.scale().max() - lo;
        f.indexWeights = new double[w.length];
        f.indexes = new double[m];
        for (int a = 0; a < m; a++) {
            double total = 0;
            for (int k : blocks[a]) {
                total += w[k] / f.sd[k];
            }
            double index = 0;
            for (int k : blocks[a]) {
                f.indexWeights[k] = w[k] / f.sd[k] / total;
                index += f.indexWeights[k] * (f.mean[k] - lo) / range;
            }
            f.indexes[a] = 100.0 * index;
        }
    }

    /** Scales each block's weights so that its score has unit variance. */
    private static void scale(double[] w, int[][] blocks, double[][] r) {
        for (int[] blk : blocks) {
            double var = 0;
            for (int k : blk) {
                for (int l : blk) {
                    var += w[k] * r[k][l] * w[l];
                }
            }
            if (!(var > 1e-300)) {
                throw new InvalidModelException("data: a construct score has zero variance (outer weights vanished)");
            }
            double s = 1.0 / Math.sqrt(var);
            for (int k : blk) {
                w[k] *= s;
            }
        }
    }

    /** v[k][a] = cor(x_k, Y_a) = Σ_{l∈a} r_kl w_l; c[a][b] = cor(Y_a, Y_b) = Σ_{k∈a} w_k v[k][b]. */
    private void scores(double[] w, int[][] blocks, double[][] r, double[][] v, double[][] c) {
        int p = w.length;
        for (int k = 0; k < p; k++) {
            double[] rk = r[k];
            for (int a = 0; a < m; a++) {
                double s = 0;
                for (int l : blocks[a]) {
                    s += rk[l] * w[l];
                }
                v[k][a] = s;
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double s = 0;
                for (int k : blocks[a]) {
                    s += w[k] * v[k][b];
                }
                c[a][b] = s;
            }
        }
    }

    private void innerWeights(double[][] c, double[][] e) {
        for (double[] row : e) {
            java.util.Arrays.fill(row, 0.0);
        }
        for (int a = 0; a < m; a++) {
            if (preds[a].length == 0 && succs[a].length == 0) {
                e[a][a] = 1.0;
                continue;
            }
            switch (settings.scheme()) {
                case CENTROID -> {
                    for (int b : preds[a]) {
                        e[a][b] = Math.signum(c[a][b]);
                    }
                    for (int b : succs[a]) {
                        e[a][b] = Math.signum(c[a][b]);
                    }
                }
                case FACTORIAL -> {
                    for (int b : preds[a]) {
                        e[a][b] = c[a][b];
                    }
                    for (int b : succs[a]) {
                        e[a][b] = c[a][b];
                    }
                }
                case PATH -> {
                    if (preds[a].length > 0) {
                        double[] beta = regression(c, preds[a], a);
                        for (int i = 0; i < preds[a].length; i++) {
                            e[a][preds[a][i]] = beta[i];
                        }
                    }
                    for (int b : succs[a]) {
                        e[a][b] = c[a][b];
                    }
                }
            }
        }
    }

    /** Standardized OLS coefficients of construct {@code y} on {@code xs}: C_xx⁻¹ C_xy. */
    private double[] regression(double[][] c, int[] xs, int y) {
        double[] rhs = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            rhs[i] = c[xs[i]][y];
        }
        if (xs.length == 1) {
            return rhs;
        }
        double[][] cxx = sub(c, xs, xs);
        try {
            return new LUDecomposition(new Array2DRowRealMatrix(cxx, false)).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(rhs, false)).toArray();
        } catch (SingularMatrixException ex) {
            throw new InvalidModelException("data: the predecessors of construct '" + model.constructs().get(y).name()
                    + "' have collinear scores");
        }
    }

    private static double[][] sub(double[][] a, int[] rows, int[] cols) {
        double[][] s = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                s[i][j] = a[rows[i]][cols[j]];
            }
        }
        return s;
    }

    private static double[][] inverse(double[][] a, String what) {
        try {
            return new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().getInverse().getData();
        } catch (SingularMatrixException ex) {
            throw new InvalidModelException("data: singular correlation matrix of the " + what);
        }
    }

    private static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    // ------------------------------------------------------------------------------------------
    // Reporting.

    private PlsResult report(Layout layout, IndicatorStatistics statistics, Fit f) {
        List<String> inds = model.indicators();
        List<String> names = model.constructs().stream().map(c -> c.name()).toList();
        int p = inds.size();
        long n = statistics.n();
        var warnings = new ArrayList<String>();
        int arrows = model.maxArrowsIntoConstruct();
        if (n < 10L * arrows) {
            warnings.add("sample: " + n + " cases is fewer than 10 times the largest number of arrows into a construct ("
                    + arrows + "); estimates may be unstable (Hair et al. 2011)");
        }
        if (!f.converged) {
            warnings.add("convergence: outer weights did not converge to " + settings.tolerance() + " within "
                    + settings.maxIterations() + " iterations");
        }
        var paths = new ArrayList<PathCoefficient>();
        for (int q = 0; q < pathFrom.length; q++) {
            paths.add(new PathCoefficient(names.get(pathFrom[q]), names.get(pathTo[q]), f.paths[q], null));
        }
        var weights = new LinkedHashMap<String, Double>();
        var loadings = new LinkedHashMap<String, Double>();
        var cross = new LinkedHashMap<String, Map<String, Double>>();
        var indexWeights = new LinkedHashMap<String, Double>();
        for (int k = 0; k < p; k++) {
            weights.put(inds.get(k), f.w[k]);
            loadings.put(inds.get(k), f.v[k][layout.blockOf()[k]]);
            indexWeights.put(inds.get(k), f.indexWeights[k]);
            var row = new LinkedHashMap<String, Double>();
            for (int a = 0; a < m; a++) {
                row.put(names.get(a), f.v[k][a]);
            }
            cross.put(inds.get(k), row);
        }
        var r2 = new LinkedHashMap<String, Double>();
        var adj = new LinkedHashMap<String, Double>();
        for (int a = 0; a < m; a++) {
            if (preds[a].length > 0) {
                r2.put(names.get(a), f.r2[a]);
                int kPred = preds[a].length;
                adj.put(names.get(a), n - kPred - 1 > 0 ? 1 - (1 - f.r2[a]) * (n - 1) / (n - kPred - 1) : Double.NaN);
            }
        }
        var corr = new LinkedHashMap<String, Map<String, Double>>();
        for (int a = 0; a < m; a++) {
            var row = new LinkedHashMap<String, Double>();
            for (int b = 0; b < m; b++) {
                row.put(names.get(b), f.c[a][b]);
            }
            corr.put(names.get(a), row);
        }
        var quality = new LinkedHashMap<String, ConstructQuality>();
        double[] ave = new double[m];
        double[][] cov = statistics.covariance();
        for (int a = 0; a < m; a++) {
            quality.put(names.get(a), quality(layout, f, a, cov));
            ave[a] = quality.get(names.get(a)).ave();
        }
        var fl = new ArrayList<FornellLarcker>();
        for (int a = 0; a < m; a++) {
            double max = 0;
            for (int b = 0; b < m; b++) {
                if (b != a) {
                    max = Math.max(max, Math.abs(f.c[a][b]));
                }
            }
            double root = Math.sqrt(ave[a]);
            fl.add(new FornellLarcker(names.get(a), root, max, root > max));
        }
        var htmt = new LinkedHashMap<String, Map<String, Double>>();
        for (int a = 0; a < m; a++) {
            var row = new LinkedHashMap<String, Double>();
            for (int b = 0; b < m; b++) {
                if (b != a) {
                    row.put(names.get(b), htmt(f.r, layout.blocks()[a], layout.blocks()[b]));
                }
            }
            htmt.put(names.get(a), row);
        }
        double communality = 0;
        int communalityCount = 0;
        for (int a = 0; a < m; a++) {
            if (layout.blocks()[a].length > 1 && model.constructs().get(a).mode() == Mode.A) {
                for (int k : layout.blocks()[a]) {
                    communality += f.v[k][a] * f.v[k][a];
                    communalityCount++;
                }
            }
        }
        double meanR2 = r2.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double gof = communalityCount == 0 ? Double.NaN : Math.sqrt(communality / communalityCount * meanR2);
        var indexes = new LinkedHashMap<String, Double>();
        for (int a = 0; a < m; a++) {
            indexes.put(names.get(a), f.indexes[a]);
            for (int k : layout.blocks()[a]) {
                if (f.indexWeights[k] < 0) {
                    warnings.add("index: indicator '" + inds.get(k) + "' has a negative weight in construct '"
                            + names.get(a) + "'; its 0–100 index is not a weighted average of its items");
                    break;
                }
            }
        }
        return new PlsResult(settings.scheme(), n, f.iterations, f.converged, paths, weights, loadings, cross, r2, adj,
                effects(f, names), corr, quality, fl, htmt, gof, indexWeights, indexes, null, warnings);
    }

    private ConstructQuality quality(Layout layout, Fit f, int a, double[][] cov) {
        int[] blk = layout.blocks()[a];
        int k = blk.length;
        if (k == 1) {
            return new ConstructQuality(1, 1, 1, 1, 1);
        }
        double sumL = 0;
        double sumL2 = 0;
        for (int i : blk) {
            double l = f.v[i][a];
            sumL += l;
            sumL2 += l * l;
        }
        double ave = sumL2 / k;
        double rhoC = sumL * sumL / (sumL * sumL + (k - sumL2));
        double rbar = 0;
        double w2 = 0;
        double w4 = 0;
        double offDiag = 0;
        double rawItems = 0;
        double rawTotal = 0;
        for (int i : blk) {
            w2 += f.w[i] * f.w[i];
            w4 += Math.pow(f.w[i], 4);
            int ci = layout.columns()[i];
            rawItems += cov[ci][ci];
            for (int j : blk) {
                rawTotal += cov[ci][layout.columns()[j]];
                if (i != j) {
                    rbar += f.r[i][j];
                    offDiag += f.w[i] * f.r[i][j] * f.w[j];
                }
            }
        }
        rbar /= k * (k - 1);
        double alpha = k * rbar / (1 + (k - 1) * rbar);
        double alphaRaw = (double) k / (k - 1) * (1 - rawItems / rawTotal);
        double rhoA = w2 * w2 * offDiag / (w2 * w2 - w4);
        return new ConstructQuality(ave, alpha, alphaRaw, rhoC, rhoA);
    }

    /**
     * Heterotrait-monotrait ratio (Henseler, Ringle &amp; Sarstedt 2015, "A new criterion for assessing
     * discriminant validity", JAMS 43:115–135, eq. 6): mean heterotrait correlation over the geometric
     * mean of the two mean monotrait (off-diagonal) correlations. NaN for single-indicator blocks.
     */
    private static double htmt(double[][] r, int[] a, int[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double hetero = 0;
        for (int i : a) {
            for (int j : b) {
                hetero += r[i][j];
            }
        }
        hetero /= a.length * b.length;
        return hetero / Math.sqrt(monotrait(r, a) * monotrait(r, b));
    }

    private static double monotrait(double[][] r, int[] blk) {
        double s = 0;
        for (int i = 0; i < blk.length; i++) {
            for (int j = i + 1; j < blk.length; j++) {
                s += r[blk[i]][blk[j]];
            }
        }
        return s / (blk.length * (blk.length - 1) / 2.0);
    }

    private List<Effect> effects(Fit f, List<String> names) {
        double[][] direct = new double[m][m];
        for (int q = 0; q < pathFrom.length; q++) {
            direct[pathFrom[q]][pathTo[q]] = f.paths[q];
        }
        double[][] total = new double[m][m];
        double[][] power = direct;
        for (int step = 1; step < m; step++) {
            boolean any = false;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    total[i][j] += power[i][j];
                    any |= power[i][j] != 0.0;
                }
            }
            if (!any) {
                break;
            }
            double[][] nextPower = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int l = 0; l < m; l++) {
                    if (power[i][l] != 0.0) {
                        for (int j = 0; j < m; j++) {
                            nextPower[i][j] += power[i][l] * direct[l][j];
                        }
                    }
                }
            }
            power = nextPower;
        }
        var effects = new ArrayList<Effect>();
        boolean[][] reach = reachability();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (reach[i][j]) {
                    effects.add(new Effect(names.get(i), names.get(j), direct[i][j], total[i][j] - direct[i][j],
                            total[i][j]));
                }
            }
        }
        return effects;
    }

    private boolean[][] reachability() {
        boolean[][] reach = new boolean[m][m];
        for (int q = 0; q < pathFrom.length; q++) {
            reach[pathFrom[q]][pathTo[q]] = true;
        }
        for (int l = 0; l < m; l++) {
            for (int i = 0; i < m; i++) {
                if (reach[i][l]) {
                    for (int j = 0; j < m; j++) {
                        reach[i][j] |= reach[l][j];
                    }
                }
            }
        }
        return reach;
    }
}
