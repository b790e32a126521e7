package io.sentio.satisfaction.control;

import io.sentio.satisfaction.entity.IndicatorMoments;
import io.sentio.satisfaction.entity.InvalidModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Answers of n respondents to p indicators as one compact primitive matrix, the input of the
 * bootstrap (which must resample rows) and of the fast moments pass.
 *
 * <p>Storage: when every observed value of a column is an integer within 127 of the column's
 * rounded mean (any 0–10 or 1–10 scale), each cell is one byte {@code x − shift_j} in row-major
 * order (14 MB for 1,000,000 × 14); otherwise one double per cell. A missing value is NaN in the
 * input; in byte form it is the code −128. Rows with a missing value are listed separately so the
 * hot loops never test cells. {@link #imputedValue} gives the value mean replacement uses: the mean of
 * the column's observed values.
 *
 * <p>Immutable and thread-safe.
 */
public final class ItemMatrix {

    static final byte MISSING = Byte.MIN_VALUE;

    private final List<String> names;
    private final int n;
    private final int p;
    private final byte[] codes;     // row-major, or null
    private final int[] shift;      // per column, byte form only
    private final double[] values;  // row-major, or null
    private final int[] incomplete; // sorted rows with a missing value
    private final double[] means;   // observed means
    private final int maxAbsCode;

    private ItemMatrix(List<String> names, int n, byte[] codes, int[] shift, double[] values, int[] incomplete,
                       double[] means, int maxAbsCode) {
        this.names = names;
        this.n = n;
        this.p = names.size();
        this.codes = codes;
        this.shift = shift;
        this.values = values;
        this.incomplete = incomplete;
        this.means = means;
        this.maxAbsCode = maxAbsCode;
    }

    /**
     * A matrix from rows ({@code NaN} = missing).
     *
     * @throws InvalidModelException on duplicate names, ragged rows, infinite values or a column without observations
     */
    public static ItemMatrix of(List<String> names, double[][] rows) {
        List<String> cols = List.copyOf(names);
        int p = cols.size();
        if (p == 0) {
            throw new InvalidModelException("data: no columns");
        }
        if (new HashSet<>(cols).size() != p) {
            throw new InvalidModelException("data: duplicate column name in " + cols);
        }
        int n = rows.length;
        double[] sum = new double[p];
        long[] count = new long[p];
        boolean[] integral = new boolean[p];
        Arrays.fill(integral, true);
        var incomplete = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            double[] row = rows[i];
            if (row.length != p) {
                throw new InvalidModelException("data: row " + (i + 1) + " has " + row.length + " values, expected " + p);
            }
            boolean missing = false;
            for (int j = 0; j < p; j++) {
                double x = row[j];
                if (Double.isNaN(x)) {
                    missing = true;
                } else if (Double.isInfinite(x)) {
                    throw new InvalidModelException("data: row " + (i + 1) + ", column " + cols.get(j) + ": not a finite number");
                } else {
                    sum[j] += x;
                    count[j]++;
                    integral[j] &= x == Math.rint(x);
                }
            }
            if (missing) {
                incomplete.add(i);
            }
        }
        double[] means = new double[p];
        int[] shift = new int[p];
        boolean compact = true;
        for (int j = 0; j < p; j++) {
            if (count[j] == 0) {
                throw new InvalidModelException("data: column " + cols.get(j) + " has no observed value");
            }
            means[j] = sum[j] / count[j];
            shift[j] = (int) Math.rint(means[j]);
            compact &= integral[j];
        }
        int maxAbs = 0;
        if (compact) {
            for (int i = 0; i < n && compact; i++) {
                for (int j = 0; j < p; j++) {
                    double x = rows[i][j];
                    if (!Double.isNaN(x)) {
                        double d = Math.abs(x - shift[j]);
                        if (d > 127) {
                            compact = false;
                            break;
                        }
                        maxAbs = Math.max(maxAbs, (int) d);
                    }
                }
            }
        }
        int[] inc = incomplete.stream().mapToInt(Integer::intValue).toArray();
        if (compact) {
            byte[] codes = new byte[n * p];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    double x = rows[i][j];
                    codes[i * p + j] = Double.isNaN(x) ? MISSING : (byte) (x - shift[j]);
                }
            }
            return new ItemMatrix(cols, n, codes, shift, null, inc, means, maxAbs);
        }
        double[] values = new double[n * p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, values, i * p, p);
        }
        return new ItemMatrix(cols, n, null, null, values, inc, means, 0);
    }

    /**
     * Parses CSV text with a header row of indicator names; an empty cell is a missing answer.
     *
     * @throws InvalidModelException naming the row and column of a non-numeric cell
     */
    public static ItemMatrix parseCsv(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidModelException("csv: empty");
        }
        String[] lines = csv.strip().split("\\R");
        char sep = lines[0].indexOf(';') >= 0 && lines[0].indexOf(',') < 0 ? ';' : ',';
        List<String> header = Arrays.stream(lines[0].split(String.valueOf(sep), -1)).map(ItemMatrix::unquote).toList();
        var rows = new ArrayList<double[]>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(String.valueOf(sep), -1);
            if (cells.length != header.size()) {
                throw new InvalidModelException("csv: line " + (i + 1) + " has " + cells.length + " cells, the header has "
                        + header.size());
            }
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                String cell = unquote(cells[j]);
                if (cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
                    row[j] = Double.NaN;
                } else {
                    try {
                        row[j] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new InvalidModelException("csv: line " + (i + 1) + ", column " + header.get(j) + ": '"
                                + cell + "' is not a number");
                    }
                    if (!Double.isFinite(row[j])) {
                        throw new InvalidModelException("csv: line " + (i + 1) + ", column " + header.get(j) + ": '"
                                + cell + "' is not a finite number");
                    }
                }
            }
            rows.add(row);
        }
        return of(header, rows.toArray(double[][]::new));
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1).strip() : t;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return n;
    }

    public int columns() {
        return p;
    }

    /** True when stored as one byte per cell. */
    public boolean isCompact() {
        return codes != null;
    }

    /** The value at (row, column), NaN if missing. */
    public double value(int row, int column) {
        if (codes != null) {
            byte c = codes[row * p + column];
            return c == MISSING ? Double.NaN : c + shift[column];
        }
        return values[row * p + column];
    }

    /** Mean of the observed values of a column: what mean replacement puts in its gaps. */
    public double imputedValue(int column) {
        return means[column];
    }

    /** Number of rows with at least one missing value. */
    public int incompleteRows() {
        return incomplete.length;
    }

    /** The rows, NaN for missing values. */
    public double[][] toRows() {
        double[][] rows = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                rows[i][j] = value(i, j);
            }
        }
        return rows;
    }

    /** The named columns in the given order. */
    public ItemMatrix select(List<String> columns) {
        int[] idx = new int[columns.size()];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = names.indexOf(columns.get(j));
            if (idx[j] < 0) {
                throw new InvalidModelException("data: no column named '" + columns.get(j) + "'");
            }
        }
        if (Arrays.equals(idx, java.util.stream.IntStream.range(0, p).toArray())) {
            return this;
        }
        double[][] rows = new double[n][idx.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < idx.length; j++) {
                rows[i][j] = value(i, idx[j]);
            }
        }
        return of(columns, rows);
    }

    /** The rows without any missing value (casewise deletion). */
    public ItemMatrix completeCases() {
        if (incomplete.length == 0) {
            return this;
        }
        var rows = new ArrayList<double[]>();
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (next < incomplete.length && incomplete[next] == i) {
                next++;
                continue;
            }
            double[] row = new double[p];
            for (int j = 0; j < p; j++) {
                row[j] = value(i, j);
            }
            rows.add(row);
        }
        return of(names, rows.toArray(double[][]::new));
    }

    /**
     * Sufficient statistics of all rows. Complete rows are summed in one pass over the byte codes
     * with exact integer arithmetic (centred on the integer shifts), incomplete rows are added one by one.
     */
    public IndicatorMoments moments() {
        double[] shiftD = new double[p];
        int t = p * (p + 1) / 2;
        long[] sum = new long[p];
        long[] cross = new long[t];
        long complete = 0;
        int next = 0;
        if (codes != null) {
            for (int j = 0; j < p; j++) {
                shiftD[j] = shift[j];
            }
            // Column blocks of up to 4096 rows; incomplete rows enter as zeros here and are added
            // one by one below. Per block every product sum fits an int (4096 · 127² < 2³¹), and the
            // int dot products are vectorized by the JIT.
            int block = 4096;
            int[][] col = new int[p][block];
            for (int start = 0; start < n; start += block) {
                int rows = Math.min(block, n - start);
                for (int i = 0; i < rows; i++) {
                    int row = start + i;
                    boolean gap = next < incomplete.length && incomplete[next] == row;
                    if (gap) {
                        next++;
                    } else {
                        complete++;
                    }
                    int base = row * p;
                    for (int j = 0; j < p; j++) {
                        col[j][i] = gap ? 0 : codes[base + j];
                    }
                }
                int q = 0;
                for (int j = 0; j < p; j++) {
                    int[] a = col[j];
                    int s1 = 0;
                    for (int i = 0; i < rows; i++) {
                        s1 += a[i];
                    }
                    sum[j] += s1;
                    for (int k = j; k < p; k++) {
                        int[] b = col[k];
                        int s2 = 0;
                        for (int i = 0; i < rows; i++) {
                            s2 += a[i] * b[i];
                        }
                        cross[q++] += s2;
                    }
                }
            }
            double[] s = Arrays.stream(sum).asDoubleStream().toArray();
            double[] c = Arrays.stream(cross).asDoubleStream().toArray();
            IndicatorMoments m = IndicatorMoments.fromCompleteSums(names, shiftD, complete, s, c);
            for (int row : incomplete) {
                m.add(rowValues(row));
            }
            return m;
        }
        for (int j = 0; j < p; j++) {
            shiftD[j] = means[j];
        }
        IndicatorMoments m = IndicatorMoments.centeredAt(names, shiftD);
        for (int i = 0; i < n; i++) {
            m.add(rowValues(i));
        }
        return m;
    }

    private double[] rowValues(int row) {
        double[] r = new double[p];
        for (int j = 0; j < p; j++) {
            r[j] = value(row, j);
        }
        return r;
    }

    // Package-private views for the bootstrap kernels.

    byte[] codes() {
        return codes;
    }

    int[] shift() {
        return shift;
    }

    double[] values() {
        return values;
    }

    int[] incomplete() {
        return incomplete;
    }

    int maxAbsCode() {
        return maxAbsCode;
    }
}
