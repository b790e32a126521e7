package io.sentio.bench;

import io.sentio.satisfaction.control.ItemMatrix;
import io.sentio.satisfaction.control.PlsBootstrap;
import io.sentio.satisfaction.control.PlsEstimator;
import io.sentio.satisfaction.control.SyntheticAcsi;
import io.sentio.satisfaction.entity.IndicatorMoments;
import io.sentio.satisfaction.entity.PlsResult;

/**
 * Prints PLS timings on 1,000,000 synthetic ACSI respondents × 14 items (1–10): point estimate from
 * raw rows (moments pass + estimation), from stored moments, and with 1,000 bootstrap resamples.
 * Run: mvn -B -q -pl analytics-ejb -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.sentio.bench.PlsBenchmark (Maven's JVM needs --add-modules jdk.incubator.vector,
 * see .mvn/jvm.config). Args: [rows] [resamples] [repetitions].
 */
public final class PlsBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf("PLS benchmark: %,d rows x 14 items, %d resamples, %d cores, vector kernel: %s%n", n, samples,
                Runtime.getRuntime().availableProcessors(), ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        long t0 = System.nanoTime();
        ItemMatrix data = ItemMatrix.of(SyntheticAcsi.names(), SyntheticAcsi.rows(n, 42, true));
        System.out.printf("data generation + compact encoding: %.2f s (compact=%s)%n", (System.nanoTime() - t0) / 1e9,
                data.isCompact());
        var estimator = new PlsEstimator(SyntheticAcsi.model(), PlsEstimator.Settings.defaults());
        var bootstrap = new PlsBootstrap(estimator);
        for (int r = 0; r < reps; r++) {
            long a = System.nanoTime();
            IndicatorMoments moments = data.moments();
            PlsResult raw = estimator.estimate(moments);
            long b = System.nanoTime();
            PlsResult fromMoments = estimator.estimate(moments);
            long c = System.nanoTime();
            PlsResult boot = bootstrap.estimate(data, samples, 7);
            long d = System.nanoTime();
            System.out.printf("run %d: raw rows %.1f ms | from moments %.3f ms | with %d bootstrap resamples %.2f s"
                            + " (satisfaction index %.2f CI %s, quality->satisfaction %.4f CI %s)%n", r + 1,
                    (b - a) / 1e6, (c - b) / 1e6, samples, (d - c) / 1e9, boot.indexes().get("satisfaction"),
                    java.util.Arrays.toString(boot.bootstrap().indexes().get("satisfaction").toArray()),
                    boot.path("quality", "satisfaction"),
                    java.util.Arrays.toString(boot.paths().get(4).ci95().toArray()));
            if (raw.path("quality", "satisfaction") != fromMoments.path("quality", "satisfaction")) {
                throw new IllegalStateException("raw and moments estimates differ");
            }
        }
    }
}
