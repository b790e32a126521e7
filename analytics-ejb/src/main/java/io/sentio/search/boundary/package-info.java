/**
 * Serving comment intelligence: {@link io.sentio.search.boundary.CommentIndexer} keeps the Lucene index in
 * step with the {@code responses} in MongoDB (catch-up on start, polling, commit position, full rebuild);
 * {@link io.sentio.search.boundary.Comments} answers searches, key terms and sentiment distributions and
 * turns search errors into 400 problems naming the parameter.
 */
package io.sentio.search.boundary;
