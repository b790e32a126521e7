package io.sentio.loyalty.entity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every customer's dated purchases, column-wise: customer {@code c}'s purchases are the indices
 * {@code start(c)..end(c)-1}, in non-decreasing day order (epoch days, UTC), each with the touchpoint it was made
 * at when known. About 16 bytes per purchase (touchpoint names are interned into a small table).
 * Immutable once built; build with {@link Builder} from purchases ordered by customer, then date.
 */
public final class PurchaseHistory {

    private final String[] customers;
    private final int[] offsets;
    private final int[] days;
    private final double[] amounts;
    private final int[] touchpoints;
    private final String[] touchpointNames;

    private PurchaseHistory(String[] customers, int[] offsets, int[] days, double[] amounts, int[] touchpoints,
                            String[] touchpointNames) {
        this.customers = customers;
        this.offsets = offsets;
        this.days = days;
        this.amounts = amounts;
        this.touchpoints = touchpoints;
        this.touchpointNames = touchpointNames;
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

    /** The touchpoint of purchase {@code i}, or null when the transaction named none. */
    public String touchpoint(int i) {
        return touchpoints[i] < 0 ? null : touchpointNames[touchpoints[i]];
    }

    /** Number of purchases. */
    public int size() {
        return days.length;
    }

    /** Collects purchases ordered by customer, then date; refuses any other order. Not thread-safe. */
    public static final class Builder {
        private String[] customers = new String[256];
        private int[] offsets = new int[257];
        private int[] days = new int[1024];
        private double[] amounts = new double[1024];
        private int[] touchpoints = new int[1024];
        private final Map<String, Integer> touchpointCodes = new LinkedHashMap<>();
        private int n;
        private int size;

        /** @param touchpoint where the purchase was made, or null when unknown */
        public void accept(String customer, long epochDay, double amount, String touchpoint) {
            if (customer == null || !(amount >= 0) || !Double.isFinite(amount)) {
                throw new InvalidLoyaltyDataException("a purchase needs a customer and a finite amount >= 0 (customer "
                        + customer + ", amount " + amount + ")");
            }
            if (n == 0 || !customers[n - 1].equals(customer)) {
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
}
