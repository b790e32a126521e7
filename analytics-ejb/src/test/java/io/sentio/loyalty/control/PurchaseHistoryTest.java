package io.sentio.loyalty.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import io.sentio.loyalty.entity.PurchaseHistory;
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
}
