package io.sentio.bench;

import io.sentio.loyalty.control.BgNbdModel;
import io.sentio.loyalty.control.ClvEstimator;
import io.sentio.loyalty.control.CohortSimulator;
import io.sentio.loyalty.control.GammaGammaModel;
import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.BgNbdParameters;
import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.GammaGammaParameters;

/**
 * Fit time of BG/NBD + Gamma-Gamma on simulated cohorts (default 1,000,000 customers, CDNOW-like parameters).
 * Run: {@code mvn -B -q -pl analytics-ejb -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sentio.bench.ClvBenchmark [-Dexec.args="1000000 3"]}.
 */
public final class ClvBenchmark {

    private ClvBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BgNbdParameters bg = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
        GammaGammaParameters gg = new GammaGammaParameters(6.25, 3.74, 15.44);
        long t0 = System.nanoTime();
        CustomerSummaries cohort = new CohortSimulator(20_250_101L).cohort(n, bg, gg, 27, 39);
        System.out.printf("simulated %,d customers in %.2f s (%d cores)%n", n, (System.nanoTime() - t0) / 1e9,
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            BgNbdFit fit = BgNbdModel.fit(cohort);
            long mid = System.nanoTime();
            GammaGammaParameters spend = GammaGammaModel.fit(cohort);
            long end = System.nanoTime();
            System.out.printf("round %d: BG/NBD %.2f s + Gamma-Gamma %.2f s = %.2f s; %s; %s%n", round,
                    (mid - start) / 1e9, (end - mid) / 1e9, (end - start) / 1e9, fit, spend);
            if (round == rounds) {
                long c0 = System.nanoTime();
                var analysis = new ClvEstimator(fit, spend).analyse(cohort, 39, 0);
                long c1 = System.nanoTime();
                var discounted = new ClvEstimator(fit, spend).analyse(cohort, 39, 0.002);
                long c2 = System.nanoTime();
                System.out.printf("CLV per customer, 39 periods: undiscounted %.2f s (equity %.0f),"
                        + " discounted %.2f s (equity %.0f)%n", (c1 - c0) / 1e9, analysis.customerEquity(),
                        (c2 - c1) / 1e9, discounted.customerEquity());
            }
        }
    }
}
