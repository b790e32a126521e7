package io.sentio.web.search;

import io.sentio.search.boundary.Comments;
import io.sentio.search.entity.Sentiment;
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
import java.util.Map;

/** How many comments of a touchpoint and period are positive, neutral, negative. */
@Path("touchpoints/{touchpoint}/sentiment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TouchpointSentimentResource {

    /** Comment counts per sentiment class. */
    @JsonbPropertyOrder({"positive", "neutral", "negative"})
    public record SentimentView(long positive, long neutral, long negative) {
        static SentimentView from(Map<Sentiment, Long> counts) {
            return new SentimentView(counts.get(Sentiment.POSITIVE), counts.get(Sentiment.NEUTRAL),
                    counts.get(Sentiment.NEGATIVE));
        }
    }

    @Inject
    Comments comments;

    @GET
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public SentimentView sentiment(@PathParam("touchpoint") String touchpoint, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        Instant start = SearchParameters.from(from);
        Instant end = SearchParameters.to(to);
        SearchParameters.period(start, end);
        return SentimentView.from(comments.sentiment(touchpoint, start, end));
    }
}
