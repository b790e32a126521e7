package io.sentio.customers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppendJournalTest {

    @Test
    void writesEndingOutOfOrderStillFormAnUnbrokenRun() {
        AppendJournal journal = new AppendJournal();
        journal.begin();
        journal.begin();
        journal.end(6, List.of("b")); // bumped second, ended first
        assertThat(journal.addedBetween(4, 6)).as("5 is still running").isEmpty();
        journal.end(5, List.of("a"));
        assertThat(journal.addedBetween(4, 6)).hasValue(List.of("a", "b"));
        assertThat(journal.addedBetween(5, 6)).hasValue(List.of("b"));
        assertThat(journal.addedBetween(4, 7)).as("7 is no addition of this node").isEmpty();
        assertThat(journal.addedBetween(3, 6)).as("nor is 4").isEmpty();
    }

    @Test
    void aWriteThatAddedNothingOrChangedRecordsBreaksTheRun() {
        AppendJournal journal = new AppendJournal();
        journal.begin();
        journal.end(1, List.of("a"));
        journal.begin();
        journal.end(2, List.of()); // e.g. a replacement
        journal.begin();
        journal.end(3, List.of("c"));
        assertThat(journal.addedBetween(0, 1)).hasValue(List.of("a"));
        assertThat(journal.addedBetween(0, 3)).isEmpty();
        assertThat(journal.addedBetween(2, 3)).hasValue(List.of("c"));
    }

    @Test
    void quietOnlyWhileNoWriteRunsAndChangedByEveryWrite() {
        AppendJournal journal = new AppendJournal();
        long quiet = journal.quietWrites();
        assertThat(quiet).isNotNegative();
        journal.begin();
        assertThat(journal.quietWrites()).isNegative();
        journal.end(0, List.of());
        assertThat(journal.quietWrites()).isNotNegative().isNotEqualTo(quiet);
    }

    @Test
    void theOldestWritesAreForgottenBeyondTheLimit() {
        AppendJournal journal = new AppendJournal(3);
        journal.begin();
        journal.end(1, List.of("a", "b"));
        journal.begin();
        journal.end(2, List.of("c", "d"));
        assertThat(journal.addedBetween(0, 2)).isEmpty();
        assertThat(journal.addedBetween(1, 2)).hasValue(List.of("c", "d"));
    }
}
