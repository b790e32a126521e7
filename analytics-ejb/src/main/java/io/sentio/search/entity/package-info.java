/**
 * Values of the comment-search component: what is indexed ({@link io.sentio.search.entity.CommentDocument}),
 * what is asked ({@link io.sentio.search.entity.CommentQuery}) and what comes back
 * ({@link io.sentio.search.entity.CommentPage}, {@link io.sentio.search.entity.KeyTerm},
 * {@link io.sentio.search.entity.SentimentScore}).
 *
 * <p>Every record checks its invariants in its constructor and throws
 * {@link io.sentio.search.entity.InvalidCommentException} (bad document) or
 * {@link io.sentio.search.entity.InvalidQueryException} (bad query, filter or cursor), both
 * {@link java.lang.IllegalArgumentException}s that the web layer maps to 400 problem+json. The records
 * map one-to-one onto the fixed JSON contract of {@code GET /api/v1/search/comments} and
 * {@code GET /api/v1/touchpoints/{touchpoint}/terms}.
 */
package io.sentio.search.entity;
