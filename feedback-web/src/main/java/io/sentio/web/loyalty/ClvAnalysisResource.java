package io.sentio.web.loyalty;

import io.sentio.loyalty.boundary.Loyalty;
import io.sentio.loyalty.entity.BgNbdFit;
import io.sentio.loyalty.entity.ClvAnalysis;
import io.sentio.loyalty.entity.CustomerValue;
import io.sentio.loyalty.entity.GammaGammaParameters;
import io.sentio.problems.entity.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Ad hoc customer lifetime value analysis (BG/NBD + Gamma-Gamma) of a researcher's customer summary. */
@Path("analyses/clv")
@RequestScoped
public class ClvAnalysisResource {

    /** The request: the summary CSV, the horizon in the data's time unit, the discount rate per unit. */
    public record ClvRequest(String csv, Double horizon, Double discountRate) {
    }

    /** The fitted models, customer equity (Σ CLV) and every customer's value. */
    public record ClvView(BgNbdFit bgnbd, GammaGammaParameters gammaGamma, double customerEquity,
                          List<CustomerValue> customers) {
        static ClvView from(ClvAnalysis analysis) {
            return new ClvView(analysis.bgnbd(), analysis.gammaGamma(), analysis.customerEquity(), analysis.customers());
        }
    }

    @Inject
    Loyalty loyalty;

    @POST
    @RolesAllowed({"admin", "cx-manager"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ClvView analyse(ClvRequest request) {
        if (request == null) {
            throw DomainException.invalid("body", "is required");
        }
        return ClvView.from(loyalty.clv(request.csv(), request.horizon(), request.discountRate()));
    }
}
