package io.sentio.satisfaction.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.sentio.satisfaction.entity.Construct;
import io.sentio.satisfaction.entity.IndicatorMoments;
import io.sentio.satisfaction.entity.InnerScheme;
import io.sentio.satisfaction.entity.InvalidModelException;
import io.sentio.satisfaction.entity.ItemScale;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.satisfaction.entity.Path;
import io.sentio.satisfaction.entity.PathModel;
import io.sentio.satisfaction.entity.PlsResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlsEstimatorTest {

    static final PlsEstimator.Settings DEFAULTS = PlsEstimator.Settings.defaults();

    static IndicatorMoments moments(List<String> names, double[][] rows) {
        var m = IndicatorMoments.of(names);
        for (double[] r : rows) {
            m.add(r);
        }
        return m;
    }

    static double column(double[][] rows, int j, int i) {
        return rows[i][j];
    }

    @ParameterizedTest
    @EnumSource(InnerScheme.class)
    void twoSingleIndicatorConstructsGiveTheCorrelationAsPath(InnerScheme scheme) {
        var r = new SplittableRandom(5);
        double[][] rows = new double[500][2];
        for (double[] row : rows) {
            row[0] = r.nextGaussian();
            row[1] = 0.4 * row[0] + r.nextGaussian();
        }
        var model = new PathModel(List.of(Construct.reflective("x", "X"), Construct.reflective("y", "Y")),
                List.of(new Path("x", "y")));
        PlsResult res = new PlsEstimator(model, DEFAULTS.withScheme(scheme)).estimate(moments(List.of("X", "Y"), rows));
        double corr = new PearsonsCorrelation().correlation(Arrays.stream(rows).mapToDouble(x -> x[0]).toArray(),
                Arrays.stream(rows).mapToDouble(x -> x[1]).toArray());
        assertThat(res.path("x", "y")).isCloseTo(corr, within(1e-12));
        assertThat(res.rSquared().get("y")).isCloseTo(corr * corr, within(1e-12));
        assertThat(res.loadings().get("X")).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oneBlockModeAFollowsTheSumScoreThenTheFirstPrincipalComponent() {
        var r = new SplittableRandom(6);
        double[][] rows = new double[800][4];
        double[] load = {0.9, 0.7, 0.5, 0.3};
        for (double[] row : rows) {
            double f = r.nextGaussian();
            for (int j = 0; j < 4; j++) {
                row[j] = load[j] * f + r.nextGaussian();
            }
        }
        var names = List.of("a", "b", "c", "d");
        var model = new PathModel(List.of(new Construct("f", names, io.sentio.satisfaction.entity.Mode.A)), List.of());
        var stats = moments(names, rows).statistics(MissingValues.MEAN_REPLACEMENT);
        double[][] corr = new PearsonsCorrelation(rows).getCorrelationMatrix().getData();

        // First iteration from weights 1: w ∝ cov(x_k, sum score) = Σ_l r_kl.
        PlsResult one = new PlsEstimator(model, DEFAULTS.withMaxIterations(1)).estimate(stats);
        double[] rowSums = Arrays.stream(corr).mapToDouble(x -> Arrays.stream(x).sum()).toArray();
        assertProportional(weights(one, names), rowSums);
        assertThat(one.converged()).isFalse();
        assertThat(one.warnings()).anyMatch(w -> w.startsWith("convergence"));

        // At convergence: the dominant eigenvector of R (power iteration).
        PlsResult full = new PlsEstimator(model, DEFAULTS).estimate(stats);
        var eig = new EigenDecomposition(new Array2DRowRealMatrix(corr));
        int top = 0;
        for (int i = 1; i < 4; i++) {
            if (eig.getRealEigenvalue(i) > eig.getRealEigenvalue(top)) {
                top = i;
            }
        }
        assertProportional(weights(full, names), eig.getEigenvector(top).toArray());
        assertThat(full.converged()).isTrue();
    }

    static double[] weights(PlsResult r, List<String> names) {
        return names.stream().mapToDouble(n -> r.outerWeights().get(n)).toArray();
    }

    static void assertProportional(double[] a, double[] b) {
        double ratio = a[0] / b[0];
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(ratio * b[i], within(1e-6));
        }
    }

    @Test
    void rescalingOrShiftingAnIndicatorChangesNoStandardizedResult() {
        TestData data = TestData.load("acsi_synthetic_n1000_seed42.csv");
        double[][] changed = Arrays.stream(data.rows()).map(double[]::clone).toArray(double[][]::new);
        int pq2 = data.column("PQ2");
        int cc1 = data.column("CC1");
        for (double[] row : changed) {
            row[pq2] = 3.5 * row[pq2] - 40;
            row[cc1] = 0.01 * row[cc1] + 1e6;
        }
        var est = new PlsEstimator(AcsiReferenceTest.MODEL, DEFAULTS);
        PlsResult a = est.estimate(data.moments());
        PlsResult b = est.estimate(moments(data.names(), changed));
        for (var p : a.paths()) {
            assertThat(b.path(p.from(), p.to())).isCloseTo(p.coefficient(), within(1e-9));
        }
        a.outerWeights().forEach((k, v) -> assertThat(b.outerWeights().get(k)).isCloseTo(v, within(1e-9)));
        a.loadings().forEach((k, v) -> assertThat(b.loadings().get(k)).isCloseTo(v, within(1e-9)));
        a.rSquared().forEach((k, v) -> assertThat(b.rSquared().get(k)).isCloseTo(v, within(1e-9)));
        assertThat(b.quality().get("PQ").rhoA()).isCloseTo(a.quality().get("PQ").rhoA(), within(1e-9));
        assertThat(b.gof()).isCloseTo(a.gof(), within(1e-9));
    }

    @Test
    void fastMatrixMomentsEqualRowByRowMoments() {
        TestData data = TestData.load("mobi.csv");
        double[][] rows = Arrays.stream(data.rows()).map(double[]::clone).toArray(double[][]::new);
        rows[3][2] = Double.NaN; // exercise the incomplete-row path too
        rows[17][10] = Double.NaN;
        var est = new PlsEstimator(ecsi(), DEFAULTS);
        ItemMatrix matrix = ItemMatrix.of(data.names(), rows);
        assertThat(matrix.isCompact()).isTrue();
        PlsResult fast = est.estimate(matrix.moments());
        PlsResult slow = est.estimate(moments(data.names(), rows));
        for (var p : slow.paths()) {
            assertThat(fast.path(p.from(), p.to())).isCloseTo(p.coefficient(), within(1e-12));
        }
        slow.indexes().forEach((k, v) -> assertThat(fast.indexes().get(k)).isCloseTo(v, within(1e-10)));
    }

    static PathModel ecsi() {
        var cs = List.of(Construct.reflective("image", "IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5"),
                Construct.reflective("expectation", "CUEX1", "CUEX2", "CUEX3"),
                Construct.reflective("quality", "PERQ1", "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7"),
                Construct.reflective("value", "PERV1", "PERV2"),
                Construct.reflective("satisfaction", "CUSA1", "CUSA2", "CUSA3"),
                Construct.reflective("complaints", "CUSCO"),
                Construct.reflective("loyalty", "CUSL1", "CUSL2", "CUSL3"));
        var paths = new ArrayList<>(PathModel.ECSI_IMAGE_PATHS);
        paths.addAll(PathModel.ACSI_PATHS);
        return new PathModel(cs, paths);
    }

    /**
     * ECSI on mobi against published software output: seminr 2.x {@code estimate_pls} (R; path weighting,
     * Mode A composites, at most 300 iterations, stop criterion 1e-7), the full ECSI model of its demo
     * {@code seminr-pls-ecsi.R}, as recorded in the parity fixtures of sem-in-r/seminr-ts
     * ({@code tests/fixtures/expected/M2_full_ecsi.json}). The same coefficients appear, rounded to three
     * decimals, in Monecke &amp; Leisch (2012), semPLS, JSS 48(3). Outer weights there are scaled to
     * unit-variance scores, as here.
     */
    @Test
    void ecsiOnMobiReproducesSeminr() {
        TestData data = TestData.load("mobi.csv");
        PlsResult res = new PlsEstimator(ecsi(), DEFAULTS.withScheme(InnerScheme.PATH)).estimate(data.moments());
        assertThat(res.converged()).isTrue();
        double[][] paths = {
                // from, to as in ecsi(); seminr's path_coef
                {0.50491393362921}, {0.178739500119218}, {0.195755333112827}, // image → expectation, satisfaction, loyalty
                {0.556748962354268}, {0.0499883925356608}, {0.0625228695392276}, // expectation → quality, value, satisfaction
                {0.558304379470818}, {0.512023940041866}, // quality → value, satisfaction
                {0.194765104190193}, // value → satisfaction
                {0.528066246257102}, {0.485477623599999}, // satisfaction → complaints, loyalty
                {0.0669260690288726}}; // complaints → loyalty
        String[][] pathNames = {{"image", "expectation"}, {"image", "satisfaction"}, {"image", "loyalty"},
                {"expectation", "quality"}, {"expectation", "value"}, {"expectation", "satisfaction"},
                {"quality", "value"}, {"quality", "satisfaction"}, {"value", "satisfaction"},
                {"satisfaction", "complaints"}, {"satisfaction", "loyalty"}, {"complaints", "loyalty"}};
        for (int i = 0; i < paths.length; i++) {
            assertThat(res.path(pathNames[i][0], pathNames[i][1])).as("%s → %s", pathNames[i][0], pathNames[i][1])
                    .isCloseTo(paths[i][0], within(1e-6));
        }
        String[] indicators = {"IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5", "CUEX1", "CUEX2", "CUEX3", "PERQ1",
                "PERQ2", "PERQ3", "PERQ4", "PERQ5", "PERQ6", "PERQ7", "PERV1", "PERV2", "CUSA1", "CUSA2", "CUSA3",
                "CUSCO", "CUSL1", "CUSL2", "CUSL3"};
        double[] loadings = {0.74520807291295, 0.599200382471533, 0.576358953065159, 0.768761659165522,
                0.744452429374382, 0.77076716903232, 0.691245474013756, 0.607812640593406, 0.803178125267657,
                0.638146439777288, 0.783746918348657, 0.769479738789211, 0.754721358853526, 0.774643309682286,
                0.779864828705122, 0.902211201206701, 0.939624777144795, 0.792412434110373, 0.847021459835081,
                0.856692681286538, 1, 0.820413196007856, 0.202021709399004, 0.915436286843637};
        double[] weights = {0.301312155028411, 0.259691153052593, 0.217923053132011, 0.328503566516196,
                0.324681406422246, 0.521180678858356, 0.473679656202755, 0.445634241589667, 0.213175042168097,
                0.144721694382767, 0.200017711320445, 0.17939946745695, 0.17863569156493, 0.179120737056174,
                0.21548152497645, 0.479282452283568, 0.604056019821715, 0.364864858320206, 0.383156041120828,
                0.450961200721565, 1, 0.460664728419479, 0.114269525625845, 0.654310585650237};
        for (int i = 0; i < indicators.length; i++) {
            assertThat(res.loadings().get(indicators[i])).as("loading of %s", indicators[i])
                    .isCloseTo(loadings[i], within(1e-6));
            assertThat(res.outerWeights().get(indicators[i])).as("weight of %s", indicators[i])
                    .isCloseTo(weights[i], within(1e-6));
        }
        String[] endogenous = {"expectation", "satisfaction", "loyalty", "quality", "value", "complaints"};
        double[] r2 = {0.254938080372923, 0.681078291389478, 0.456944454679426, 0.309969407082555,
                0.345278941898147, 0.278853960436066};
        double[] adjusted = {0.251933798438943, 0.675871406350939, 0.450321826077956, 0.3071870256595,
                0.339977556812302, 0.275946113502341};
        for (int i = 0; i < endogenous.length; i++) {
            assertThat(res.rSquared().get(endogenous[i])).as("R² of %s", endogenous[i]).isCloseTo(r2[i], within(1e-6));
            assertThat(res.adjustedRSquared().get(endogenous[i])).as("adjusted R² of %s", endogenous[i])
                    .isCloseTo(adjusted[i], within(1e-6));
        }
        assertThat(res.totalEffect("image", "loyalty")).isCloseTo(0.398732384192996, within(1e-6));
        assertThat(res.totalEffect("quality", "loyalty")).isCloseTo(0.323304735993431, within(1e-6));
    }

    /**
     * ECSI on mobi: scores rebuilt from the raw rows with the reported weights must have unit variance,
     * reproduce the loadings as plain correlations, and the paths and R² as OLS on those scores
     * (computed independently with Commons Math regression).
     */
    @ParameterizedTest
    @EnumSource(InnerScheme.class)
    void ecsiOnMobiIsConsistentWithScoresFromTheRows(InnerScheme scheme) {
        TestData data = TestData.load("mobi.csv");
        PathModel model = ecsi();
        PlsResult res = new PlsEstimator(model, DEFAULTS.withScheme(scheme)).estimate(data.moments());
        assertThat(res.converged()).isTrue();
        assertThat(res.n()).isEqualTo(250);
        int n = data.rows().length;
        var mean = new double[data.names().size()];
        var sd = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            final int c = j;
            var ds = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(
                    Arrays.stream(data.rows()).mapToDouble(r -> r[c]).toArray());
            mean[j] = ds.getMean();
            sd[j] = ds.getStandardDeviation();
        }
        double[][] scores = new double[model.size()][n];
        for (int a = 0; a < model.size(); a++) {
            for (String ind : model.constructs().get(a).indicators()) {
                int j = data.column(ind);
                double w = res.outerWeights().get(ind);
                for (int i = 0; i < n; i++) {
                    scores[a][i] += w * (data.rows()[i][j] - mean[j]) / sd[j];
                }
            }
            double var = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(scores[a]).getVariance();
            assertThat(var).as("score variance").isCloseTo(1.0, within(1e-10));
            for (String ind : model.constructs().get(a).indicators()) {
                final int j = data.column(ind);
                double r = new PearsonsCorrelation().correlation(
                        Arrays.stream(data.rows()).mapToDouble(row -> row[j]).toArray(), scores[a]);
                assertThat(res.loadings().get(ind)).as("loading " + ind).isCloseTo(r, within(1e-10));
            }
        }
        for (String endo : model.endogenous()) {
            List<String> preds = model.predecessors(endo);
            double[][] x = new double[n][preds.size()];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < preds.size(); k++) {
                    x[i][k] = scores[model.indexOf(preds.get(k))][i];
                }
            }
            var ols = new OLSMultipleLinearRegression();
            ols.newSampleData(scores[model.indexOf(endo)], x);
            double[] beta = ols.estimateRegressionParameters();
            for (int k = 0; k < preds.size(); k++) {
                assertThat(res.path(preds.get(k), endo)).as(preds.get(k) + "->" + endo).isCloseTo(beta[k + 1], within(1e-9));
            }
            assertThat(res.rSquared().get(endo)).isCloseTo(ols.calculateRSquared(), within(1e-9));
            assertThat(res.adjustedRSquared().get(endo)).isCloseTo(ols.calculateAdjustedRSquared(), within(1e-9));
        }
        // total effect of image on loyalty = direct + every indirect chain (hand-expanded).
        double viaSat = res.path("image", "satisfaction") * (res.path("satisfaction", "loyalty")
                + res.path("satisfaction", "complaints") * res.path("complaints", "loyalty"));
        double viaExp = res.path("image", "expectation") * res.totalEffect("expectation", "satisfaction")
                * (res.path("satisfaction", "loyalty") + res.path("satisfaction", "complaints") * res.path("complaints", "loyalty"));
        assertThat(res.totalEffect("image", "loyalty"))
                .isCloseTo(res.path("image", "loyalty") + viaSat + viaExp, within(1e-12));
        assertThat(res.indexes().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
        assertThat(res.warnings()).isEmpty();
    }

    @Test
    void populationPathsAreRecoveredAtLargeN() {
        // Equal loadings λ within each block make equal Mode A weights the PLS fixed point, so the population
        // composite correlations are a_i a_j Φ_ij with a = √(kλ²/(1 + (k − 1)λ²)) and the population PLS
        // paths are OLS on that matrix; loadings are √((1 + (k − 1)λ²)/k).
        int n = 100_000;
        double[][] rows = SyntheticAcsi.rows(n, 11, false);
        PathModel model = SyntheticAcsi.model();
        PlsResult res = new PlsEstimator(model, DEFAULTS).estimate(moments(SyntheticAcsi.names(), rows));
        double[][] phi = SyntheticAcsi.latentCorrelation();
        double l2 = SyntheticAcsi.LOADING * SyntheticAcsi.LOADING;
        double[] a = new double[6];
        for (int c = 0; c < 6; c++) {
            int k = SyntheticAcsi.BLOCK_SIZES[c];
            a[c] = Math.sqrt(k * l2 / (1 + (k - 1) * l2));
            double loading = Math.sqrt((1 + (k - 1) * l2) / k);
            for (String ind : SyntheticAcsi.indicators(c)) {
                assertThat(res.loadings().get(ind)).as(ind).isCloseTo(loading, within(0.01));
            }
        }
        for (String endo : model.endogenous()) {
            int t = model.indexOf(endo);
            List<String> preds = model.predecessors(endo);
            int m = preds.size();
            double[][] cxx = new double[m][m];
            double[] cxy = new double[m];
            for (int i = 0; i < m; i++) {
                int pi = model.indexOf(preds.get(i));
                cxy[i] = a[pi] * a[t] * phi[pi][t];
                for (int j = 0; j < m; j++) {
                    int pj = model.indexOf(preds.get(j));
                    cxx[i][j] = i == j ? 1 : a[pi] * a[pj] * phi[pi][pj];
                }
            }
            double[] beta = new org.apache.commons.math3.linear.LUDecomposition(new Array2DRowRealMatrix(cxx))
                    .getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(cxy)).toArray();
            for (int i = 0; i < m; i++) {
                // SE of a standardized path at n = 100,000 is about 0.003-0.005: 0.02 is > 4 SE.
                assertThat(res.path(preds.get(i), endo)).as(preds.get(i) + "->" + endo).isCloseTo(beta[i], within(0.02));
            }
        }
    }

    @Test
    void warnsOnSmallSamplesAndRejectsUnusableData() {
        TestData data = TestData.load("acsi_synthetic_n1000_seed42.csv");
        var small = IndicatorMoments.of(data.names());
        for (int i = 0; i < 25; i++) {
            small.add(data.rows()[i]);
        }
        PlsResult r = new PlsEstimator(AcsiReferenceTest.MODEL, DEFAULTS).estimate(small);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("sample: 25 cases"));

        var constant = IndicatorMoments.of(List.of("X", "Y"));
        constant.add(new double[] {1, 2});
        constant.add(new double[] {1, 3});
        var model = new PathModel(List.of(Construct.reflective("x", "X"), Construct.reflective("y", "Y")),
                List.of(new Path("x", "y")));
        assertThatThrownBy(() -> new PlsEstimator(model, DEFAULTS).estimate(constant))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("'X' has zero variance");
        var missingColumn = new PathModel(List.of(Construct.reflective("x", "X"), Construct.reflective("y", "Z")),
                List.of(new Path("x", "y")));
        assertThatThrownBy(() -> new PlsEstimator(missingColumn, DEFAULTS).estimate(data.moments()))
                .hasMessageContaining("indicator 'X' is not a column");
        assertThatThrownBy(() -> ItemMatrix.parseCsv("A,B\n1,2\n3,x\n")).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("line 3, column B: 'x' is not a number");
        assertThatThrownBy(() -> new ItemScale(10, 1)).isInstanceOf(InvalidModelException.class);
    }

    @Test
    void modeBWeightsAreRegressionWeights() {
        // A formative block predicting a single-indicator outcome: with one neighbour, the Mode B weights are
        // proportional to the OLS coefficients of the outcome on the block (standardized), from any start.
        var r = new SplittableRandom(9);
        double[][] rows = new double[2000][4];
        for (double[] row : rows) {
            row[0] = r.nextGaussian();
            row[1] = 0.5 * row[0] + r.nextGaussian();
            row[2] = r.nextGaussian();
            row[3] = 0.6 * row[0] - 0.3 * row[1] + 0.4 * row[2] + r.nextGaussian();
        }
        var names = List.of("F1", "F2", "F3", "Y");
        var model = new PathModel(List.of(Construct.formative("f", "F1", "F2", "F3"), Construct.reflective("y", "Y")),
                List.of(new Path("f", "y")));
        PlsResult res = new PlsEstimator(model, DEFAULTS).estimate(moments(names, rows));
        double[][] z = standardize(rows);
        double[][] x = Arrays.stream(z).map(row -> Arrays.copyOf(row, 3)).toArray(double[][]::new);
        var ols = new OLSMultipleLinearRegression();
        ols.newSampleData(Arrays.stream(z).mapToDouble(row -> row[3]).toArray(), x);
        double[] beta = Arrays.copyOfRange(ols.estimateRegressionParameters(), 1, 4);
        assertProportional(new double[] {res.outerWeights().get("F1"), res.outerWeights().get("F2"),
                res.outerWeights().get("F3")}, beta);
        assertThat(res.rSquared().get("y")).isCloseTo(ols.calculateRSquared(), within(1e-9));
    }

    static double[][] standardize(double[][] rows) {
        int p = rows[0].length;
        double[][] z = new double[rows.length][p];
        for (int j = 0; j < p; j++) {
            final int c = j;
            var ds = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(
                    Arrays.stream(rows).mapToDouble(r -> r[c]).toArray());
            for (int i = 0; i < rows.length; i++) {
                z[i][j] = (rows[i][j] - ds.getMean()) / ds.getStandardDeviation();
            }
        }
        return z;
    }
}
