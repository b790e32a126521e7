package io.sentio.loyalty.entity;

import java.util.HashSet;
import java.util.Set;

/**
 * The calibration-period purchase summary of a cohort of customers, held column-wise in primitive arrays so that
 * a million customers cost about 30 MB and the likelihood loops run over contiguous memory.
 *
 * <p>Per customer {@code i}: {@code frequency} x = number of repeat purchases (purchases after the first),
 * {@code recency} t<sub>x</sub> = time of the last repeat purchase measured from the first purchase (0 when
 * x = 0), {@code age} T = time from the first purchase to the end of the calibration period, and {@code monetary}
 * = mean value of the repeat purchases. All times share one unit (e.g. weeks); this is the input of
 * Fader, Hardie &amp; Lee (2005) "Counting your customers the easy way".
 *
 * <p>Invariants (checked on construction; arrays are copied in and out, so instances are immutable and safe to
 * share between threads): equal lengths, at least one customer, unique non-blank ids, x &ge; 0, all values
 * finite and &ge; 0, t<sub>x</sub> &le; T, and t<sub>x</sub> = 0 when x = 0.
 */
public final class CustomerSummaries {

    private final String[] ids;
    private final int[] frequency;
    private final double[] recency;
    private final double[] age;
    private final double[] monetary;

    private CustomerSummaries(String[] ids, int[] frequency, double[] recency, double[] age, double[] monetary) {
        this.ids = ids;
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetary = monetary;
    }

    /**
     * Validates and copies the columns.
     *
     * @throws InvalidLoyaltyDataException naming the customer index, id and field that violates an invariant
     */
    public static CustomerSummaries of(String[] ids, int[] frequency, double[] recency, double[] age,
                                       double[] monetary) {
        return validated(ids, frequency, recency, age, monetary, true);
    }

    /**
     * {@link #of} for ids that are distinct by construction (e.g. one row per customer of a
     * {@link PurchaseHistory}): every check but the duplicate-id one, which costs a hash-set insertion per
     * customer.
     */
    public static CustomerSummaries ofDistinctCustomers(String[] ids, int[] frequency, double[] recency,
                                                        double[] age, double[] monetary) {
        return validated(ids, frequency, recency, age, monetary, false);
    }

    private static CustomerSummaries validated(String[] ids, int[] frequency, double[] recency, double[] age,
                                               double[] monetary, boolean checkDuplicates) {
        if (ids == null || frequency == null || recency == null || age == null || monetary == null) {
            throw new InvalidLoyaltyDataException("customer summary columns must not be null");
        }
        int n = ids.length;
        if (frequency.length != n || recency.length != n || age.length != n || monetary.length != n) {
            throw new InvalidLoyaltyDataException("customer summary columns differ in length: ids " + n
                    + ", frequency " + frequency.length + ", recency " + recency.length + ", T " + age.length
                    + ", monetary " + monetary.length);
        }
        if (n == 0) {
            throw new InvalidLoyaltyDataException("customer summary is empty");
        }
        Set<String> seen = checkDuplicates ? new HashSet<>(n * 2) : null;
        for (int i = 0; i < n; i++) {
            String id = ids[i];
            if (id == null || id.isBlank()) {
                throw invalid(i, id, "customer_id", "is blank");
            }
            if (seen != null && !seen.add(id)) {
                throw invalid(i, id, "customer_id", "is repeated");
            }
            if (frequency[i] < 0) {
                throw invalid(i, id, "frequency", "is negative (" + frequency[i] + ")");
            }
            requireNonNegative(i, id, "recency", recency[i]);
            requireNonNegative(i, id, "T", age[i]);
            requireNonNegative(i, id, "monetary", monetary[i]);
            if (recency[i] > age[i]) {
                throw invalid(i, id, "recency", "(" + recency[i] + ") exceeds T (" + age[i] + ")");
            }
            if (frequency[i] == 0 && recency[i] != 0) {
                throw invalid(i, id, "recency", "must be 0 when frequency is 0 (was " + recency[i] + ")");
            }
        }
        return new CustomerSummaries(ids.clone(), frequency.clone(), recency.clone(), age.clone(), monetary.clone());
    }

    private static void requireNonNegative(int i, String id, String field, double v) {
        if (!Double.isFinite(v)) {
            throw invalid(i, id, field, "is not a finite number (" + v + ")");
        }
        if (v < 0) {
            throw invalid(i, id, field, "is negative (" + v + ")");
        }
    }

    private static InvalidLoyaltyDataException invalid(int i, String id, String field, String reason) {
        return new InvalidLoyaltyDataException(
                "customer #" + (i + 1) + " (" + id + "): " + field + " " + reason, 0, field);
    }

    /** Number of customers (&ge; 1). */
    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    /** Repeat purchases x of customer {@code i}. */
    public int frequency(int i) {
        return frequency[i];
    }

    /** Time t<sub>x</sub> of the last repeat purchase of customer {@code i}, since the first purchase. */
    public double recency(int i) {
        return recency[i];
    }

    /** Age T of customer {@code i}: time from the first purchase to the end of the calibration period. */
    public double age(int i) {
        return age[i];
    }

    /** Mean value of the repeat purchases of customer {@code i}. */
    public double monetary(int i) {
        return monetary[i];
    }

    /** A copy of the frequency column. */
    public int[] frequencies() {
        return frequency.clone();
    }

    /** A copy of the recency column. */
    public double[] recencies() {
        return recency.clone();
    }

    /** A copy of the T column. */
    public double[] ages() {
        return age.clone();
    }

    /** A copy of the monetary column. */
    public double[] monetaryValues() {
        return monetary.clone();
    }
}
