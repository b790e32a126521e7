package io.sentio.web.surveys;

import io.sentio.surveys.boundary.Surveys;
import io.sentio.surveys.entity.SurveyItem;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.StringReader;
import java.util.List;

/** The survey templates a CX manager can deploy. */
@Path("templates")
@RequestScoped
@RolesAllowed({"admin", "cx-manager", "executive"})
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    /** Looked up once: {@code Json.create...} repeats a ServiceLoader search on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** One rating, choice or text item and what it measures. */
    public record ItemView(String name, String kind, String construct, String measure, Integer scaleMin,
                           Integer scaleMax, boolean required) {
        static ItemView from(SurveyItem item) {
            boolean scaled = item.hasScale();
            return new ItemView(item.name(), item.kind().name().toLowerCase(), item.construct(), item.measure(),
                    scaled ? item.scaleMin() : null, scaled ? item.scaleMax() : null, item.required());
        }
    }

    /** A template as listed. */
    public record TemplateView(String id, int version, String title, List<String> languages, List<ItemView> items) {
        static TemplateView from(SurveyTemplate t) {
            return new TemplateView(t.id(), t.version(), t.title(), t.languages(),
                    t.items().stream().map(ItemView::from).toList());
        }
    }

    /** A template with its full SurveyJS definition. */
    public record TemplateDetail(String id, int version, String title, List<String> languages, List<ItemView> items,
                                 JsonValue definition) {
    }

    @Inject
    Surveys surveys;

    @GET
    public List<TemplateView> list() {
        return surveys.templates().stream().map(TemplateView::from).toList();
    }

    @GET
    @Path("{id}")
    public TemplateDetail get(@PathParam("id") String id) {
        SurveyTemplate t = surveys.template(id);
        TemplateView view = TemplateView.from(t);
        return new TemplateDetail(view.id(), view.version(), view.title(), view.languages(), view.items(),
                JSON.createReader(new StringReader(t.definition())).readValue());
    }
}
