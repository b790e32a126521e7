package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.BootstrapSummary;
import io.sentio.satisfaction.entity.IndicatorStatistics;
import io.sentio.satisfaction.entity.Interval;
import io.sentio.satisfaction.entity.InvalidModelException;
import io.sentio.satisfaction.entity.MissingValues;
import io.sentio.satisfaction.entity.PathModel;
import io.sentio.satisfaction.entity.PlsResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Nonparametric bootstrap of a PLS path model (Efron &amp; Tibshirani 1993; for PLS: Tenenhaus et al.
 * 2005, sec. 2.5): each resample draws n rows i.i.d. with replacement, is estimated like the sample
 * (same settings, same sign rule), and percentile 95% intervals are read off the replicates of the
 * paths, outer weights, 0–100 indexes and R².
 *
 * <h2>How it is fast</h2>
 * A resample enters PLS only through its weighted cross-product sums Σ c_i z_i z_iᵀ (c_i = how often
 * row i was drawn), so no row is ever copied. The counts come from {@link ResampleStream} (exact
 * multinomial by Poisson thinning, streamed row by row); the sums of a block of resamples are one
 * small matrix product counts × row-products per block of rows, done by {@link TileKernel} on the
 * byte-coded {@link ItemMatrix} with exact float arithmetic. Rows with missing values, counts above 31,
 * the thinning's extra draws, and non-integer data go through a plain double path. Resample blocks
 * run in parallel on the common fork-join pool; every resample's random stream depends only on
 * (seed, resample), so the same seed gives the same intervals on any machine and thread count.
 *
 * <p>Missing values: with mean replacement, gaps are filled with the full-sample column means once,
 * before resampling; with casewise deletion, incomplete rows are dropped before resampling.
 *
 * <p>Thread-safe; the estimation of one call runs on up to all cores.
 */
public final class PlsBootstrap {

    public static final int DEFAULT_SAMPLES = 1000;

    private static final int CAP = 31;
    private static final int MAX_BLOCK_ROWS = 256;

    private final PlsEstimator estimator;

    public PlsBootstrap(PlsEstimator estimator) {
        this.estimator = estimator;
    }

    /**
     * Point estimate on all rows plus, when {@code samples > 0}, bootstrap intervals.
     *
     * @throws InvalidModelException on unusable data or a negative number of samples
     */
    public PlsResult estimate(ItemMatrix data, int samples, long seed) {
        if (samples < 0 || samples > 100_000) {
            throw new InvalidModelException("bootstrap.samples: must be between 0 and 100000, got " + samples);
        }
        ItemMatrix prepared = prepare(data);
        PlsResult point = estimator.estimate(prepared.moments());
        if (samples == 0) {
            return point;
        }
        return point.withBootstrap(summarise(replicates(prepared, samples, seed, TileKernel.VECTOR), samples, seed));
    }

    /** The model's columns, without incomplete rows under casewise deletion. */
    ItemMatrix prepare(ItemMatrix data) {
        ItemMatrix selected = data.select(estimator.model().indicators());
        return estimator.settings().missing() == MissingValues.CASEWISE_DELETION ? selected.completeCases() : selected;
    }

    /**
     * One row per resample: paths (model order), outer weights (indicator order), indexes (construct
     * order), R² (endogenous constructs in order); null when the resample could not be estimated.
     */
    double[][] replicates(ItemMatrix data, int samples, long seed, boolean vector) {
        if (data.rows() < 2) {
            throw new InvalidModelException("data: the bootstrap needs at least 2 rows, got " + data.rows());
        }
        var plan = new ResampleStream.Plan(data.rows());
        double[][] out = new double[samples][];
        if (data.isCompact()) {
            int parallelism = Math.max(1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);
            // Large resample blocks amortise building each row block's products over many resamples.
            int block = Math.min(256, roundUp(Math.max(1, (samples + parallelism - 1) / parallelism), 4));
            int blocks = (samples + block - 1) / block;
            IntStream.range(0, blocks).parallel().forEach(k -> {
                int b0 = k * block;
                compactBlock(data, plan, seed, b0, Math.min(samples, b0 + block), vector, out);
            });
        } else {
            IntStream.range(0, samples).parallel().forEach(b -> out[b] = fitResample(data, general(data, plan, seed, b)));
        }
        return out;
    }

    private BootstrapSummary summarise(double[][] reps, int samples, long seed) {
        PathModel model = estimator.model();
        List<String> inds = model.indicators();
        List<String> endo = model.endogenous();
        int nPaths = model.paths().size();
        int failed = (int) Arrays.stream(reps).filter(r -> r == null).count();
        if (failed == samples) {
            throw new InvalidModelException("bootstrap: no resample could be estimated");
        }
        var paths = new LinkedHashMap<String, Interval>();
        var weights = new LinkedHashMap<String, Interval>();
        var indexes = new LinkedHashMap<String, Interval>();
        var r2 = new LinkedHashMap<String, Interval>();
        int col = 0;
        for (var p : model.paths()) {
            paths.put(p.toString(), percentileInterval(reps, col++));
        }
        for (String ind : inds) {
            weights.put(ind, percentileInterval(reps, col++));
        }
        for (var c : model.constructs()) {
            indexes.put(c.name(), percentileInterval(reps, col++));
        }
        for (String e : endo) {
            r2.put(e, percentileInterval(reps, col++));
        }
        assert col == nPaths + inds.size() + model.size() + endo.size();
        return new BootstrapSummary(samples, seed, failed, paths, weights, indexes, r2);
    }

    private static Interval percentileInterval(double[][] reps, int col) {
        double[] v = Arrays.stream(reps).filter(r -> r != null).mapToDouble(r -> r[col]).filter(Double::isFinite)
                .sorted().toArray();
        if (v.length == 0) {
            return null;
        }
        return new Interval(quantile(v, 0.025), quantile(v, 0.975));
    }

    /** Sample quantile of sorted values, Hyndman &amp; Fan (1996) type 7. */
    static double quantile(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // ------------------------------------------------------------------------------------------
    // Sums of one resample. Layout of an accumulator (length q = t + p + 1): the t = p(p+1)/2
    // cross-products z_j z_k (j ≤ k, row by row), the p sums z_j, then the count.

    private double[] fitResample(ItemMatrix data, double[] acc) {
        int p = data.columns();
        int t = p * (p + 1) / 2;
        double n = acc[t + p];
        double[] center = center(data);
        double[] mean = new double[p];
        double[][] cov = new double[p][p];
        for (int j = 0; j < p; j++) {
            mean[j] = center[j] + acc[t + j] / n;
        }
        int q = 0;
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++, q++) {
                double c = (acc[q] - acc[t + j] * acc[t + k] / n) / (n - 1);
                cov[j][k] = c;
                cov[k][j] = c;
            }
        }
        try {
            var stats = new IndicatorStatistics(data.names(), (long) n, mean, cov);
            var layout = estimator.layout(data.names());
            PlsEstimator.Fit fit = estimator.fit(layout, stats);
            PathModel model = estimator.model();
            double[] row = new double[model.paths().size() + p + model.size() + model.endogenous().size()];
            int col = 0;
            for (double v : fit.paths) {
                row[col++] = v;
            }
            for (double v : fit.w) {
                row[col++] = v;
            }
            for (double v : fit.indexes) {
                row[col++] = v;
            }
            for (double v : fit.r2) {
                if (!Double.isNaN(v)) {
                    row[col++] = v;
                }
            }
            return row;
        } catch (InvalidModelException e) {
            return null;
        }
    }

    /** The point the values are centred on: integer shifts (byte form) or column means. */
    private static double[] center(ItemMatrix data) {
        double[] c = new double[data.columns()];
        for (int j = 0; j < c.length; j++) {
            c[j] = data.isCompact() ? data.shift()[j] : data.imputedValue(j);
        }
        return c;
    }

    /** Row i centred, gaps filled with the column mean (mean replacement). */
    private static void centredRow(ItemMatrix data, double[] center, int i, double[] z) {
        for (int j = 0; j < z.length; j++) {
            double x = data.value(i, j);
            z[j] = (Double.isNaN(x) ? data.imputedValue(j) : x) - center[j];
        }
    }

    private static void addOuter(double[] acc, int offset, double[] z, double weight) {
        int p = z.length;
        int q = offset;
        for (int j = 0; j < p; j++) {
            double wz = weight * z[j];
            for (int k = j; k < p; k++) {
                acc[q++] += wz * z[k];
            }
        }
        for (int j = 0; j < p; j++) {
            acc[q++] += weight * z[j];
        }
        acc[q] += weight;
    }

    /** The plain double path for one resample: any data, also the fallback of the compact path. */
    private double[] general(ItemMatrix data, ResampleStream.Plan plan, long seed, int b) {
        int p = data.columns();
        int[] counts = new ResampleStream(plan, seed, b).counts();
        double[] acc = new double[p * (p + 1) / 2 + p + 1];
        double[] center = center(data);
        double[] z = new double[p];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                centredRow(data, center, i, z);
                addOuter(acc, 0, z, counts[i]);
            }
        }
        return acc;
    }

    private void compactBlock(ItemMatrix data, ResampleStream.Plan plan, long seed, int b0, int b1, boolean vector,
                              double[][] out) {
        int n = data.rows();
        int p = data.columns();
        int t = p * (p + 1) / 2;
        int q = t + p + 1;
        int qp = roundUp(q, TileKernel.LANES);
        int nb = b1 - b0;
        int bb = roundUp(nb, TileKernel.TILE_B);
        long maxTerm = Math.max(1L, (long) data.maxAbsCode() * data.maxAbsCode()) * CAP;
        int rowsPerBlock = (int) Math.max(1, Math.min(MAX_BLOCK_ROWS, ((1L << 24) - 1) / maxTerm));
        byte[] codes = data.codes();
        int[] incomplete = data.incomplete();
        double[] center = center(data);

        var streams = new ResampleStream[nb];
        for (int bi = 0; bi < nb; bi++) {
            streams[bi] = new ResampleStream(plan, seed, b0 + bi);
        }
        long[] drawn = new long[nb];
        double[] accD = new double[bb * qp];
        float[] accF = new float[bb * qp];
        float[] c = new float[bb * rowsPerBlock];
        float[] z = new float[rowsPerBlock * qp];
        double[] zd = new double[p];
        int[] counts = new int[rowsPerBlock];
        int nextIncomplete = 0;

        for (int start = 0; start < n; start += rowsPerBlock) {
            int rows = Math.min(rowsPerBlock, n - start);
            int firstIncomplete = nextIncomplete;
            nextIncomplete = products(codes, p, q, qp, start, rows, incomplete, nextIncomplete, z);
            for (int bi = 0; bi < nb; bi++) {
                drawn[bi] += streams[bi].next(counts, rows);
                weights(data, center, counts, start, rows, incomplete, firstIncomplete, nextIncomplete, c,
                        bi * rowsPerBlock, accD, bi * qp, zd);
            }
            TileKernel.multiplyAdd(z, rows, qp, c, rowsPerBlock, bb, accF, vector);
            flush(accF, accD);
        }
        for (int bi = 0; bi < nb; bi++) {
            double[] acc;
            if (drawn[bi] <= n) {
                acc = Arrays.copyOfRange(accD, bi * qp, bi * qp + q);
                for (long a = drawn[bi]; a < n; a++) {
                    centredRow(data, center, streams[bi].uniformRow(), zd);
                    addOuter(acc, 0, zd, 1.0);
                }
            } else {
                acc = general(data, plan, seed, b0 + bi);
            }
            out[b0 + bi] = fitResample(data, acc);
        }
    }

    /**
     * Fills z with the products, values and 1 of rows [start, start + rows) (zeros for incomplete
     * rows); returns the position in {@code incomplete} after this block.
     */
    private static int products(byte[] codes, int p, int q, int qp, int start, int rows, int[] incomplete,
                                int nextIncomplete, float[] z) {
        int[] zi = new int[p];
        for (int i = 0; i < rows; i++) {
            int row = start + i;
            int o = i * qp;
            if (nextIncomplete < incomplete.length && incomplete[nextIncomplete] == row) {
                nextIncomplete++;
                Arrays.fill(z, o, o + q, 0f);
                continue;
            }
            int base = row * p;
            for (int j = 0; j < p; j++) {
                zi[j] = codes[base + j];
            }
            int k = o;
            for (int j = 0; j < p; j++) {
                int a = zi[j];
                for (int l = j; l < p; l++) {
                    z[k++] = a * zi[l];
                }
            }
            for (int j = 0; j < p; j++) {
                z[k++] = zi[j];
            }
            z[k] = 1f;
        }
        return nextIncomplete;
    }

    /**
     * Turns one resample's counts of a row block into the kernel's float weights; incomplete rows and
     * counts above {@link #CAP} go (partly) to the exact double accumulator instead.
     */
    private static void weights(ItemMatrix data, double[] center, int[] counts, int start, int rows, int[] incomplete,
                                int gapFrom, int gapTo, float[] c, int cOffset, double[] accD, int accOffset,
                                double[] zd) {
        int gap = gapFrom;
        for (int i = 0; i < rows; i++) {
            int cnt = counts[i];
            int row = start + i;
            boolean isGap = gap < gapTo && incomplete[gap] == row;
            if (!isGap && cnt <= CAP) {
                c[cOffset + i] = cnt;
                continue;
            }
            if (isGap) {
                gap++;
                c[cOffset + i] = 0f;
                if (cnt > 0) {
                    centredRow(data, center, row, zd);
                    addOuter(accD, accOffset, zd, cnt);
                }
            } else {
                c[cOffset + i] = CAP;
                centredRow(data, center, row, zd);
                addOuter(accD, accOffset, zd, cnt - CAP);
            }
        }
    }

    private static void flush(float[] accF, double[] accD) {
        for (int x = 0; x < accF.length; x++) {
            accD[x] += accF[x];
            accF[x] = 0f;
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
