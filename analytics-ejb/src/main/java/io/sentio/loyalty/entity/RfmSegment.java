package io.sentio.loyalty.entity;

/**
 * Named RFM segments on the recency (R) &times; frequency (F) grid of quintile scores 1&ndash;5 (5 = most recent,
 * most frequent). The grid is covered exactly once; rules in the order they are applied:
 *
 * <table>
 * <caption>Segment rules</caption>
 * <tr><th>segment</th><th>R</th><th>F</th><th>meaning</th></tr>
 * <tr><td>CANNOT_LOSE</td><td>1&ndash;2</td><td>5</td><td>were the most frequent buyers, long silent</td></tr>
 * <tr><td>AT_RISK</td><td>1&ndash;2</td><td>3&ndash;4</td><td>bought often, not recently</td></tr>
 * <tr><td>HIBERNATING</td><td>1&ndash;2</td><td>1&ndash;2</td><td>rare and long ago</td></tr>
 * <tr><td>NEED_ATTENTION</td><td>3</td><td>1&ndash;2</td><td>middling recency, few purchases</td></tr>
 * <tr><td>LOYAL</td><td>3</td><td>3&ndash;5</td><td>buy regularly, slightly less recently</td></tr>
 * <tr><td>CHAMPIONS</td><td>4&ndash;5</td><td>4&ndash;5</td><td>recent and frequent</td></tr>
 * <tr><td>NEW</td><td>5</td><td>1</td><td>recent, (almost) no repeat purchases yet</td></tr>
 * <tr><td>POTENTIAL_LOYALIST</td><td>4&ndash;5</td><td>1&ndash;3 (except NEW)</td><td>recent, moderately
 * frequent</td></tr>
 * </table>
 *
 * The monetary score does not change the segment (it is reported alongside); this follows the common practice
 * of segmenting on R and F because M is strongly correlated with F.
 */
public enum RfmSegment {
    CHAMPIONS, LOYAL, POTENTIAL_LOYALIST, NEW, NEED_ATTENTION, AT_RISK, CANNOT_LOSE, HIBERNATING;

    /** The segment of a recency and frequency score, both in 1..5. */
    public static RfmSegment of(int recencyScore, int frequencyScore) {
        RfmScore.requireScore("recency", recencyScore);
        RfmScore.requireScore("frequency", frequencyScore);
        int r = recencyScore;
        int f = frequencyScore;
        if (r <= 2) {
            return f == 5 ? CANNOT_LOSE : f >= 3 ? AT_RISK : HIBERNATING;
        }
        if (r == 3) {
            return f <= 2 ? NEED_ATTENTION : LOYAL;
        }
        if (f >= 4) {
            return CHAMPIONS;
        }
        return r == 5 && f == 1 ? NEW : POTENTIAL_LOYALIST;
    }
}
