package io.sentio.surveys.boundary;

import io.sentio.problems.entity.DomainException;
import io.sentio.surveys.control.TemplateCatalog;
import io.sentio.surveys.entity.SurveyTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.List;
import java.util.Optional;

/** The survey templates shipped in the survey-templates module, loaded once at start. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Surveys {

    private TemplateCatalog catalog;

    @PostConstruct
    void load() {
        catalog = new TemplateCatalog(Surveys.class.getClassLoader());
    }

    public List<SurveyTemplate> templates() {
        return catalog.all();
    }

    /** The latest version of a template, if there is one. */
    public Optional<SurveyTemplate> find(String id) {
        return catalog.find(id);
    }

    /** The latest version of a template, or a not-found problem. */
    public SurveyTemplate template(String id) {
        return find(id).orElseThrow(() -> DomainException.notFound("no survey template " + id));
    }

    /** One version of a template, or a not-found problem. */
    public SurveyTemplate template(String id, int version) {
        return catalog.find(id, version)
                .orElseThrow(() -> DomainException.notFound("no survey template " + id + " version " + version));
    }
}
