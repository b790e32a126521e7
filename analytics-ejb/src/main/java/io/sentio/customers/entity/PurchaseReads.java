package io.sentio.customers.entity;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The stored transactions as analyses that keep them in memory read them: all at once, then only the ones added
 * since, for as long as the store can name them (see {@code RecordStore}). Thread-safe.
 */
public interface PurchaseReads {

    /** Receives purchases in no particular order; {@code touchpoint} is null when the record has none. */
    @FunctionalInterface
    interface PurchaseVisitor {
        void visit(String customer, Instant date, double amount, String touchpoint);
    }

    /** The transactions' write counter now (0 if never written): a cheap "has anything changed" check. */
    long transactionsVersion();

    /** Visits every stored transaction. */
    PurchasesRead readPurchases(PurchaseVisitor visitor);

    /**
     * Visits the transactions added since an exact read ({@link PurchasesRead#exact()}) at write counter value
     * {@code version}, when every write since only added transactions and the store still knows their ids.
     *
     * @return the counter value up to which the visited transactions extend the read, or empty (nothing visited)
     *         when the caller must read all transactions again
     */
    OptionalLong readPurchasesAddedSince(long version, PurchaseVisitor visitor);
}
