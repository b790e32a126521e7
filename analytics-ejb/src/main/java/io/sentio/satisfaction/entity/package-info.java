/**
 * Values of satisfaction analytics: the path model a researcher specifies (validated on
 * construction), the mergeable sufficient statistics kept per touchpoint and day
 * ({@link io.sentio.satisfaction.entity.IndicatorMoments}, rating counts, mean summaries), and the
 * immutable results whose shapes the REST API serves. Invalid input raises
 * {@link io.sentio.satisfaction.entity.InvalidModelException}, naming what is wrong.
 */
package io.sentio.satisfaction.entity;
