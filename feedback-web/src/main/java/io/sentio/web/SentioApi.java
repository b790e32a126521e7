package io.sentio.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, version 1, described in docs/api.md. */
@ApplicationPath("/api/v1")
public class SentioApi extends Application {
}
