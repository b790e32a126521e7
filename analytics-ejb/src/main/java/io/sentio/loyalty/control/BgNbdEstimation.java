package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;

/**
 * Maximum-likelihood estimation of the BG/NBD parameters (FHL 2005 eq. 6) with Commons Math derivative-free
 * optimisers and Newton on unbounded coordinates ({@link #theta}: logarithms and a logit, which keep the parameters
 * positive and the problem well scaled):
 * <ol>
 * <li>times are divided by the mean T, so that &alpha; is of order one whatever the time unit (the likelihood
 * changes by the constant &Sigma;x ln(scale), added back at the end);</li>
 * <li>pilot: Nelder-Mead (Commons Math) from several starting points on a systematic subsample of at most
 * {@value #PILOT_SIZE} customers (all of them for smaller cohorts), loosely, to find the basin cheaply; then
 * Newton-Raphson on the analytic gradient ({@link BgNbdLikelihood#valueAndGradient}) to the subsample's optimum.
 * Given a start, such as last period's fit of the same customers, Newton goes from there, and the multi-start
 * search only runs if that fails;</li>
 * <li>full: Newton-Raphson over the whole cohort from the pilot optimum, starting with the pilot's Hessian
 * (the objective is the mean log-likelihood per customer, so the subsample's Hessian estimates the full one),
 * to a step below 10<sup>&minus;10</sup> in every log-parameter; should Newton fail, BOBYQA and Nelder-Mead
 * restarts take over ({@link LogSpaceOptimizer}).</li>
 * </ol>
 * The result is the full-data MLE; the pilot only chooses where the full-data search starts.
 */
final class BgNbdEstimation {

    static final int PILOT_SIZE = 20_000;
    /** The pilot only has to land in the optimum's basin; Newton does the rest. */
    static final double PILOT_TOLERANCE = 1e-5;
    /** Total log-likelihood below which improvements do not matter ({@link LogSpaceOptimizer}). */
    static final double RESOLUTION = 1e-6;
    private static final double RIDGE_START = 1000;
    /**
     * The bound on ln(a + b). Where dropout is homogeneous the likelihood keeps rising towards a, b &rarr; &infin;,
     * but beyond a + b = 10<sup>6</sup> its value no longer resolves the rise: on a million customers 30 days past
     * their data, it gained 3.5 units from 10<sup>6</sup> to 10<sup>9</sup> while its rounding noise grew from 0.003
     * to 0.4 units, and Newton's line searches failed on that noise (then a derivative-free search over every
     * customer took 15&ndash;20 s instead of 0.5 s). At the bound the spread of the dropout probability is below
     * 2&middot;10<sup>&minus;4</sup>: homogeneous for any prediction. The objective is flat in ln(a + b) beyond it.
     */
    static final double MAX_LOG_SUM = Math.log(1e6);
    private static final System.Logger LOG = System.getLogger(BgNbdEstimation.class.getName());
    private static final double[][] STARTS = {{1, 1, 1}, {0.5, 0.5, 3}, {2, 2, 8}};

    private BgNbdEstimation() {
    }

    /**
     * @param start parameters to start from instead of the multi-start pilot search (e.g. the fit of the same
     *              customers a period earlier), or null
     */
    static BgNbdFit fit(CustomerSummaries data, BgNbdParameters start) {
        int[] x = data.frequencies();
        double[] tx = data.recencies();
        double[] age = data.ages();
        int n = x.length;
        long totalX = 0;
        double totalAge = 0;
        for (int i = 0; i < n; i++) {
            totalX += x[i];
            totalAge += age[i];
        }
        if (totalX == 0) {
            throw new InvalidLoyaltyDataException(
                    "no customer has a repeat purchase: the BG/NBD model cannot be fitted", 0, "frequency");
        }
        double scale = totalAge > 0 ? totalAge / n : 1;
        for (int i = 0; i < n; i++) {
            tx[i] /= scale;
            age[i] /= scale;
        }
        BgNbdLikelihood full = new BgNbdLikelihood(x, tx, age);
        BgNbdLikelihood pilot = n > PILOT_SIZE ? subsample(x, tx, age) : full;
        double rate = (double) totalX / (totalAge / scale);

        LogSpaceOptimizer pilotSearch = new LogSpaceOptimizer(objective(pilot), 4, RESOLUTION / pilot.size());
        double[][] starts = new double[STARTS.length][];
        for (int k = 0; k < STARTS.length; k++) {
            double[] s = STARTS[k];
            starts[k] = theta(s[0], s[0] / rate, s[1], s[2]);
        }
        LogSpaceOptimizer.Minimum pilotMinimum = pilotSearch.pilot(start == null ? null : warmStart(start, scale),
                starts, PILOT_TOLERANCE, gradient(pilot));
        LogSpaceOptimizer fullSearch = new LogSpaceOptimizer(objective(full), 4, RESOLUTION / n);
        double[] theta = pilot == full ? pilotMinimum.theta()
                : fullSearch.newton(closer(fullSearch, pilotMinimum.theta(), start, scale), gradient(full),
                        pilotMinimum.hessian()).theta();
        LOG.log(System.Logger.Level.DEBUG, "BG/NBD fit of {0} customers: {1} pilot and {2} full evaluations",
                n, pilotSearch.evaluations(), fullSearch.evaluations());
        double[] p = parameters(theta);
        double logLikelihood = full.value(p[0], p[1], p[2], p[3]) - totalX * Math.log(scale);
        return new BgNbdFit(p[0], p[1] * scale, p[2], p[3], logLikelihood);
    }

    /**
     * The coordinates the optimisers work in: ln r, ln &alpha;, ln(a/b) = logit of the mean dropout probability
     * a/(a+b), and ln(a+b). Why not ln a and ln b: when dropout is the same for everybody the likelihood's supremum
     * lies at a, b &rarr; &infin; with a/(a+b) fixed, a ridge along the diagonal of (ln a, ln b) on which Newton's
     * steps wandered and the fit fell back to derivative-free search over all customers (10&ndash;20 s per million).
     * Here that ridge is the ln(a+b) axis alone, where Newton's ridge stop ({@link LogSpaceOptimizer}) applies.
     */
    static double[] theta(double r, double alpha, double a, double b) {
        return new double[] {Math.log(r), Math.log(alpha), Math.log(a) - Math.log(b), Math.log(a + b)};
    }

    /** r, &alpha;, a, b of {@link #theta} coordinates. */
    static double[] parameters(double[] theta) {
        double sum = Math.exp(Math.min(theta[3], MAX_LOG_SUM));
        // a/(a+b) and b/(a+b) each from its own logistic, so that neither is 1 minus a number close to 1
        double a = sum / (1 + Math.exp(-theta[2]));
        double b = sum / (1 + Math.exp(theta[2]));
        return new double[] {Math.exp(theta[0]), Math.exp(theta[1]), a, b};
    }

    /**
     * {@link #theta} coordinates (times divided by {@code scale}) to start from given an earlier fit. A fit on the
     * ridge a, b &rarr; &infin; stopped at an arbitrary point along it, from where the likelihood is flat in every
     * direction that leads back to an interior optimum: such a start is brought back to a + b =
     * {@value #RIDGE_START}, keeping the mean dropout probability a/(a+b) (the logit coordinate).
     */
    private static double[] warmStart(BgNbdParameters start, double scale) {
        double[] theta = theta(start.r(), start.alpha() / scale, start.a(), start.b());
        theta[3] = Math.min(theta[3], Math.log(RIDGE_START));
        return theta;
    }

    /**
     * Where the full-data search starts: the pilot's optimum, or the given start if that is better on all the
     * data (a refit of almost the same customers, e.g. after an import, starts nearer than a subsample's optimum).
     */
    private static double[] closer(LogSpaceOptimizer fullSearch, double[] pilotOptimum, BgNbdParameters start,
                                   double scale) {
        if (start == null) {
            return pilotOptimum;
        }
        double[] warm = warmStart(start, scale);
        return fullSearch.value(warm) < fullSearch.value(pilotOptimum) ? warm : pilotOptimum;
    }

    /** Negative mean log-likelihood in log-parameters; +&infin; where it is not finite. */
    private static LogSpaceOptimizer.Objective objective(BgNbdLikelihood likelihood) {
        double n = likelihood.size();
        return theta -> {
            double[] p = parameters(theta);
            double v = -likelihood.value(p[0], p[1], p[2], p[3]) / n;
            return Double.isFinite(v) ? v : Double.MAX_VALUE;
        };
    }

    /**
     * The gradient of {@link #objective} in {@link #theta} coordinates, by the chain rule: &part;/&part;ln r =
     * r &part;/&part;r, likewise &alpha;; with p = a/(a+b) and s = a+b, a = ps and b = (1&minus;p)s, so
     * &part;/&part;logit p = (ab/s)(&part;/&part;a &minus; &part;/&part;b) and &part;/&part;ln s =
     * a &part;/&part;a + b &part;/&part;b.
     */
    private static LogSpaceOptimizer.Gradient gradient(BgNbdLikelihood likelihood) {
        double n = likelihood.size();
        return theta -> {
            double[] p = parameters(theta);
            double r = p[0];
            double alpha = p[1];
            double a = p[2];
            double b = p[3];
            double[] v = likelihood.valueAndGradient(r, alpha, a, b);
            return new double[] {-v[0] / n, -r * v[1] / n, -alpha * v[2] / n,
                -a * b / (a + b) * (v[3] - v[4]) / n, theta[3] > MAX_LOG_SUM ? 0 : -(a * v[3] + b * v[4]) / n};
        };
    }

    private static BgNbdLikelihood subsample(int[] x, double[] tx, double[] age) {
        int n = x.length;
        int stride = (n + PILOT_SIZE - 1) / PILOT_SIZE;
        int m = (n + stride - 1) / stride;
        int[] sx = new int[m];
        double[] stx = new double[m];
        double[] sage = new double[m];
        for (int j = 0; j < m; j++) {
            sx[j] = x[j * stride];
            stx[j] = tx[j * stride];
            sage[j] = age[j * stride];
        }
        return new BgNbdLikelihood(sx, stx, sage);
    }
}
