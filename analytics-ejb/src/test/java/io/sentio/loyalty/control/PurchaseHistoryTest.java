package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PurchaseHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTest {

    @Test
    void runningFiguresCountEarlierDaysAndSpendPerCustomer() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        b.accept("a", 100, 10, null);
        b.accept("a", 100, 5, null);
        b.accept("a", 103, 1, "web");
        b.accept("b", 50, 7, null);
        b.accept("b", 60, 3, null);
        PurchaseHistory h = b.build();
        assertThat(new int[] {h.earlierDays(0), h.earlierDays(1), h.earlierDays(2), h.earlierDays(3), h.earlierDays(4)})
                .containsExactly(0, 0, 1, 0, 1);
        assertThat(new double[] {h.spendThrough(0), h.spendThrough(1), h.spendThrough(2), h.spendThrough(3),
            h.spendThrough(4)}).containsExactly(10, 15, 16, 7, 10);
        assertThat(h.touchpoint(2)).isEqualTo("web");
    }

    @Test
    void aCustomerSeenAgainAfterAnotherIsRefused() {
        PurchaseHistory.Builder b = new PurchaseHistory.Builder();
        b.accept("a", 100, 10, null);
        b.accept("b", 100, 10, null);
        assertThatThrownBy(() -> b.accept("a", 101, 1, null)).isInstanceOf(InvalidLoyaltyDataException.class)
                .hasMessageContaining("not contiguous");
    }

    /** Purchases in random order come out as the sorted input would build them (same-day order kept). */
    @Test
    void collectorOrdersAnyInputByCustomerThenDay() {
        SplittableRandom random = new SplittableRandom(8);
        List<Object[]> purchases = new ArrayList<>();
        for (int k = 0; k < 5_000; k++) {
            purchases.add(new Object[] {"c" + random.nextInt(300), (long) (19_000 + random.nextInt(60)),
                (double) k, random.nextBoolean() ? "web" : null});
        }
        PurchaseHistory.Collector collector = new PurchaseHistory.Collector();
        purchases.forEach(p -> collector.accept((String) p[0], (Long) p[1], (Double) p[2], (String) p[3]));
        PurchaseHistory collected = collector.build();

        List<Object[]> sorted = new ArrayList<>(purchases); // a stable sort keeps same-day order
        sorted.sort(Comparator.comparing((Object[] p) -> (String) p[0]).thenComparing(p -> (Long) p[1]));
        PurchaseHistory.Builder builder = new PurchaseHistory.Builder();
        sorted.forEach(p -> builder.accept((String) p[0], (Long) p[1], (Double) p[2], (String) p[3]));
        PurchaseHistory expected = builder.build();

        assertThat(collected.customers()).isEqualTo(expected.customers());
        assertThat(collected.size()).isEqualTo(5_000);
        for (int c = 0; c < expected.customers(); c++) {
            assertThat(collected.customer(c)).isEqualTo(expected.customer(c));
            assertThat(collected.end(c)).isEqualTo(expected.end(c));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(collected.day(i)).isEqualTo(expected.day(i));
            assertThat(collected.amount(i)).isEqualTo(expected.amount(i));
            assertThat(collected.touchpoint(i)).isEqualTo(expected.touchpoint(i));
        }
    }

    /**
     * Adding purchases to a collected history gives what collecting all of them at once gives: customers who
     * buy again, new customers before, between and after the known ones, a touchpoint the history has not seen,
     * purchases on a day the customer already bought (the history's first), and the running figures after them.
     */
    @Test
    void addingPurchasesEqualsCollectingThemAllAtOnce() {
        SplittableRandom random = new SplittableRandom(21);
        List<Object[]> earlier = purchases(random, 4_000, 200, new String[] {"web", "store", null});
        List<Object[]> later = purchases(random, 1_500, 400, new String[] {"web", "app", null});
        later.add(new Object[] {"a-first", 19_010L, 3.0, "chat"}); // sorts before every "c..." customer
        later.add(new Object[] {"zz-last", 19_011L, 4.0, null});

        PurchaseHistory added = collect(earlier).withAdded(collect(later));

        List<Object[]> all = new ArrayList<>(earlier);
        all.addAll(later);
        assertSameHistory(added, collect(all));
        assertThat(added.size()).isEqualTo(5_502);
    }

    @Test
    void addingNothingKeepsTheHistoryAndAddingToAnUnorderedHistoryIsRefused() {
        PurchaseHistory collected = collect(purchases(new SplittableRandom(3), 100, 10, new String[] {null}));
        assertThat(collected.withAdded(new PurchaseHistory.Collector().build())).isSameAs(collected);

        PurchaseHistory.Builder unordered = new PurchaseHistory.Builder();
        unordered.accept("b", 100, 1, null);
        unordered.accept("a", 100, 1, null);
        assertThatThrownBy(() -> unordered.build().withAdded(collected))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not ordered");
    }

    private static List<Object[]> purchases(SplittableRandom random, int count, int customers, String[] touchpoints) {
        List<Object[]> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(new Object[] {"c" + random.nextInt(customers), (long) (19_000 + random.nextInt(90)),
                (double) random.nextInt(10_000) / 100, touchpoints[random.nextInt(touchpoints.length)]});
        }
        return out;
    }

    private static PurchaseHistory collect(List<Object[]> purchases) {
        PurchaseHistory.Collector collector = new PurchaseHistory.Collector();
        purchases.forEach(p -> collector.accept((String) p[0], (Long) p[1], (Double) p[2], (String) p[3]));
        return collector.build();
    }

    private static void assertSameHistory(PurchaseHistory actual, PurchaseHistory expected) {
        assertThat(actual.customers()).isEqualTo(expected.customers());
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int c = 0; c < expected.customers(); c++) {
            assertThat(actual.customer(c)).isEqualTo(expected.customer(c));
            assertThat(actual.end(c)).as("end of %s", expected.customer(c)).isEqualTo(expected.end(c));
        }
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.day(i)).as("day %d", i).isEqualTo(expected.day(i));
            assertThat(actual.amount(i)).as("amount %d", i).isEqualTo(expected.amount(i));
            assertThat(actual.touchpoint(i)).as("touchpoint %d", i).isEqualTo(expected.touchpoint(i));
            assertThat(actual.earlierDays(i)).isEqualTo(expected.earlierDays(i));
            assertThat(actual.spendThrough(i)).isEqualTo(expected.spendThrough(i));
        }
    }
}
