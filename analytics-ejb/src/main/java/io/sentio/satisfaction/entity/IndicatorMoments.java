package io.sentio.satisfaction.entity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Sufficient statistics of a fixed list of indicators: counts, sums and sums of cross-products,
 * from which means and covariances follow without the rows. Mergeable across days, touchpoints and
 * shards ({@link #merge}), so a touchpoint with millions of answers keeps only O(p²) numbers.
 *
 * <h2>Numerics</h2>
 * Values are accumulated centred on a per-indicator shift {@code a} (the "shifted data" algorithm,
 * Chan, Golub &amp; LeVeque 1983, "Algorithms for computing the sample variance", Am. Stat. 37:242–247):
 * sums of {@code u = x − a} and {@code u_j·u_k}. With a shift near the mean the textbook formula
 * {@code Σ(u_j − ū_j)(u_k − ū_k) = Σu_j u_k − n ū_j ū_k} loses no significant digits. The shift is
 * the first observed value of each indicator unless given ({@link #centeredAt}); for answers on an
 * integer scale and an integer or half-integer shift every sum is an exact binary number, so
 * accumulation is exact up to 2<sup>53</sup>. Merging moments with different shifts re-centres the
 * other side exactly in the algebra ({@code Σ(u+δ) = Σu + nδ}, {@code Σ(u_j+δ_j)(u_k+δ_k) = …}).
 *
 * <h2>Missing values</h2>
 * A missing answer is {@code NaN}. Rows without missing values feed the complete-case sums
 * ({@code nComplete}, Σu, Σuuᵀ). Rows with a missing value feed, for every pair (j,k) with both
 * observed, the pairwise count, Σu_j, Σu_k and Σu_j u_k. This supports both treatments:
 * <ul>
 *   <li>casewise deletion uses the complete-case sums only;</li>
 *   <li>mean replacement: replacing each missing x_j by the observed mean m_j leaves m_j unchanged,
 *       and a row where x_j or x_k is missing adds (x_j − m_j)(x_k − m_k) = 0 to the centred
 *       cross-product. Hence cov_jk = Σ<sub>rows with j and k observed</sub>(x_j − m_j)(x_k − m_k) / (N − 1),
 *       with N all rows; that sum follows from the pairwise count and sums (complete + incomplete
 *       parts). The result equals the covariance of the explicitly mean-imputed rows.</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per accumulating thread, then {@link #merge}.
 */
public final class IndicatorMoments {

    private final List<String> names;
    private final int p;
    private final double[] shift;
    private long rows;
    private long complete;
    private final double[] sum;       // complete rows: Σu_j
    private final double[] cross;     // complete rows: Σu_j u_k, packed upper triangle
    private final long[] pairCount;   // incomplete rows with j and k observed
    private final double[] pairSumJ;  // incomplete rows: Σu_j over those rows
    private final double[] pairSumK;  // incomplete rows: Σu_k over those rows
    private final double[] pairCross; // incomplete rows: Σu_j u_k over those rows

    private IndicatorMoments(List<String> names, double[] shift) {
        this.names = List.copyOf(names);
        if (this.names.isEmpty()) {
            throw new InvalidModelException("indicators: no indicator names");
        }
        if (new HashSet<>(this.names).size() != this.names.size()) {
            throw new InvalidModelException("indicators: duplicate indicator name in " + this.names);
        }
        this.p = this.names.size();
        this.shift = shift;
        int t = p * (p + 1) / 2;
        this.sum = new double[p];
        this.cross = new double[t];
        this.pairCount = new long[t];
        this.pairSumJ = new double[t];
        this.pairSumK = new double[t];
        this.pairCross = new double[t];
    }

    /** Empty moments; each indicator is centred on its first observed value. */
    public static IndicatorMoments of(List<String> names) {
        double[] s = new double[names.size()];
        Arrays.fill(s, Double.NaN);
        return new IndicatorMoments(names, s);
    }

    /** Empty moments centred on a fixed shift per indicator (e.g. the scale midpoint). */
    public static IndicatorMoments centeredAt(List<String> names, double[] shift) {
        if (shift.length != names.size()) {
            throw new InvalidModelException("shift: " + shift.length + " values for " + names.size() + " indicators");
        }
        for (int j = 0; j < shift.length; j++) {
            if (!Double.isFinite(shift[j])) {
                throw new InvalidModelException("shift: value for " + names.get(j) + " is not finite");
            }
        }
        return new IndicatorMoments(names, shift.clone());
    }

    /**
     * Moments of {@code completeRows} rows without missing values from their centred sums, as a fast
     * bulk kernel computes them; incomplete rows can then be {@link #add added}.
     *
     * @param sumsOfCentered  Σ(x_j − shift_j), length p
     * @param crossOfCentered Σ(x_j − shift_j)(x_k − shift_k), packed upper triangle row by row, length p(p+1)/2
     */
    public static IndicatorMoments fromCompleteSums(List<String> names, double[] shift, long completeRows,
                                                    double[] sumsOfCentered, double[] crossOfCentered) {
        IndicatorMoments m = centeredAt(names, shift);
        if (completeRows < 0 || sumsOfCentered.length != m.p || crossOfCentered.length != m.cross.length) {
            throw new InvalidModelException("moments: inconsistent complete-case sums");
        }
        m.rows = completeRows;
        m.complete = completeRows;
        System.arraycopy(sumsOfCentered, 0, m.sum, 0, m.p);
        System.arraycopy(crossOfCentered, 0, m.cross, 0, m.cross.length);
        return m;
    }

    public List<String> names() {
        return names;
    }

    /** All rows added, with or without missing values. */
    public long rows() {
        return rows;
    }

    /** Rows without a missing value. */
    public long completeRows() {
        return complete;
    }

    /** Number of observed (non-missing) values of indicator j. */
    public long observed(int j) {
        return complete + pairCount[tri(j, j)];
    }

    /**
     * Adds one row, {@code NaN} marking a missing answer.
     *
     * @throws InvalidModelException if the row has the wrong length or an infinite value
     */
    public void add(double[] row) {
        if (row.length != p) {
            throw new InvalidModelException("row " + (rows + 1) + ": " + row.length + " values for " + p + " indicators");
        }
        boolean full = true;
        for (int j = 0; j < p; j++) {
            double x = row[j];
            if (Double.isNaN(x)) {
                full = false;
            } else if (Double.isInfinite(x)) {
                throw new InvalidModelException("row " + (rows + 1) + ", " + names.get(j) + ": value is not finite");
            } else if (Double.isNaN(shift[j])) {
                shift[j] = x;
            }
        }
        rows++;
        if (full) {
            complete++;
            int t = 0;
            for (int j = 0; j < p; j++) {
                double uj = row[j] - shift[j];
                sum[j] += uj;
                for (int k = j; k < p; k++) {
                    cross[t++] += uj * (row[k] - shift[k]);
                }
            }
            return;
        }
        int t = 0;
        for (int j = 0; j < p; j++) {
            if (Double.isNaN(row[j])) {
                t += p - j;
                continue;
            }
            double uj = row[j] - shift[j];
            for (int k = j; k < p; k++, t++) {
                if (!Double.isNaN(row[k])) {
                    double uk = row[k] - shift[k];
                    pairCount[t]++;
                    pairSumJ[t] += uj;
                    pairSumK[t] += uk;
                    pairCross[t] += uj * uk;
                }
            }
        }
    }

    /**
     * Adds the moments of {@code other} (same indicator names in the same order) to these, as if
     * its rows had been added here. Shifts may differ; the other side is re-centred.
     */
    public void merge(IndicatorMoments other) {
        if (!names.equals(other.names)) {
            throw new InvalidModelException("moments: cannot merge moments of " + other.names + " into " + names);
        }
        double[] delta = new double[p];
        for (int j = 0; j < p; j++) {
            if (Double.isNaN(shift[j])) {
                shift[j] = other.shift[j];
            }
            delta[j] = Double.isNaN(other.shift[j]) ? 0.0 : other.shift[j] - shift[j];
        }
        long nc = other.complete;
        int t = 0;
        for (int j = 0; j < p; j++) {
            double sj = other.sum[j];
            sum[j] += sj + nc * delta[j];
            for (int k = j; k < p; k++, t++) {
                double sk = other.sum[k];
                cross[t] += other.cross[t] + delta[k] * sj + delta[j] * sk + nc * delta[j] * delta[k];
                long c = other.pairCount[t];
                double pj = other.pairSumJ[t];
                double pk = other.pairSumK[t];
                pairCount[t] += c;
                pairSumJ[t] += pj + c * delta[j];
                pairSumK[t] += pk + c * delta[k];
                pairCross[t] += other.pairCross[t] + delta[k] * pj + delta[j] * pk + c * delta[j] * delta[k];
            }
        }
        rows += other.rows;
        complete += nc;
    }

    /** A deep copy. */
    public IndicatorMoments copy() {
        IndicatorMoments m = new IndicatorMoments(names, shift.clone());
        m.merge(this);
        return m;
    }

    /**
     * Means and sample covariances under the given missing-value treatment.
     *
     * @throws InvalidModelException if fewer than two usable rows, or an indicator without observations
     */
    public IndicatorStatistics statistics(MissingValues missing) {
        double[] mean = new double[p];
        double[][] cov = new double[p][p];
        if (missing == MissingValues.CASEWISE_DELETION) {
            if (complete < 2) {
                throw new InvalidModelException("data: " + complete + " complete rows; casewise deletion needs at least 2");
            }
            double n = complete;
            int t = 0;
            for (int j = 0; j < p; j++) {
                mean[j] = shift[j] + sum[j] / n;
                for (int k = j; k < p; k++, t++) {
                    double c = (cross[t] - sum[j] * sum[k] / n) / (n - 1);
                    cov[j][k] = c;
                    cov[k][j] = c;
                }
            }
            return new IndicatorStatistics(names, complete, mean, cov);
        }
        if (rows < 2) {
            throw new InvalidModelException("data: " + rows + " rows; at least 2 are needed");
        }
        double[] d = new double[p];
        for (int j = 0; j < p; j++) {
            int jj = tri(j, j);
            long nj = complete + pairCount[jj];
            if (nj == 0) {
                throw new InvalidModelException("data: indicator " + names.get(j) + " has no observed value");
            }
            d[j] = (sum[j] + pairSumJ[jj]) / nj;
            mean[j] = shift[j] + d[j];
        }
        int t = 0;
        for (int j = 0; j < p; j++) {
            for (int k = j; k < p; k++, t++) {
                double cnt = complete + pairCount[t];
                double sj = sum[j] + pairSumJ[t];
                double sk = sum[k] + pairSumK[t];
                double cjk = cross[t] + pairCross[t];
                double centred = cjk - d[k] * sj - d[j] * sk + cnt * d[j] * d[k];
                double c = centred / (rows - 1);
                cov[j][k] = c;
                cov[k][j] = c;
            }
        }
        return new IndicatorStatistics(names, rows, mean, cov);
    }

    private int tri(int j, int k) {
        return j * p - j * (j - 1) / 2 + (k - j);
    }

    /** The stored numbers, for persisting per-day aggregates. Arrays are copies. */
    public Snapshot snapshot() {
        return new Snapshot(names, shift.clone(), rows, complete, sum.clone(), cross.clone(), pairCount.clone(),
                pairSumJ.clone(), pairSumK.clone(), pairCross.clone());
    }

    /** Restores moments from a {@link Snapshot}. */
    public static IndicatorMoments restore(Snapshot s) {
        IndicatorMoments m = new IndicatorMoments(s.names(), s.shift().clone());
        int t = m.cross.length;
        if (s.sum().length != m.p || s.cross().length != t || s.pairCount().length != t || s.pairSumJ().length != t
                || s.pairSumK().length != t || s.pairCross().length != t || s.complete() > s.rows() || s.complete() < 0) {
            throw new InvalidModelException("moments: snapshot arrays do not match " + m.p + " indicators");
        }
        m.rows = s.rows();
        m.complete = s.complete();
        System.arraycopy(s.sum(), 0, m.sum, 0, m.p);
        System.arraycopy(s.cross(), 0, m.cross, 0, t);
        System.arraycopy(s.pairCount(), 0, m.pairCount, 0, t);
        System.arraycopy(s.pairSumJ(), 0, m.pairSumJ, 0, t);
        System.arraycopy(s.pairSumK(), 0, m.pairSumK, 0, t);
        System.arraycopy(s.pairCross(), 0, m.pairCross, 0, t);
        return m;
    }

    /**
     * The persisted form of {@link IndicatorMoments}: packed upper-triangle arrays (row by row,
     * index of (j,k), j ≤ k, is j·p − j(j−1)/2 + k − j). A NaN shift means "indicator not yet observed".
     */
    public record Snapshot(List<String> names, double[] shift, long rows, long complete, double[] sum, double[] cross,
                           long[] pairCount, double[] pairSumJ, double[] pairSumK, double[] pairCross) {
    }
}
