package io.sentio.search.entity;

import java.util.List;
import java.util.Map;

/**
 * One page of a comment search: the exact number of matching comments, the hits of this page, exact
 * facet counts over the whole filtered result set (dimension → value → count, values by descending
 * count) and the cursor of the next page ({@code null} on the last page).
 */
public record CommentPage(long total, List<CommentHit> hits, Map<String, Map<String, Long>> facets, String next) {

    public CommentPage {
        if (total < 0) {
            throw new IllegalArgumentException("total: negative");
        }
        if (hits.size() > total) {
            throw new IllegalArgumentException("hits: more hits than total");
        }
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
