package io.sentio.customers.entity;

/**
 * The outcome of a scan of all transactions: the transactions' write counter read before it, and whether the scan
 * saw exactly the records written up to that counter value (no write of this node that may add transactions ran
 * during it, and the counter did not move). Only an exact scan may be extended with the transactions added since
 * ({@link PurchaseReads#readPurchasesAddedSince}).
 */
public record PurchasesRead(long version, boolean exact) {
}
