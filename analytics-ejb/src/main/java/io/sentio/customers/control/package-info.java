/**
 * Validating raw records (every field error reported), reading CSV/NDJSON files row by row in constant memory,
 * running an import in batches, and the MongoDB collections {@code customers}, {@code transactions},
 * {@code interactions}, {@code community} and {@code imports}.
 */
package io.sentio.customers.control;
