package io.sentio.loyalty.entity;

/**
 * Return on customer over one period (Peppers &amp; Rogers 2005, "Return on Customer"): ROC = (cash flow from
 * customers in the period + change in customer equity over the period) / customer equity at the start of the
 * period, where customer equity is the sum of the customers' lifetime values. Requires a positive starting
 * equity; cash flow and ending equity must be finite (cash flow may be negative).
 */
public record ReturnOnCustomer(double cashFlow, double equityAtStart, double equityAtEnd) {

    public ReturnOnCustomer {
        if (!Double.isFinite(cashFlow)) {
            throw new InvalidLoyaltyDataException("cash flow must be finite, was " + cashFlow, 0, "cashFlow");
        }
        if (!(equityAtStart > 0) || !Double.isFinite(equityAtStart)) {
            throw new InvalidLoyaltyDataException(
                    "customer equity at the start must be positive and finite, was " + equityAtStart, 0,
                    "equityAtStart");
        }
        if (!(equityAtEnd >= 0) || !Double.isFinite(equityAtEnd)) {
            throw new InvalidLoyaltyDataException(
                    "customer equity at the end must be finite and >= 0, was " + equityAtEnd, 0, "equityAtEnd");
        }
    }

    /** The ratio ROC (0.1 = 10%). */
    public double value() {
        return (cashFlow + (equityAtEnd - equityAtStart)) / equityAtStart;
    }
}
