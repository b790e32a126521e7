package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD ("beta-geometric/negative binomial distribution") model of repeat buying, Fader, Hardie &amp; Lee
 * (2005), "Counting your customers the easy way: an alternative to the Pareto/NBD model", Marketing Science
 * 24(2):275&ndash;284 ("FHL"). While alive a customer buys as a Poisson process with rate &lambda; ~
 * Gamma(r, &alpha;); after every purchase the customer drops out with probability p ~ Beta(a, b).
 *
 * <p>An instance holds fixed parameters and answers the model's questions for one customer; {@link #fit} finds
 * the maximum-likelihood parameters for a cohort. Instances are immutable and thread-safe.
 *
 * <p>Numerics: the likelihood is evaluated in log space with a log-sum-exp of its two terms, so large x and T
 * cannot overflow; the factor (a+b+x&minus;1)/(a&minus;1) of the FHL expressions for E[X(t)] and
 * E[Y(t) | x, t<sub>x</sub>, T] (eq. 10), singular at a = 1, is evaluated
 * through Euler's transformation as a series in (a&minus;1) near a = 1 (see {@link #bracket}).
 */
public final class BgNbdModel {

    private final BgNbdParameters parameters;

    public BgNbdModel(BgNbdParameters parameters) {
        if (parameters == null) {
            throw new InvalidLoyaltyDataException("BG/NBD parameters must not be null");
        }
        this.parameters = parameters;
    }

    public BgNbdParameters parameters() {
        return parameters;
    }

    /**
     * Maximum-likelihood fit of FHL eq. 6 to a cohort; see {@link BgNbdEstimation} for the optimiser.
     *
     * @throws InvalidLoyaltyDataException when no customer has a repeat purchase (the dropout process is then
     *                                     not identified)
     */
    public static BgNbdFit fit(CustomerSummaries data) {
        return BgNbdEstimation.fit(data, null);
    }

    /** {@link #fit(CustomerSummaries)} searching from {@code start} (e.g. an earlier fit of the same customers). */
    public static BgNbdFit fit(CustomerSummaries data, BgNbdParameters start) {
        return BgNbdEstimation.fit(data, start);
    }

    /**
     * Log-likelihood of one customer, ln L(r, &alpha;, a, b | x, t<sub>x</sub>, T), FHL eq. 6:
     * L = B(a, b+x)/B(a, b) &middot; &Gamma;(r+x)&alpha;<sup>r</sup>/(&Gamma;(r)(&alpha;+T)<sup>r+x</sup>)
     * + &delta;<sub>x&gt;0</sub> B(a+1, b+x&minus;1)/B(a, b) &middot; &Gamma;(r+x)&alpha;<sup>r</sup>/(&Gamma;(r)
     * (&alpha;+t<sub>x</sub>)<sup>r+x</sup>).
     */
    public double logLikelihood(int x, double tx, double age) {
        requireCustomer(x, tx, age);
        double r = parameters.r();
        double alpha = parameters.alpha();
        double a = parameters.a();
        double b = parameters.b();
        double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        double logAliveTerm = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return common + logAliveTerm;
        }
        double logDropTerm = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return common + logSumExp(logAliveTerm, logDropTerm);
    }

    /** Sum of {@link #logLikelihood(int, double, double)} over a cohort (evaluated in parallel). */
    public double logLikelihood(CustomerSummaries data) {
        return new BgNbdLikelihood(data.frequencies(), data.recencies(), data.ages()).value(
                parameters.r(), parameters.alpha(), parameters.a(), parameters.b());
    }

    /**
     * E[X(t)], the expected number of purchases in (0, t] of a customer who made a first purchase at time 0,
     * FHL 2005 (the unconditional expectation, section 3):
     * (a+b&minus;1)/(a&minus;1) &middot; [1 &minus; (&alpha;/(&alpha;+t))<sup>r</sup>
     * <sub>2</sub>F<sub>1</sub>(r, b; a+b&minus;1; t/(&alpha;+t))].
     */
    public double expectedPurchases(double t) {
        requireTime("t", t);
        if (t == 0) {
            return 0;
        }
        double r = parameters.r();
        double alpha = parameters.alpha();
        double a = parameters.a();
        double b = parameters.b();
        double z = t / (alpha + t);
        return (a + b - 1) * bracket(r, a + b - 1, z, a);
    }

    /**
     * P(alive | x, t<sub>x</sub>, T): the probability that a customer with this history is still alive at T
     * (Fader, Hardie &amp; Lee 2008, "Computing P(alive) using the BG/NBD model"; the denominator of FHL eq. 10):
     * 1 / (1 + &delta;<sub>x&gt;0</sub> a/(b+x&minus;1) ((&alpha;+T)/(&alpha;+t<sub>x</sub>))<sup>r+x</sup>).
     * Exactly 1 for x = 0: a customer without repeat purchases has had no opportunity to drop out.
     */
    public double probabilityAlive(int x, double tx, double age) {
        requireCustomer(x, tx, age);
        if (x == 0) {
            return 1;
        }
        return 1 / (1 + Math.exp(logOddsDead(x, tx, age)));
    }

    /**
     * E[Y(t) | x, t<sub>x</sub>, T], the expected number of purchases in (T, T+t] of a customer with history
     * (x, t<sub>x</sub>, T), FHL eq. 10:
     * (a+b+x&minus;1)/(a&minus;1) &middot; [1 &minus; ((&alpha;+T)/(&alpha;+T+t))<sup>r+x</sup>
     * <sub>2</sub>F<sub>1</sub>(r+x, b+x; a+b+x&minus;1; t/(&alpha;+T+t))] &middot; P(alive | x, t<sub>x</sub>, T).
     */
    public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
        requireTime("t", t);
        requireCustomer(x, tx, age);
        return expectedPurchasesIfAlive(t, x, age) * probabilityAlive(x, tx, age);
    }

    /**
     * E[Y(t) | alive at T, x, T]: eq. 10 without its P(alive) factor. It does not depend on t<sub>x</sub>, so a
     * population's customers with equal (x, T) share it. Arguments as checked by
     * {@link #conditionalExpectedPurchases}.
     */
    double expectedPurchasesIfAlive(double t, int x, double age) {
        if (t == 0) {
            return 0;
        }
        double r = parameters.r();
        double alpha = parameters.alpha();
        double a = parameters.a();
        double b = parameters.b();
        double z = t / (alpha + age + t);
        return (a + b + x - 1) * bracket(r + x, a + b + x - 1, z, a);
    }

    /** ln[a/(b+x&minus;1) ((&alpha;+T)/(&alpha;+t<sub>x</sub>))<sup>r+x</sup>], for x &gt; 0. */
    private double logOddsDead(int x, double tx, double age) {
        double r = parameters.r();
        double alpha = parameters.alpha();
        return Math.log(parameters.a()) - Math.log(parameters.b() + x - 1)
                + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
    }

    /**
     * [1 &minus; (1&minus;z)<sup>A</sup> <sub>2</sub>F<sub>1</sub>(A, B; C; z)] / (a&minus;1) with
     * C &minus; B = a &minus; 1: the common factor of the FHL expressions for E[X(t)] (A=r, B=b, C=a+b&minus;1) and
     * E[Y(t) | x, t<sub>x</sub>, T] (eq. 10; A=r+x, B=b+x, C=a+b+x&minus;1). Euler's transformation (A&amp;S
     * 15.3.3) rewrites (1&minus;z)<sup>A</sup>F(A,B;C;z) = (1&minus;z)<sup>a&minus;1</sup>F(C&minus;A, a&minus;1;
     * C; z), whose upper parameters do not grow with x (so a customer with thousands of purchases neither
     * overflows nor needs thousands of terms); when a&minus;1 &gt; A the untransformed form is the one that stays
     * finite, and is used instead. The factor has a removable singularity at a = 1; there, since
     * (a&minus;1)<sub>n</sub> = (a&minus;1)(a)<sub>n&minus;1</sub>, F(C&minus;A, a&minus;1; C; z) = 1 + (a&minus;1)S
     * with S = &Sigma;<sub>n&ge;1</sub> (C&minus;A)<sub>n</sub>(a)<sub>n&minus;1</sub>/((C)<sub>n</sub> n!)
     * z<sup>n</sup>, and the bracket is &minus;expm1((a&minus;1)L)/(a&minus;1) &minus; e<sup>(a&minus;1)L</sup>S with
     * L = ln(1&minus;z), free of cancellation; this form is used for |a&minus;1| &lt; 0.01.
     */
    static double bracket(double capA, double capC, double z, double a) {
        double am1 = a - 1;
        double logY = Math.log1p(-z);
        double cma = capC - capA;
        if (Math.abs(am1) >= 0.01) {
            // The transformed series grows like (1-z)^-(a-1): for a dropout distribution concentrated by a large
            // a (a, b -> infinity is a common maximum-likelihood ridge) it overflows, while the original
            // (1-z)^A F(A, B; C; z) grows only like (1-z)^-A: take the form with the smaller exponent.
            double exponent = am1 > capA ? capA : am1;
            double f = am1 > capA
                    ? GaussHypergeometric.value(capA, capC - am1, capC, z)
                    : GaussHypergeometric.value(cma, am1, capC, z);
            if (f > 0) {
                return -Math.expm1(exponent * logY + Math.log(f)) / am1;
            }
            return (1 - Math.exp(exponent * logY) * f) / am1;
        }
        double first = am1 == 0 ? -logY : -Math.expm1(am1 * logY) / am1;
        double term = cma / capC * z;
        double s = term;
        for (int n = 1; n < 5_000_000; n++) {
            double ratio = (cma + n) * (a + n - 1) / ((capC + n) * (n + 1)) * z;
            term *= ratio;
            s += term;
            double rho = Math.max(Math.abs(ratio), z);
            if (term == 0 || Math.abs(term) * rho / (1 - rho) <= 1e-16 * Math.abs(s)) {
                return first - Math.exp(am1 * logY) * s;
            }
        }
        throw new ArithmeticException("BG/NBD expectation series did not converge: z=" + z + ", a=" + a);
    }

    static double logSumExp(double u, double v) {
        return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
    }

    private static void requireTime(String name, double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new InvalidLoyaltyDataException(name + " must be finite and >= 0, was " + t, 0, name);
        }
    }

    private static void requireCustomer(int x, double tx, double age) {
        if (x < 0) {
            throw new InvalidLoyaltyDataException("frequency must be >= 0, was " + x, 0, "frequency");
        }
        requireTime("recency", tx);
        requireTime("T", age);
        if (tx > age) {
            throw new InvalidLoyaltyDataException("recency " + tx + " exceeds T " + age, 0, "recency");
        }
    }

    @Override
    public String toString() {
        return "BgNbdModel" + Arrays.toString(new double[] {
            parameters.r(), parameters.alpha(), parameters.a(), parameters.b()});
    }
}
