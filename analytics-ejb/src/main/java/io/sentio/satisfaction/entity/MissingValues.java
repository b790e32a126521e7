package io.sentio.satisfaction.entity;

/**
 * Treatment of missing answers before estimation.
 * <ul>
 *   <li>{@link #MEAN_REPLACEMENT} (default): every missing value is replaced by the mean of the
 *       observed values of its indicator. Means are unchanged; a pair of indicators gets no
 *       cross-product contribution from a row in which either is missing.</li>
 *   <li>{@link #CASEWISE_DELETION}: rows with any missing indicator of the model are dropped.</li>
 * </ul>
 */
public enum MissingValues {
    MEAN_REPLACEMENT, CASEWISE_DELETION
}
