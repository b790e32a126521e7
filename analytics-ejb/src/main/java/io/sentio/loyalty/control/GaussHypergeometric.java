package io.sentio.loyalty.control;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gauss hypergeometric function <sub>2</sub>F<sub>1</sub>(a, b; c; z) for real parameters and real
 * z &le; 1, which the BG/NBD expectations need (Fader, Hardie &amp; Lee 2005: E[X(t)] and eq. 10) with z in [0, 1).
 *
 * <p>Evaluation, by region (formula numbers from Abramowitz &amp; Stegun 1964, ch. 15, "A&amp;S", and the NIST
 * DLMF &sect;15.8):
 * <ul>
 * <li>a or b a non-positive integer: the terminating Maclaurin series (a polynomial), any z &lt; 1;</li>
 * <li>0 &le; z &le; 0.75: the Maclaurin series, A&amp;S 15.1.1, summed until the geometric tail bound is below
 * the double-precision epsilon relative to the sum;</li>
 * <li>z &lt; 0: Pfaff's transformation A&amp;S 15.3.4, F(a,b;c;z) = (1&minus;z)<sup>&minus;a</sup>
 * F(a, c&minus;b; c; z/(z&minus;1)), which maps z into (0, 1);</li>
 * <li>0.75 &lt; z &lt; 1: the connection formula to 1&minus;z, A&amp;S 15.3.6 (both series then converge at
 * rate 0.25<sup>n</sup> or faster). When s = c&minus;a&minus;b is an integer that formula is singular: for
 * integer s we use the logarithmic limit forms (A&amp;S 15.3.10&ndash;15.3.11 = DLMF 15.8.10, with Euler's
 * transformation A&amp;S 15.3.3 for s &lt; 0); when s is within 10<sup>&minus;3</sup> of an integer (but not
 * equal) and z &le; 0.999 we sum the Maclaurin series directly (slow but exact, &lt; ~10<sup>5</sup> terms);
 * only in the remaining corner (|s &minus; round(s)| &lt; 10<sup>&minus;3</sup>, z &gt; 0.999) is accuracy
 * limited by cancellation, to about 10<sup>&minus;16</sup>/|s &minus; round(s)| relative, or by 10<sup>&minus;8</sup>
 * when |s &minus; round(s)| &lt; 10<sup>&minus;8</sup> and the integer limit form is used. The connection formula
 * itself cancels badly when |s| is large (e.g. the BG/NBD expectation of a customer with many purchases: the
 * series in 1&minus;z then has the lower parameter 1&minus;s &laquo; 0 and terms of alternating sign): its result
 * is kept only when the sum of the absolute values of all its terms is below {@value #WELL_CONDITIONED} times
 * the result, otherwise (z &le; 0.999) the Maclaurin series is summed directly;</li>
 * <li>z = 1: Gauss's theorem A&amp;S 15.1.20, when c&minus;a&minus;b &gt; 0.</li>
 * </ul>
 * Elsewhere the relative accuracy is about 10<sup>&minus;13</sup> for moderate parameters. Stateless and
 * thread-safe.
 */
public final class GaussHypergeometric {

    private static final double EPS = 1e-16;
    private static final int MAX_TERMS = 5_000_000;
    private static final double SERIES_LIMIT = 0.75;
    private static final double NEAR_INTEGER = 1e-3;
    private static final double EXACT_ENOUGH = 1e-8;
    /** Largest tolerated ratio of the connection formula's absolute terms to its result (~4 digits lost). */
    private static final double WELL_CONDITIONED = 1e4;
    /** Up to here the Maclaurin series needs at most ~4&middot;10<sup>4</sup> terms. */
    private static final double DIRECT_SERIES_LIMIT = 0.999;

    private GaussHypergeometric() {
    }

    /**
     * <sub>2</sub>F<sub>1</sub>(a, b; c; z).
     *
     * @throws IllegalArgumentException if a parameter is not finite, c is a non-positive integer (the function
     *                                  is undefined), z &gt; 1, or z = 1 with c&minus;a&minus;b &le; 0 (divergent)
     * @throws ArithmeticException      if a series fails to converge within its term budget
     */
    public static double value(double a, double b, double c, double z) {
        if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("2F1 arguments must be finite: a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z);
        }
        if (isNonPositiveInteger(c)) {
            throw new IllegalArgumentException("2F1 undefined for c a non-positive integer, c=" + c);
        }
        if (z == 0 || a == 0 || b == 0) {
            return 1;
        }
        if (z > 1) {
            throw new IllegalArgumentException("2F1 implemented for real z <= 1 only, z=" + z);
        }
        if (z == 1) {
            double s = c - a - b;
            if (!(s > 0)) {
                throw new IllegalArgumentException("2F1 diverges at z=1 when c-a-b <= 0, c-a-b=" + s);
            }
            return gammaRatio(c, s, c - a, c - b); // A&S 15.1.20
        }
        if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
            return maclaurin(a, b, c, z);
        }
        if (z < 0) {
            // A&S 15.3.4 (Pfaff): w = z/(z-1) lies in (0, 1).
            double w = z / (z - 1);
            return Math.exp(-a * Math.log1p(-z)) * unitInterval(a, c - b, c, w);
        }
        return unitInterval(a, b, c, z);
    }

    /** 0 &lt; z &lt; 1. */
    private static double unitInterval(double a, double b, double c, double z) {
        if (z <= SERIES_LIMIT || isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
            return maclaurin(a, b, c, z);
        }
        double s = c - a - b;
        double m = Math.rint(s);
        double offset = Math.abs(s - m);
        if (offset == 0) {
            return integerExcess(a, b, c, z, (int) m);
        }
        if (offset < NEAR_INTEGER && z <= DIRECT_SERIES_LIMIT) {
            return maclaurin(a, b, c, z);
        }
        if (offset < EXACT_ENOUGH) {
            return integerExcess(a, b, a + b + m, z, (int) m);
        }
        // a series in 1-z with a very negative lower parameter may overflow before it converges (null)
        double[] connected = connection(a, b, c, z, s);
        if (z > DIRECT_SERIES_LIMIT) {
            if (connected == null) {
                throw new ArithmeticException("2F1 connection formula overflowed: a=" + a + ", b=" + b + ", c=" + c
                        + ", z=" + z);
            }
            return connected[0];
        }
        if (connected != null && connected[1] <= WELL_CONDITIONED * Math.abs(connected[0])) {
            return connected[0];
        }
        return maclaurin(a, b, c, z);
    }

    /** A&amp;S 15.1.1; also exact (terminating) when a or b is a non-positive integer. */
    static double maclaurin(double a, double b, double c, double z) {
        double[] series = maclaurinWithMagnitude(a, b, c, z);
        if (series == null) {
            throw new ArithmeticException("2F1 Maclaurin series did not converge: a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z);
        }
        return series[0];
    }

    /**
     * {the Maclaurin sum, the sum of its terms' absolute values} (the latter measures its cancellation), or null
     * when the terms overflow or the series does not converge within its term budget. (No exception: the
     * connection formula probes this on hot paths and falls back.)
     */
    private static double[] maclaurinWithMagnitude(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        double magnitude = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            magnitude += Math.abs(term);
            if (!Double.isFinite(magnitude)) {
                return null;
            }
            if (term == 0) {
                return new double[] {sum, magnitude};
            }
            double rho = Math.max(Math.abs(ratio), Math.abs(z));
            if (rho < 1 && Math.abs(term) * rho / (1 - rho) <= EPS * Math.abs(sum)) {
                return new double[] {sum, magnitude};
            }
        }
        return null;
    }

    /**
     * A&amp;S 15.3.6, for non-integer s = c - a - b and 0 &lt; z &lt; 1: {the value, the sum of the absolute values
     * of every term that went into it}, or null when one of its series overflows.
     */
    private static double[] connection(double a, double b, double c, double z, double s) {
        double y = 1 - z;
        double first = gammaRatio(c, s, c - a, c - b);
        double second = gammaRatio(c, -s, a, b);
        double result = 0;
        double magnitude = 0;
        if (first != 0) {
            double[] series = maclaurinWithMagnitude(a, b, 1 - s, y);
            if (series == null) {
                return null;
            }
            result += first * series[0];
            magnitude += Math.abs(first) * series[1];
        }
        if (second != 0) {
            double weight = second * Math.exp(s * Math.log(y));
            double[] series = maclaurinWithMagnitude(c - a, c - b, 1 + s, y);
            if (series == null) {
                return null;
            }
            result += weight * series[0];
            magnitude += Math.abs(weight) * series[1];
        }
        return new double[] {result, magnitude};
    }

    /**
     * c = a + b + m with integer m: A&amp;S 15.3.10/15.3.11 (DLMF 15.8.10) for m &ge; 0; Euler's transformation
     * A&amp;S 15.3.3, F(a,b;c;z) = (1&minus;z)<sup>m</sup> F(c&minus;a, c&minus;b; c; z), turns m &lt; 0 into the
     * m &gt; 0 case. Requires a, b not non-positive integers (the caller handles polynomials).
     */
    private static double integerExcess(double a, double b, double c, double z, int m) {
        if (m < 0) {
            double a2 = c - a;
            double b2 = c - b;
            double factor = Math.exp(m * Math.log1p(-z));
            if (isNonPositiveInteger(a2) || isNonPositiveInteger(b2)) {
                return factor * maclaurin(a2, b2, c, z);
            }
            return factor * integerExcess(a2, b2, c, z, -m);
        }
        double y = 1 - z;
        double logY = Math.log1p(-z);
        // Finite part: Gamma(c)/(Gamma(a+m)Gamma(b+m)) * sum_{k<m} (a)_k (b)_k (m-k-1)!/k! (z-1)^k.
        double finite = 0;
        if (m > 0) {
            double poch = 1; // (a)_k (b)_k / k! * (z-1)^k
            double sum = 0;
            for (int k = 0; k < m; k++) {
                sum += poch * factorial(m - k - 1);
                poch *= (a + k) * (b + k) / (k + 1) * (z - 1);
            }
            finite = gammaRatio(c, 1, a + m, b + m) * sum;
        }
        // Logarithmic part: -(Gamma(c)/(Gamma(a)Gamma(b))) (z-1)^m sum_k (a+m)_k (b+m)_k / (k! (k+m)!) y^k
        //   * [ln y - psi(k+1) - psi(k+m+1) + psi(a+k+m) + psi(b+k+m)].
        double psiK1 = -Gamma.GAMMA;                   // psi(1)
        double psiKm1 = digamma(m + 1.0);
        double psiA = digamma(a + m);
        double psiB = digamma(b + m);
        double coef = 1 / factorial(m);              // (a+m)_k (b+m)_k y^k / (k! (k+m)!)
        double series = 0;
        for (int k = 0; k < MAX_TERMS; k++) {
            double term = coef * (logY - psiK1 - psiKm1 + psiA + psiB);
            series += term;
            if (k > 2 && Math.abs(term) <= EPS * Math.abs(series) && Math.abs(coef) <= EPS * Math.abs(series)) {
                double sign = (m % 2 == 0) ? 1 : -1; // (z-1)^m = (-1)^m y^m
                return finite - gammaRatio(c, 1, a, b) * sign * Math.pow(y, m) * series;
            }
            coef *= (a + m + k) * (b + m + k) / ((k + 1.0) * (k + m + 1.0)) * y;
            psiK1 += 1.0 / (k + 1);
            psiKm1 += 1.0 / (k + m + 1);
            psiA += 1 / (a + k + m);
            psiB += 1 / (b + k + m);
        }
        throw new ArithmeticException("2F1 logarithmic series did not converge: a=" + a + ", b=" + b + ", c=" + c
                + ", z=" + z);
    }

    /**
     * The digamma function &psi;(x) = &Gamma;'(x)/&Gamma;(x) to about 1e-15 relative: upward recurrence
     * &psi;(x) = &psi;(x+1) &minus; 1/x (A&amp;S 6.3.5) to x &ge; 10, then the asymptotic series A&amp;S 6.3.18
     * through x<sup>&minus;14</sup>; reflection &psi;(x) = &psi;(1&minus;x) &minus; &pi; cot(&pi;x) (A&amp;S 6.3.7)
     * for x &lt; 0. (Commons Math 3.6.1's {@code Gamma.digamma} is off by ~3e-9 near x = 1, which is visible in
     * the logarithmic 2F1 cases and in likelihood gradients.)
     */
    static double digamma(double x) {
        if (isNonPositiveInteger(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            double r = x - 2 * Math.floor(x / 2);
            return digamma(1 - x) - Math.PI * Math.cos(Math.PI * r) / Math.sin(Math.PI * r);
        }
        double shift = 0;
        while (x < 10) {
            shift += 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
        return Math.log(x) - 0.5 / x - series - shift;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** &Gamma;(n1)&Gamma;(n2)/(&Gamma;(d1)&Gamma;(d2)); 0 when a denominator argument is a pole. */
    static double gammaRatio(double n1, double n2, double d1, double d2) {
        if (isNonPositiveInteger(d1) || isNonPositiveInteger(d2)) {
            return 0;
        }
        if (isNonPositiveInteger(n1) || isNonPositiveInteger(n2)) {
            throw new ArithmeticException("Gamma pole in numerator: " + n1 + ", " + n2);
        }
        double log = logAbsGamma(n1) + logAbsGamma(n2) - logAbsGamma(d1) - logAbsGamma(d2);
        return signGamma(n1) * signGamma(n2) * signGamma(d1) * signGamma(d2) * Math.exp(log);
    }

    /** ln|&Gamma;(x)| for x not a non-positive integer, by reflection (A&amp;S 6.1.17) for x &lt; 0. */
    static double logAbsGamma(double x) {
        if (x > 0) {
            return Gamma.logGamma(x);
        }
        return Math.log(Math.PI / Math.abs(sinPi(x))) - Gamma.logGamma(1 - x);
    }

    private static int signGamma(double x) {
        if (x > 0) {
            return 1;
        }
        return ((long) Math.floor(x)) % 2 == 0 ? 1 : -1;
    }

    /** sin(&pi;x) with the argument reduced first, so that it stays accurate for large |x|. */
    private static double sinPi(double x) {
        double r = x - 2 * Math.floor(x / 2); // [0, 2)
        return Math.sin(Math.PI * r);
    }

    static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }
}
