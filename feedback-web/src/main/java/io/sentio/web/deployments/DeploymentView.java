package io.sentio.web.deployments;

import io.sentio.deployments.entity.Deployment;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A deployment as the API shows it, with its respondent link and how many answers it has. */
public record DeploymentView(String id, String template, int templateVersion, String title, String touchpoint,
                             String channel, String mode, List<String> languages, Instant opensAt, Instant closesAt,
                             String status, Instant createdAt, String link, long responseCount) {

    static DeploymentView from(Deployment d, URI root, long responseCount) {
        return new DeploymentView(d.id(), d.template(), d.templateVersion(), d.title(), d.touchpoint(), d.channel(),
                d.mode().wire(), d.languages(), d.opensAt(), d.closesAt(), d.statusAt(Instant.now()), d.createdAt(),
                respondentLink(root, d.id()), responseCount);
    }

    /** The respondent page of a deployment (invitation links add {@code &t=<token>}). */
    static String respondentLink(URI root, String deploymentId) {
        return root.resolve("respond.html?d=" + deploymentId).toString();
    }
}
