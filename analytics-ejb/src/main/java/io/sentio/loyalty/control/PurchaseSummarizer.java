package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CustomerSummaries;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Builds the calibration summary (x, t<sub>x</sub>, T, m) of Fader, Hardie &amp; Lee (2005) from dated purchases,
 * fed in order of customer, then date, with the calibration period ending at the end of day {@code asOf}.
 *
 * <p>As in FHL 2005 (and the CDNOW summary published with it), purchases are counted per distinct day: all of
 * a customer's purchases on one day are one transaction whose value is their sum. The first day is the trial;
 * x = the number of later distinct days; t<sub>x</sub> = days from the first to the last purchase day; T = days
 * from the first purchase day to {@code asOf}; m = the mean value of the repeat days (0 when x = 0). Times are in
 * <b>weeks</b> (days / 7), the unit of the published CDNOW analyses; a horizon must then be given in weeks too.
 *
 * <p>Memory: the result's columns plus the current customer; input order is checked (dates within a customer
 * must not decrease; a customer seen again after another is refused by {@link CustomerSummaries#of}).
 * Not thread-safe.
 */
public final class PurchaseSummarizer {

    private static final double DAYS_PER_WEEK = 7;

    private final LocalDate asOf;
    private final SummaryColumns columns = new SummaryColumns();

    private String customer;
    private LocalDate first;
    private LocalDate day;
    private double dayAmount;
    private int repeats;
    private double repeatSum;
    private LocalDate lastRepeat;

    public PurchaseSummarizer(LocalDate asOf) {
        if (asOf == null) {
            throw new InvalidLoyaltyDataException("asOf is required", 0, "asOf");
        }
        this.asOf = asOf;
    }

    /** Adds one purchase; purchases after {@code asOf} are ignored. */
    public void accept(String customerId, LocalDate date, double amount) {
        if (customerId == null || date == null || !(amount >= 0) || !Double.isFinite(amount)) {
            throw new InvalidLoyaltyDataException("a purchase needs a customer, a date and a finite amount >= 0 (customer "
                    + customerId + ", date " + date + ", amount " + amount + ")");
        }
        if (date.isAfter(asOf)) {
            return;
        }
        if (!customerId.equals(customer)) {
            closeCustomer();
            customer = customerId;
            first = date;
            day = date;
            dayAmount = amount;
            repeats = 0;
            repeatSum = 0;
            lastRepeat = null;
            return;
        }
        if (date.isBefore(day)) {
            throw new InvalidLoyaltyDataException("purchases of customer " + customerId
                    + " are not in date order (" + date + " after " + day + ")");
        }
        if (date.equals(day)) {
            dayAmount += amount;
            return;
        }
        closeDay();
        day = date;
        dayAmount = amount;
    }

    /** The summary of every customer with a purchase on or before {@code asOf}, in input order. */
    public CustomerSummaries summaries() {
        closeCustomer();
        customer = null;
        return columns.toSummaries();
    }

    /** Number of customers summarised so far (excluding the current one). */
    public int size() {
        return columns.size();
    }

    private void closeDay() {
        if (!day.equals(first)) {
            repeats++;
            repeatSum += dayAmount;
            lastRepeat = day;
        }
    }

    private void closeCustomer() {
        if (customer == null) {
            return;
        }
        closeDay();
        columns.add(customer, repeats,
                repeats == 0 ? 0 : ChronoUnit.DAYS.between(first, lastRepeat) / DAYS_PER_WEEK,
                ChronoUnit.DAYS.between(first, asOf) / DAYS_PER_WEEK,
                repeats == 0 ? 0 : repeatSum / repeats);
        customer = null;
    }
}
