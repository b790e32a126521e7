package io.sentio.loyalty.entity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Every customer's dated purchases, column-wise: customer {@code c}'s purchases are the indices
 * {@code start(c)..end(c)-1}, in non-decreasing day order (epoch days, UTC), each with the touchpoint it was made
 * at when known, plus two running figures per customer that let a summary at any day be read with one binary
 * search instead of a pass over the purchases: the number of the customer's distinct purchase days before a
 * purchase's day, and the customer's spend up to and including a purchase. About 28 bytes per purchase
 * (touchpoint names are interned into a small table). Immutable once built; build with {@link Builder} from
 * purchases ordered by customer, then date.
 */
public final class PurchaseHistory {

    private final String[] customers;
    private final int[] offsets;
    private final int[] days;
    private final double[] amounts;
    private final int[] touchpoints;
    private final String[] touchpointNames;
    private final int[] earlierDays;
    private final double[] spendThrough;

    private PurchaseHistory(String[] customers, int[] offsets, int[] days, double[] amounts, int[] touchpoints,
                            String[] touchpointNames) {
        this.customers = customers;
        this.offsets = offsets;
        this.days = days;
        this.amounts = amounts;
        this.touchpoints = touchpoints;
        this.touchpointNames = touchpointNames;
        this.earlierDays = new int[days.length];
        this.spendThrough = new double[days.length];
        for (int c = 0; c < customers.length; c++) {
            double spend = 0;
            int distinct = 0;
            for (int i = offsets[c]; i < offsets[c + 1]; i++) {
                if (i > offsets[c] && days[i] != days[i - 1]) {
                    distinct++;
                }
                earlierDays[i] = distinct;
                spend += amounts[i];
                spendThrough[i] = spend;
            }
        }
    }

    public int customers() {
        return customers.length;
    }

    public String customer(int c) {
        return customers[c];
    }

    public int start(int c) {
        return offsets[c];
    }

    public int end(int c) {
        return offsets[c + 1];
    }

    public int day(int i) {
        return days[i];
    }

    public double amount(int i) {
        return amounts[i];
    }

    /** The number of distinct days on which the customer of purchase {@code i} bought before that purchase's day. */
    public int earlierDays(int i) {
        return earlierDays[i];
    }

    /** The total amount of the purchases of purchase {@code i}'s customer up to and including {@code i}. */
    public double spendThrough(int i) {
        return spendThrough[i];
    }

    /** The touchpoint of purchase {@code i}, or null when the transaction named none. */
    public String touchpoint(int i) {
        return touchpoints[i] < 0 ? null : touchpointNames[touchpoints[i]];
    }

    /** The customers whose first purchase is before {@code day} (acquired by then), in history order. */
    public int[] customersBuyingBefore(long day) {
        return IntStream.range(0, customers.length).filter(c -> days[offsets[c]] < day).toArray();
    }

    /** Number of purchases. */
    public int size() {
        return days.length;
    }

    /**
     * This history with the purchases of {@code added} as well, in the same order a {@link Collector} would have
     * built from all of them (customers by id; a customer's purchases by day, this history's first on a day they
     * share). Both histories must be ordered by customer id, as a {@link Collector} builds them. Costs a copy of
     * the columns, a fraction of a second for millions of purchases, where collecting them again from the store
     * takes minutes.
     *
     * @throws IllegalArgumentException if either history is not ordered by customer id
     */
    public PurchaseHistory withAdded(PurchaseHistory added) {
        if (added.size() == 0) {
            return this;
        }
        requireOrderedById();
        added.requireOrderedById();
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (String name : touchpointNames) {
            codes.put(name, codes.size());
        }
        int[] recode = new int[added.touchpointNames.length];
        for (int t = 0; t < recode.length; t++) {
            recode[t] = codes.computeIfAbsent(added.touchpointNames[t], name -> codes.size());
        }
        Merge m = new Merge(customers.length + added.customers.length, size() + added.size());
        int a = 0;
        int b = 0;
        while (a < customers.length || b < added.customers.length) {
            int order = a == customers.length ? 1
                    : b == added.customers.length ? -1 : customers[a].compareTo(added.customers[b]);
            if (order < 0) { // a run of customers without added purchases, copied at once
                int runEnd = b == added.customers.length ? customers.length
                        : firstAtOrAfter(customers, a, added.customers[b]);
                m.copy(this, a, runEnd, null);
                a = runEnd;
            } else if (order > 0) {
                m.copy(added, b, b + 1, recode);
                b++;
            } else {
                m.interleave(this, a, added, b, recode);
                a++;
                b++;
            }
        }
        return m.build(codes.keySet().toArray(String[]::new));
    }

    private void requireOrderedById() {
        for (int c = 1; c < customers.length; c++) {
            if (customers[c - 1].compareTo(customers[c]) >= 0) {
                throw new IllegalArgumentException("customers are not ordered by id at " + customers[c]);
            }
        }
    }

    /** The first index in [from, customers.length) whose id is at least {@code id} (ids ascending). */
    private static int firstAtOrAfter(String[] ids, int from, String id) {
        int index = Arrays.binarySearch(ids, from, ids.length, id);
        return index >= 0 ? index : -index - 1;
    }

    /** The columns of a merged history, filled customer by customer. */
    private static final class Merge {
        final String[] customers;
        final int[] offsets;
        final int[] days;
        final double[] amounts;
        final int[] touchpoints;
        int n;
        int size;

        Merge(int maxCustomers, int purchases) {
            customers = new String[maxCustomers];
            offsets = new int[maxCustomers + 1];
            days = new int[purchases];
            amounts = new double[purchases];
            touchpoints = new int[purchases];
        }

        /** Customers [from, to) of {@code h} with all their purchases; touchpoint codes through {@code recode}. */
        void copy(PurchaseHistory h, int from, int to, int[] recode) {
            int first = h.offsets[from];
            int count = h.offsets[to] - first;
            for (int c = from; c < to; c++) {
                customers[n] = h.customers[c];
                offsets[n] = size + h.offsets[c] - first;
                n++;
            }
            System.arraycopy(h.days, first, days, size, count);
            System.arraycopy(h.amounts, first, amounts, size, count);
            for (int i = 0; i < count; i++) {
                int t = h.touchpoints[first + i];
                touchpoints[size + i] = recode == null || t < 0 ? t : recode[t];
            }
            size += count;
            offsets[n] = size;
        }

        /** One customer's purchases from both histories by day, {@code h}'s first on a day both have. */
        void interleave(PurchaseHistory h, int c, PurchaseHistory added, int d, int[] recode) {
            customers[n] = h.customers[c];
            offsets[n] = size;
            n++;
            int i = h.offsets[c];
            int j = added.offsets[d];
            while (i < h.offsets[c + 1] || j < added.offsets[d + 1]) {
                if (j == added.offsets[d + 1] || (i < h.offsets[c + 1] && h.days[i] <= added.days[j])) {
                    put(h.days[i], h.amounts[i], h.touchpoints[i]);
                    i++;
                } else {
                    int t = added.touchpoints[j];
                    put(added.days[j], added.amounts[j], t < 0 ? t : recode[t]);
                    j++;
                }
            }
            offsets[n] = size;
        }

        private void put(int day, double amount, int touchpoint) {
            days[size] = day;
            amounts[size] = amount;
            touchpoints[size] = touchpoint;
            size++;
        }

        PurchaseHistory build(String[] touchpointNames) {
            return new PurchaseHistory(Arrays.copyOf(customers, n), Arrays.copyOf(offsets, n + 1), days, amounts,
                    touchpoints, touchpointNames);
        }
    }

    /**
     * Collects purchases ordered by customer, then date; refuses any other order (so every customer appears once).
     * Not thread-safe.
     */
    public static final class Builder {
        private String[] customers = new String[256];
        private int[] offsets = new int[257];
        private int[] days = new int[1024];
        private double[] amounts = new double[1024];
        private int[] touchpoints = new int[1024];
        private final Map<String, Integer> touchpointCodes = new LinkedHashMap<>();
        private final Set<String> seen = new HashSet<>();
        private int n;
        private int size;

        /** @param touchpoint where the purchase was made, or null when unknown */
        public void accept(String customer, long epochDay, double amount, String touchpoint) {
            if (customer == null || !(amount >= 0) || !Double.isFinite(amount)) {
                throw new InvalidLoyaltyDataException("a purchase needs a customer and a finite amount >= 0 (customer "
                        + customer + ", amount " + amount + ")");
            }
            if (n == 0 || !customers[n - 1].equals(customer)) {
                if (!seen.add(customer)) {
                    throw new InvalidLoyaltyDataException("purchases of customer " + customer + " are not contiguous");
                }
                if (n == customers.length) {
                    customers = Arrays.copyOf(customers, n * 2);
                    offsets = Arrays.copyOf(offsets, n * 2 + 1);
                }
                customers[n] = customer;
                offsets[n] = size;
                n++;
            } else if (epochDay < days[size - 1]) {
                throw new InvalidLoyaltyDataException("purchases of customer " + customer + " are not in date order");
            }
            if (size == days.length) {
                days = Arrays.copyOf(days, size * 2);
                amounts = Arrays.copyOf(amounts, size * 2);
                touchpoints = Arrays.copyOf(touchpoints, size * 2);
            }
            days[size] = Math.toIntExact(epochDay);
            amounts[size] = amount;
            touchpoints[size] = touchpoint == null ? -1
                    : touchpointCodes.computeIfAbsent(touchpoint, t -> touchpointCodes.size());
            size++;
            offsets[n] = size;
        }

        public PurchaseHistory build() {
            return new PurchaseHistory(Arrays.copyOf(customers, n), Arrays.copyOf(offsets, n + 1),
                    Arrays.copyOf(days, size), Arrays.copyOf(amounts, size), Arrays.copyOf(touchpoints, size),
                    touchpointCodes.keySet().toArray(String[]::new));
        }
    }

    /**
     * Collects purchases in any order (e.g. a plain scan of the store, which then needs no sort of millions of
     * documents in memory) into primitive columns, and builds the history ordered by customer id, then day (the
     * order of a customer's purchases on one day is kept). About 20 bytes per purchase while collecting; the
     * customer order is a counting sort, each customer's purchases a small sort by day. Not thread-safe.
     */
    public static final class Collector {
        private final Map<String, Integer> customerCodes = new HashMap<>();
        private int[] customers = new int[1024];
        private int[] days = new int[1024];
        private double[] amounts = new double[1024];
        private String[] touchpoints = new String[1024];
        private final Map<String, String> touchpointNames = new HashMap<>();
        private int size;

        /** @param touchpoint where the purchase was made, or null when unknown */
        public void accept(String customer, long epochDay, double amount, String touchpoint) {
            if (customer == null || !(amount >= 0) || !Double.isFinite(amount)) {
                throw new InvalidLoyaltyDataException("a purchase needs a customer and a finite amount >= 0 (customer "
                        + customer + ", amount " + amount + ")");
            }
            if (size == days.length) {
                customers = Arrays.copyOf(customers, size * 2);
                days = Arrays.copyOf(days, size * 2);
                amounts = Arrays.copyOf(amounts, size * 2);
                touchpoints = Arrays.copyOf(touchpoints, size * 2);
            }
            customers[size] = customerCodes.computeIfAbsent(customer, c -> customerCodes.size());
            days[size] = Math.toIntExact(epochDay);
            amounts[size] = amount;
            touchpoints[size] = touchpoint == null ? null : touchpointNames.computeIfAbsent(touchpoint, t -> t);
            size++;
        }

        public PurchaseHistory build() {
            String[] names = new String[customerCodes.size()];
            customerCodes.forEach((name, code) -> names[code] = name);
            Integer[] byName = new Integer[names.length];
            for (int c = 0; c < names.length; c++) {
                byName[c] = c;
            }
            Arrays.sort(byName, (x, y) -> names[x].compareTo(names[y]));
            int[] rank = new int[names.length];
            for (int r = 0; r < names.length; r++) {
                rank[byName[r]] = r;
            }
            // counting sort by customer rank, stable, then each customer's purchases by day
            int[] start = new int[names.length + 1];
            for (int i = 0; i < size; i++) {
                start[rank[customers[i]] + 1]++;
            }
            for (int r = 0; r < names.length; r++) {
                start[r + 1] += start[r];
            }
            int[] order = new int[size];
            int[] next = Arrays.copyOf(start, names.length);
            for (int i = 0; i < size; i++) {
                order[next[rank[customers[i]]]++] = i;
            }
            Builder builder = new Builder();
            long[] dayAndPosition = new long[0];
            for (int r = 0; r < names.length; r++) {
                int n = start[r + 1] - start[r];
                if (dayAndPosition.length < n) {
                    dayAndPosition = new long[Math.max(n, dayAndPosition.length * 2)];
                }
                for (int k = 0; k < n; k++) {
                    int i = order[start[r] + k];
                    dayAndPosition[k] = ((long) days[i] << 32) | k; // k keeps same-day purchases in input order
                }
                Arrays.sort(dayAndPosition, 0, n);
                for (int k = 0; k < n; k++) {
                    int i = order[start[r] + (int) dayAndPosition[k]];
                    builder.accept(names[byName[r]], days[i], amounts[i], touchpoints[i]);
                }
            }
            return builder.build();
        }
    }
}
