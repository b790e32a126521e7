package io.sentio.web.search;

import io.sentio.search.boundary.Comments;
import io.sentio.search.entity.KeyTerm;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Key terms of a touchpoint and period against all other comments (Dunning's G², see docs/search.md). */
@Path("touchpoints/{touchpoint}/terms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TouchpointTermsResource {

    static final int MAX_SIZE = 100;

    /** One term: Dunning's G² as score, the number of foreground comments containing it as count. */
    @JsonbPropertyOrder({"term", "score", "count"})
    public record TermView(String term, double score, long count) {
        static TermView from(KeyTerm term) {
            return new TermView(term.term(), term.score(), term.count());
        }
    }

    /** The terms, most significant first. */
    public record TermsView(List<TermView> terms) {
    }

    @Inject
    Comments comments;

    @GET
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public TermsView terms(@PathParam("touchpoint") String touchpoint, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("size") String size) {
        Instant start = SearchParameters.from(from);
        Instant end = SearchParameters.to(to);
        SearchParameters.period(start, end);
        return new TermsView(comments.keyTerms(touchpoint, start, end, SearchParameters.size(size, 20, MAX_SIZE))
                .stream().map(TermView::from).toList());
    }
}
