package io.sentio.loyalty.entity;

import io.sentio.satisfaction.entity.Interval;
import io.sentio.satisfaction.entity.Proportion;

import java.util.Map;

/**
 * What customers did after answering NPS, by NPS category (docs/loyalty.md): {@code groups} keyed
 * {@code promoter}, {@code passive}, {@code detractor}. {@code censored} = respondents whose follow-up window had not
 * ended by the end of the data, left out of every group.
 */
public record SatisfactionBehaviour(int days, int churnDays, String churn, long respondents, long censored,
                                    Map<String, Group> groups) {

    /**
     * One NPS category: respondents with a complete window; retention among those alive at the response (Wilson
     * interval); repeat purchase = share with a purchase in the window (Wilson); spend = mean spend in the window
     * (Student t interval). Estimates are null where there is nobody to estimate them from.
     */
    public record Group(long respondents, Proportion retention, Proportion repeatPurchase, MeanSpend spend) {
    }

    /** Mean spend per customer with its standard deviation and 95% t interval (both null for n &lt; 2). */
    public record MeanSpend(long n, double mean, Double sd, Interval ci95) {
    }

    public SatisfactionBehaviour {
        groups = Map.copyOf(groups);
    }
}
