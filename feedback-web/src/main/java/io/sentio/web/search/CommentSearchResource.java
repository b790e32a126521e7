package io.sentio.web.search;

import io.sentio.search.boundary.CommentIndexer;
import io.sentio.search.boundary.Comments;
import io.sentio.search.entity.CommentHit;
import io.sentio.search.entity.CommentPage;
import io.sentio.search.entity.CommentQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Comment search (fixed contract of issue 5, plus the {@code source} filter and facet) and the admin's full
 * index rebuild. Hits of interaction notes and community posts have no {@code responseId}: it is sent as
 * {@code null} so every hit has the same members.
 */
@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommentSearchResource {

    /** One hit: {@code snippet} is escaped HTML with only {@code <mark>} tags. */
    @JsonbPropertyOrder({"id", "source", "responseId", "touchpoint", "language", "date", "snippet", "sentiment"})
    public record HitView(String id, String source, @JsonbNillable String responseId, String touchpoint, String language,
                          String date, String snippet, String sentiment) {
        static HitView from(CommentHit hit) {
            return new HitView(hit.id(), hit.source(), hit.responseId(), hit.touchpoint(), hit.language(),
                    hit.date().toString(), hit.snippet(), hit.sentiment());
        }
    }

    /** A page: exact total and facets over all matches, {@code next} absent on the last page. */
    @JsonbPropertyOrder({"total", "hits", "facets", "next"})
    public record SearchView(long total, List<HitView> hits, Map<String, Map<String, Long>> facets, String next) {
        static SearchView from(CommentPage page) {
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            for (String dimension : List.of("touchpoint", "language", "sentiment", "source")) {
                Map<String, Long> values = new LinkedHashMap<>();
                page.facets().getOrDefault(dimension, Map.of()).entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                        .forEach(e -> values.put(e.getKey(), e.getValue()));
                facets.put(dimension, values);
            }
            return new SearchView(page.total(), page.hits().stream().map(HitView::from).toList(), facets, page.next());
        }
    }

    /** What a rebuild did: responses and customer records (interactions, community) read, comments indexed. */
    @JsonbPropertyOrder({"status", "responses", "records", "comments", "millis"})
    public record RebuildView(String status, long responses, long records, long comments, long millis) {
    }

    @Inject
    Comments comments;

    @Inject
    CommentIndexer indexer;

    @GET
    @Path("comments")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public SearchView search(@QueryParam("q") String q, @QueryParam("touchpoint") String touchpoint,
                             @QueryParam("language") String language, @QueryParam("sentiment") String sentiment,
                             @QueryParam("source") String source, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("size") String size, @QueryParam("after") String after) {
        Instant start = SearchParameters.from(from);
        Instant end = SearchParameters.to(to);
        SearchParameters.period(start, end);
        int pageSize = SearchParameters.size(size, CommentQuery.DEFAULT_SIZE, CommentQuery.MAX_SIZE);
        CommentQuery query = comments.query(q, touchpoint, language, sentiment, source, start, end, pageSize, after);
        return SearchView.from(comments.search(query));
    }

    @POST
    @Path("reindex")
    @RolesAllowed("admin")
    public RebuildView reindex() {
        CommentIndexer.Rebuild rebuild = indexer.rebuild();
        return new RebuildView("rebuilt", rebuild.responses(), rebuild.records(), rebuild.comments(), rebuild.millis());
    }
}
