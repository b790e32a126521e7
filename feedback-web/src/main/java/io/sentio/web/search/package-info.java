/**
 * The comment intelligence API: {@code /search/comments} (search with facets and cursors),
 * {@code /search/reindex} (admin rebuild), {@code /touchpoints/{touchpoint}/terms} and
 * {@code /touchpoints/{touchpoint}/sentiment}. Parameters are parsed here; everything else is in
 * {@code io.sentio.search.boundary}.
 */
package io.sentio.web.search;
