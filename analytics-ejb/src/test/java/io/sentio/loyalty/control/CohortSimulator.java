package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.GammaGammaParameters;
import java.util.SplittableRandom;

/**
 * Simulates customers from the generative BG/NBD and Gamma-Gamma processes themselves (not from the formulas
 * under test), with a fixed seed: rate &lambda; ~ Gamma(r, &alpha;), dropout p ~ Beta(a, b); exponential gaps
 * between purchases; after each repeat purchase the customer leaves with probability p; spend &nu; ~ Gamma(q,
 * &gamma;) per customer and each transaction value ~ Gamma(p, &nu;). Gamma variates by Marsaglia &amp; Tsang
 * (2000), Beta as a ratio of Gammas.
 */
public final class CohortSimulator {

    private final SplittableRandom random;

    public CohortSimulator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A cohort of {@code n} customers with ages T uniform in [minAge, maxAge]; monetary is the mean of the
     * simulated repeat transaction values (0 without repeat purchases).
     */
    public CustomerSummaries cohort(int n, BgNbdParameters bg, GammaGammaParameters gg, double minAge,
                                    double maxAge) {
        String[] ids = new String[n];
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "c" + i;
            age[i] = minAge + (maxAge - minAge) * random.nextDouble();
            double[] history = purchases(bg, age[i]);
            x[i] = (int) history[0];
            tx[i] = history[1];
            if (x[i] > 0) {
                double nu = gamma(gg.q()) / gg.gamma();
                double total = 0;
                for (int k = 0; k < x[i]; k++) {
                    total += gamma(gg.p()) / nu;
                }
                m[i] = total / x[i];
            }
        }
        return CustomerSummaries.of(ids, x, tx, age, m);
    }

    /** {repeat purchases in (0, T], time of the last one} for one new customer. */
    public double[] purchases(BgNbdParameters bg, double age) {
        double lambda = gamma(bg.r()) / bg.alpha();
        double ga = gamma(bg.a());
        double p = ga / (ga + gamma(bg.b()));
        double t = 0;
        int x = 0;
        double last = 0;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / lambda;
            if (t > age) {
                break;
            }
            x++;
            last = t;
            if (random.nextDouble() < p) {
                break;
            }
        }
        return new double[] {x, last};
    }

    /** Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the U^(1/k) boost for shape &lt; 1. */
    public double gamma(double shape) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
