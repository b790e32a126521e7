package io.sentio.loyalty.control;

import io.sentio.loyalty.entity.CommunityEngagement;
import io.sentio.loyalty.entity.EngagementWeights;
import io.sentio.loyalty.entity.InvalidLoyaltyDataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CommunityScorerTest {

    /**
     * 50 silent readers (reader r reads 1 + r % 5 times) and 20 contributors (contributor i posts i times and reads
     * once): with the default weights contributor i scores 3i + 0.1, so the core (top 10% of 20 = 2) is i = 20, 19.
     */
    @Test
    void readersCoreAndOthersFollowTheDefinitions() {
        CommunityScorer scorer = new CommunityScorer(EngagementWeights.DEFAULT);
        double total = 0;
        for (int r = 0; r < 50; r++) {
            for (int k = 0; k <= r % 5; k++) {
                scorer.accept("reader" + r, "read");
                total += 0.1;
            }
        }
        for (int i = 1; i <= 20; i++) {
            for (int k = 0; k < i; k++) {
                scorer.accept("poster" + i, "post");
            }
            scorer.accept("poster" + i, "read");
            total += 3 * i + 0.1;
        }
        CommunityEngagement result = scorer.result(3);
        assertThat(result.customers()).isEqualTo(70);
        assertThat(result.silentReaders().customers()).isEqualTo(50);
        assertThat(result.silentReaders().share()).isCloseTo(50.0 / 70, within(1e-12));
        assertThat(result.activeCore().customers()).isEqualTo(2);
        assertThat(result.activeCore().minScore()).isCloseTo(3 * 19 + 0.1, within(1e-9));
        assertThat(result.otherContributors().customers()).isEqualTo(18);
        assertThat(result.meanScore()).isCloseTo(total / 70, within(1e-9));
        assertThat(result.top()).extracting(CommunityEngagement.CustomerEngagement::customer)
                .containsExactly("poster20", "poster19", "poster18");
        assertThat(result.top().getFirst().counts()).containsEntry("post", 20L).containsEntry("read", 1L)
                .containsEntry("referral", 0L);
    }

    @Test
    void tiesAtTheCoreCutAreAllInTheCore() {
        CommunityScorer scorer = new CommunityScorer(EngagementWeights.DEFAULT);
        for (int i = 0; i < 10; i++) {
            scorer.accept("c" + i, "reply");
        }
        CommunityEngagement result = scorer.result(100);
        assertThat(result.activeCore().customers()).isEqualTo(10);
        assertThat(result.otherContributors().customers()).isZero();
        assertThat(result.otherContributors().minScore()).isNull();
    }

    @Test
    void weightsAreConfigurableAndChecked() {
        CommunityScorer scorer = new CommunityScorer(new EngagementWeights(1, 0, 0, 0, 0, 10));
        scorer.accept("a", "referral");
        scorer.accept("b", "read");
        scorer.accept("b", "read");
        CommunityEngagement result = scorer.result(10);
        assertThat(result.top()).extracting(CommunityEngagement.CustomerEngagement::score).containsExactly(10.0, 2.0);
        assertThat(new CommunityScorer(EngagementWeights.DEFAULT).result(10).meanScore()).isNull();
        assertThatThrownBy(() -> new EngagementWeights(0.1, -1, 2, 4, 1, 5)).isInstanceOf(
                InvalidLoyaltyDataException.class).hasMessageContaining("post");
    }
}
