package io.sentio.bench;

import io.sentio.loyalty.control.LoyaltySummarizer;
import io.sentio.loyalty.entity.Breakdown;
import io.sentio.loyalty.entity.ChurnRule;
import io.sentio.loyalty.entity.InteractionHistory;
import io.sentio.loyalty.entity.PeriodSummary;
import io.sentio.loyalty.entity.PurchaseHistory;
import io.sentio.loyalty.entity.ValueTierThresholds;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The loyalty summary's computation on issue 6's scale (default 1,000,000 customers and 20,000,000 transactions
 * over two years), from purchases already in memory: quarterly retention, churn, RFM, Pareto, Gini, tiers, and the
 * BG/NBD + Gamma-Gamma fits at every period boundary for customer equity and ROC. Reading the purchases from the
 * store is not included (see docs/benchmarks.md). Each run prints three summaries side by side: cold (every
 * boundary fitted), the same purchases with another churn window (every boundary's equity reused, the periods
 * computed), and with one more day of purchases merged in as after an import (the new day is in the last period:
 * only the last boundary is refitted and the last period computed). Each customer buys at a personal Poisson rate
 * until a personal geometric lifetime ends, so churn, retention and repeat purchases all occur.
 * Run: {@code MAVEN_OPTS=-Xmx8g mvn -B -q -pl analytics-ejb exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sentio.bench.LoyaltySummaryBenchmark [-Dexec.args="1000000 20000000 3"]}.
 */
public final class LoyaltySummaryBenchmark {

    private LoyaltySummaryBenchmark() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long target = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long t0 = System.nanoTime();
        PurchaseHistory history = generate(customers, target, new SplittableRandom(2026));
        System.out.printf("generated %,d customers, %,d purchases in %.1f s (%d cores)%n", history.customers(),
                history.size(), (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
        for (Breakdown by : new Breakdown[] {null, Breakdown.TIER}) {
            for (int run = 1; run <= runs; run++) {
                // cold: every boundary fitted, every period computed (nothing to reuse)
                LoyaltySummarizer.Reuse reuse = LoyaltySummarizer.Reuse.none();
                summarize(history, by, 180, reuse, "cold, run " + run);
                // the same purchases with another churn window: every boundary's equity reused, the periods computed
                summarize(history, by, 90, reuse, "other churn window, run " + run);
                // one more day of purchases (1% of customers), merged in as after an import: only the last
                // boundary refitted and the last period computed
                long start = System.nanoTime();
                PurchaseHistory more = history.withAdded(oneMoreDay(history, new SplittableRandom(run)));
                System.out.printf("  (one more day merged into the history in %.2f s)%n",
                        (System.nanoTime() - start) / 1e9);
                summarize(more, by, 180, reuse, "one more day, run " + run);
            }
        }
    }

    private static void summarize(PurchaseHistory history, Breakdown by, int churnDays, LoyaltySummarizer.Reuse reuse,
                                  String what) {
        long start = System.nanoTime();
        List<PeriodSummary> periods = quarterly(history, by, churnDays, reuse);
        double seconds = (System.nanoTime() - start) / 1e9;
        PeriodSummary last = periods.getLast();
        System.out.printf("summary by %s, %s: %.2f s for %d quarters (last %s: %,d active, retention %.3f, ROC %.4f)%n",
                by == null ? "nothing" : by.name().toLowerCase(), what, seconds, periods.size(), last.period(),
                last.active(), last.retentionRate(), last.returnOnCustomer());
    }

    /** The benchmarked summary: quarters, inactivity churn, 52 weeks' equity undiscounted, the default tiers. */
    static List<PeriodSummary> quarterly(PurchaseHistory history, Breakdown by, int churnDays,
                                         LoyaltySummarizer.Reuse reuse) {
        return LoyaltySummarizer.summarize(history, InteractionHistory.empty(), Map.of(),
                LoyaltySummarizer.Granularity.QUARTER, new ChurnRule(ChurnRule.Definition.INACTIVITY, churnDays), by,
                52, 0, ValueTierThresholds.DEFAULT, reuse);
    }

    /** One purchase on the day after the history's last by every hundredth customer. */
    static PurchaseHistory oneMoreDay(PurchaseHistory h, SplittableRandom random) {
        int lastDay = Integer.MIN_VALUE;
        for (int c = 0; c < h.customers(); c++) {
            lastDay = Math.max(lastDay, h.day(h.end(c) - 1));
        }
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        for (int c = 0; c < h.customers(); c += 100) {
            builder.accept(h.customer(c), lastDay + 1, 10 + 90 * random.nextDouble(), "web");
        }
        return builder.build();
    }

    /** Customers arrive uniformly over two years; ~{@code target} purchases in all. */
    static PurchaseHistory generate(int customers, long target, SplittableRandom random) {
        LocalDate first = LocalDate.of(2024, 1, 1);
        int span = 730;
        double meanPerCustomer = (double) target / customers;
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        String[] touchpoints = {"web", "store", "app", "phone"};
        for (int c = 0; c < customers; c++) {
            String id = String.format("c%07d", c);
            int arrival = random.nextInt(span);
            // lifetime in days: geometric with mean about a year; purchases at a personal rate while alive
            int lifetime = (int) Math.min(span - arrival, Math.ceil(Math.log(1 - random.nextDouble()) / Math.log(1 - 1 / 365.0)));
            double perDay = meanPerCustomer * (0.2 + 1.6 * random.nextDouble()) / Math.max(1, (span - arrival) * 0.6);
            String touchpoint = touchpoints[random.nextInt(touchpoints.length)];
            int day = arrival;
            double spend = 10 + 90 * random.nextDouble();
            builder.accept(id, first.toEpochDay() + day, Math.round(spend * (0.5 + random.nextDouble()) * 100) / 100.0,
                    touchpoint);
            while (true) {
                day += 1 + (int) (-Math.log(1 - random.nextDouble()) / perDay);
                if (day >= arrival + lifetime || day >= span) {
                    break;
                }
                builder.accept(id, first.toEpochDay() + day, Math.round(spend * (0.5 + random.nextDouble()) * 100) / 100.0,
                        touchpoint);
            }
        }
        return builder.build();
    }
}
