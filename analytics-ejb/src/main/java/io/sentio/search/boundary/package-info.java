/**
 * Serving comment intelligence: {@link io.sentio.search.boundary.CommentIndexer} keeps the Lucene index in
 * step with the {@code responses}, {@code interactions} and {@code community} collections in MongoDB (ids of
 * new writes from events, catch-up on start, commit positions, deletions and erasure, full rebuild);
 * {@link io.sentio.search.boundary.Comments} answers searches, key terms and sentiment distributions and
 * turns search errors into 400 problems naming the parameter.
 */
package io.sentio.search.boundary;
