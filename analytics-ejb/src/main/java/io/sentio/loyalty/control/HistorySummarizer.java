package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PurchaseHistory;

import java.time.LocalDate;

/**
 * The calibration summary (x, t<sub>x</sub>, T, m) of Fader, Hardie &amp; Lee (2005) read from a
 * {@link PurchaseHistory}'s running figures: one binary search per customer for the last purchase on or before the
 * end of the calibration period, instead of a pass over every purchase as {@link PurchaseSummarizer} (the reference,
 * one date at a time) makes. The definitions are {@link PurchaseSummarizer}'s: purchases per distinct day, the first
 * day the trial, x = later distinct purchase days ({@link PurchaseHistory#earlierDays}), t<sub>x</sub> = days from
 * the first to the last purchase day, T = days from the first purchase day to the last day of the period, m = the
 * repeat days' spend / x (a difference of {@link PurchaseHistory#spendThrough} running sums), times in weeks. x,
 * t<sub>x</sub> and T are the same numbers as {@link PurchaseSummarizer}'s, m agrees up to rounding
 * ({@code HistorySummarizerTest}). Cost: O(customers &times; log purchases). Stateless and thread-safe.
 */
public final class HistorySummarizer {

    private static final double DAYS_PER_WEEK = 7;

    private HistorySummarizer() {
    }

    /**
     * The summary of every customer with a purchase on or before {@code asOf}, with the calibration period ending
     * at the end of {@code asOf}, in the history's customer order (as {@link PurchaseSummarizer} fed the history
     * gives it); later purchases are ignored.
     *
     * @throws InvalidLoyaltyDataException when no purchase is on or before {@code asOf}
     */
    public static CustomerSummaries summarize(PurchaseHistory h, LocalDate asOf) {
        long lastDay = asOf.toEpochDay();
        return summarize(h, h.customersBuyingBefore(lastDay + 1), lastDay);
    }

    /**
     * The summary of the {@code members} (customers of the history, each with a purchase on or before
     * {@code lastDay}) with the calibration period ending at the end of epoch day {@code lastDay}.
     */
    static CustomerSummaries summarize(PurchaseHistory h, int[] members, long lastDay) {
        int n = members.length;
        int end = Math.clamp(lastDay + 1, Integer.MIN_VALUE, Integer.MAX_VALUE); // purchases before it count
        String[] ids = new String[n];
        int[] frequency = new int[n];
        double[] recency = new double[n];
        double[] age = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            int c = members[i];
            int first = h.start(c);
            int last = LoyaltySummarizer.firstAtOrAfter(h, first, h.end(c), end) - 1;
            int x = h.earlierDays(last);
            ids[i] = h.customer(c);
            frequency[i] = x;
            age[i] = (lastDay - h.day(first)) / DAYS_PER_WEEK;
            if (x > 0) {
                int lastOfFirstDay = LoyaltySummarizer.firstAtOrAfter(h, first, last, h.day(first) + 1) - 1;
                recency[i] = (h.day(last) - h.day(first)) / DAYS_PER_WEEK;
                monetary[i] = (h.spendThrough(last) - h.spendThrough(lastOfFirstDay)) / x;
            }
        }
        return CustomerSummaries.ofDistinctCustomers(ids, frequency, recency, age, monetary);
    }
}
