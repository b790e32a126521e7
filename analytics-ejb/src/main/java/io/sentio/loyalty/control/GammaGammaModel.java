package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.GammaGammaParameters;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value
 * curves for customer base analysis", Journal of Marketing Research 42(4):415&ndash;430; Fader &amp; Hardie
 * 2013, "The Gamma-Gamma model of monetary value", brucehardie.com note 025). A customer's transaction values are
 * i.i.d. Gamma(p, &nu;); &nu; ~ Gamma(q, &gamma;) across customers. Observed per customer: x repeat transactions
 * with mean value m. The mean of x Gamma(p, &nu;) values is Gamma(px, &nu;x), and integrating &nu; out gives the
 * density of m (Fader &amp; Hardie 2013):
 * <pre>
 *   f(m | p, q, &gamma;, x) = &Gamma;(px+q) / (&Gamma;(px) &Gamma;(q)) &middot; &gamma;^q m^(px&minus;1) x^(px) / (&gamma; + m x)^(px+q)
 * </pre>
 * Only customers with x &gt; 0 and m &gt; 0 carry information about spend and enter the fit (a zero mean spend
 * has density 0 or &infin; under the model). Immutable and thread-safe.
 */
public final class GammaGammaModel {

    private static final double[][] STARTS = {{1, 1}, {5, 3}, {10, 10}};
    private static final int PILOT_SIZE = BgNbdEstimation.PILOT_SIZE;

    private final GammaGammaParameters parameters;

    public GammaGammaModel(GammaGammaParameters parameters) {
        if (parameters == null) {
            throw new InvalidLoyaltyDataException("Gamma-Gamma parameters must not be null");
        }
        this.parameters = parameters;
    }

    public GammaGammaParameters parameters() {
        return parameters;
    }

    /** ln f(m | p, q, &gamma;, x) for one customer with x &gt; 0 and m &gt; 0. */
    public double logLikelihood(int x, double meanSpend) {
        requireSpender(x, meanSpend);
        double p = parameters.p();
        double q = parameters.q();
        double gamma = parameters.gamma();
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(meanSpend) + px * Math.log(x) - (px + q) * Math.log(gamma + meanSpend * x);
    }

    /** Sum of the log-likelihood over the customers with x &gt; 0 and m &gt; 0. */
    public double logLikelihood(CustomerSummaries data) {
        return Likelihood.of(data).value(parameters.p(), parameters.q(), parameters.gamma());
    }

    /**
     * E[M | p, q, &gamma;, m, x], the expected spend per future transaction of a customer with x repeat
     * transactions of mean value m (FHL 2005b; Fader &amp; Hardie 2013): a weighted average of the population mean
     * p&gamma;/(q&minus;1) and the customer's own mean, (q&minus;1)/(px+q&minus;1) &middot; p&gamma;/(q&minus;1) +
     * px/(px+q&minus;1) &middot; m = p(&gamma; + m x)/(px + q &minus; 1). For x = 0 it is the population mean.
     *
     * @throws InvalidLoyaltyDataException when px + q &le; 1 (the posterior mean does not exist)
     */
    public double conditionalExpectedSpend(int x, double meanSpend) {
        if (x < 0) {
            throw new InvalidLoyaltyDataException("frequency must be >= 0, was " + x, 0, "frequency");
        }
        if (!(meanSpend >= 0) || !Double.isFinite(meanSpend)) {
            throw new InvalidLoyaltyDataException("monetary must be finite and >= 0, was " + meanSpend, 0,
                    "monetary");
        }
        double p = parameters.p();
        double q = parameters.q();
        double denominator = p * x + q - 1;
        if (!(denominator > 0)) {
            throw new InvalidLoyaltyDataException("Gamma-Gamma q = " + q + ": expected spend is infinite for a"
                    + " customer with frequency " + x, 0, "q");
        }
        double own = x == 0 ? 0 : meanSpend * x;
        return p * (parameters.gamma() + own) / denominator;
    }

    /**
     * Maximum-likelihood fit on the customers with x &gt; 0 and m &gt; 0: Nelder-Mead from several starting
     * points on log(p, q, &gamma;) on a systematic subsample of at most {@value #PILOT_SIZE} of them, then
     * Newton-Raphson on the analytic gradient, first on the subsample and then over all of them from there,
     * to full convergence (as {@link BgNbdEstimation}; {@link LogSpaceOptimizer}). Spends are divided by their
     * mean first, so that &gamma; is of order one in
     * any currency (&gamma; scales with money; p and q are scale-free).
     *
     * @throws InvalidLoyaltyDataException when fewer than 2 customers have repeat purchases with positive spend
     */
    public static GammaGammaParameters fit(CustomerSummaries data) {
        return fit(data, null);
    }

    /** {@link #fit(CustomerSummaries)} searching from {@code start} (e.g. an earlier fit of the same customers). */
    public static GammaGammaParameters fit(CustomerSummaries data, GammaGammaParameters start) {
        Likelihood likelihood = Likelihood.of(data);
        if (likelihood.size() < 2) {
            throw new InvalidLoyaltyDataException("the Gamma-Gamma model needs at least 2 customers with repeat"
                    + " purchases and positive monetary value, found " + likelihood.size(), 0, "monetary");
        }
        double scale = likelihood.meanSpend();
        Likelihood scaled = likelihood.scaled(scale);
        Likelihood pilot = scaled.size() > PILOT_SIZE ? scaled.subsample(PILOT_SIZE) : scaled;
        LogSpaceOptimizer pilotSearch = new LogSpaceOptimizer(objective(pilot), 3,
                BgNbdEstimation.RESOLUTION / pilot.size());
        double[][] starts = new double[STARTS.length][];
        for (int k = 0; k < STARTS.length; k++) {
            double[] s = STARTS[k];
            // start with the population mean spend p*gamma/(q-1) at the observed mean (1 after scaling)
            double gamma = s[1] > 1 ? (s[1] - 1) / s[0] : 1;
            starts[k] = new double[] {Math.log(s[0]), Math.log(s[1]), Math.log(gamma)};
        }
        LogSpaceOptimizer.Minimum pilotMinimum = pilotSearch.pilot(start == null ? null
                : new double[] {Math.log(start.p()), Math.log(start.q()), Math.log(start.gamma() / scale)},
                starts, BgNbdEstimation.PILOT_TOLERANCE, gradient(pilot));
        double[] theta = pilot == scaled ? pilotMinimum.theta()
                : new LogSpaceOptimizer(objective(scaled), 3, BgNbdEstimation.RESOLUTION / scaled.size())
                        .newton(pilotMinimum.theta(), gradient(scaled), pilotMinimum.hessian()).theta();
        return new GammaGammaParameters(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]) * scale);
    }

    /** Gradient of the negative mean log-likelihood in log-parameters. */
    private static LogSpaceOptimizer.Gradient gradient(Likelihood likelihood) {
        double n = likelihood.size();
        return t -> {
            double[] params = {Math.exp(t[0]), Math.exp(t[1]), Math.exp(t[2])};
            double[] v = likelihood.valueAndGradient(params[0], params[1], params[2]);
            return new double[] {-v[0] / n, -params[0] * v[1] / n, -params[1] * v[2] / n, -params[2] * v[3] / n};
        };
    }

    private static LogSpaceOptimizer.Objective objective(Likelihood likelihood) {
        double n = likelihood.size();
        return theta -> {
            double v = -likelihood.value(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2])) / n;
            return Double.isFinite(v) ? v : Double.MAX_VALUE;
        };
    }

    private static void requireSpender(int x, double meanSpend) {
        if (x <= 0) {
            throw new InvalidLoyaltyDataException("Gamma-Gamma needs frequency > 0, was " + x, 0, "frequency");
        }
        if (!(meanSpend > 0) || !Double.isFinite(meanSpend)) {
            throw new InvalidLoyaltyDataException("Gamma-Gamma needs monetary > 0, was " + meanSpend, 0,
                    "monetary");
        }
    }

    /**
     * The summed log-likelihood, arranged so that one evaluation costs one logarithm per customer: the
     * &Gamma;-terms and px ln x depend only on x (computed per distinct x), and &Sigma;(px&minus;1) ln m =
     * p &Sigma;x ln m &minus; &Sigma;ln m is precomputed; only &Sigma;(px+q) ln(&gamma; + m x) is summed per
     * customer (in parallel, {@link ChunkedSum}).
     */
    static final class Likelihood {
        private final int[] frequency;
        private final double[] spend;
        private final int[] distinct;
        private final long[] count;
        private final double sumXLnM;
        private final double sumLnM;

        private Likelihood(int[] frequency, double[] spend) {
            this.frequency = frequency;
            this.spend = spend;
            this.distinct = BgNbdLikelihood.distinctFrequencies(frequency);
            this.count = new long[distinct.length];
            double sxl = 0;
            double sl = 0;
            for (int i = 0; i < frequency.length; i++) {
                count[Arrays.binarySearch(distinct, frequency[i])]++;
                double lnM = Math.log(spend[i]);
                sxl += frequency[i] * lnM;
                sl += lnM;
            }
            this.sumXLnM = sxl;
            this.sumLnM = sl;
        }

        static Likelihood of(CustomerSummaries data) {
            int n = 0;
            for (int i = 0; i < data.size(); i++) {
                if (data.frequency(i) > 0 && data.monetary(i) > 0) {
                    n++;
                }
            }
            int[] x = new int[n];
            double[] m = new double[n];
            int j = 0;
            for (int i = 0; i < data.size(); i++) {
                if (data.frequency(i) > 0 && data.monetary(i) > 0) {
                    x[j] = data.frequency(i);
                    m[j++] = data.monetary(i);
                }
            }
            return new Likelihood(x, m);
        }

        int size() {
            return frequency.length;
        }

        double meanSpend() {
            double s = 0;
            for (double m : spend) {
                s += m;
            }
            return s / spend.length;
        }

        /** A systematic subsample (every k-th customer) of about {@code size} customers. */
        Likelihood subsample(int size) {
            int stride = (frequency.length + size - 1) / size;
            int m = (frequency.length + stride - 1) / stride;
            int[] x = new int[m];
            double[] s = new double[m];
            for (int j = 0; j < m; j++) {
                x[j] = frequency[j * stride];
                s[j] = spend[j * stride];
            }
            return new Likelihood(x, s);
        }

        Likelihood scaled(double factor) {
            double[] m = new double[spend.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = spend[i] / factor;
            }
            return new Likelihood(frequency, m);
        }

        double value(double p, double q, double gamma) {
            double lnGammaQ = Gamma.logGamma(q);
            double qLnGamma = q * Math.log(gamma);
            double grouped = 0;
            for (int g = 0; g < distinct.length; g++) {
                double px = p * distinct[g];
                grouped += count[g] * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGammaQ + qLnGamma
                        + px * Math.log(distinct[g]));
            }
            double perCustomer = ChunkedSum.over(frequency.length, (from, to) -> {
                double s = 0;
                for (int i = from; i < to; i++) {
                    int x = frequency[i];
                    s += (p * x + q) * Math.log(gamma + spend[i] * x);
                }
                return s;
            });
            return grouped + p * sumXLnM - sumLnM - perCustomer;
        }

        /**
         * {ln L, &part;/&part;p, &part;/&part;q, &part;/&part;&gamma;}: with L<sub>i</sub> = ln(&gamma; + m<sub>i</sub>
         * x<sub>i</sub>), &part;/&part;p = &Sigma;<sub>x</sub> n<sub>x</sub> x[&psi;(px+q) &minus; &psi;(px) + ln x] +
         * &Sigma;x ln m &minus; &Sigma;x L, &part;/&part;q = &Sigma;<sub>x</sub> n<sub>x</sub>[&psi;(px+q) &minus;
         * &psi;(q) + ln &gamma;] &minus; &Sigma;L, &part;/&part;&gamma; = nq/&gamma; &minus; &Sigma;(px+q)/(&gamma; + m x).
         */
        double[] valueAndGradient(double p, double q, double gamma) {
            double lnGammaQ = Gamma.logGamma(q);
            double psiQ = GaussHypergeometric.digamma(q);
            double lnGamma = Math.log(gamma);
            double value = 0;
            double dp = 0;
            double dq = 0;
            double dGamma = 0;
            for (int g = 0; g < distinct.length; g++) {
                int x = distinct[g];
                double px = p * x;
                double c = count[g];
                double psiPXQ = GaussHypergeometric.digamma(px + q);
                value += c * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGammaQ + q * lnGamma + px * Math.log(x));
                dp += c * x * (psiPXQ - GaussHypergeometric.digamma(px) + Math.log(x));
                dq += c * (psiPXQ - psiQ + lnGamma);
                dGamma += c * q / gamma;
            }
            double[] sums = ChunkedSum.vector(frequency.length, 4, (from, to, acc) -> {
                double xl = 0;
                double l = 0;
                double xInv = 0;
                double inv = 0;
                for (int i = from; i < to; i++) {
                    int x = frequency[i];
                    double d = gamma + spend[i] * x;
                    double ln = Math.log(d);
                    xl += x * ln;
                    l += ln;
                    xInv += x / d;
                    inv += 1 / d;
                }
                acc[0] += xl;
                acc[1] += l;
                acc[2] += xInv;
                acc[3] += inv;
            });
            return new double[] {
                value + p * sumXLnM - sumLnM - (p * sums[0] + q * sums[1]),
                dp + sumXLnM - sums[0],
                dq - sums[1],
                dGamma - (p * sums[2] + q * sums[3])};
        }
    }
}
