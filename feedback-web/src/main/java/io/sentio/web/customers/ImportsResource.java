package io.sentio.web.customers;

import io.sentio.customers.boundary.CustomerData;
import io.sentio.customers.entity.ImportError;
import io.sentio.customers.entity.ImportJob;
import io.sentio.customers.entity.RecordKind;
import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk import: the file is the request body (CSV with a header row, or NDJSON), streamed to a temporary file of
 * at most {@link #MAX_BYTES} bytes, then imported by an asynchronous job. 202 with the job; {@code GET} follows it.
 */
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    /** Largest import file: bounded so that a client cannot fill the disk; split bigger files. */
    public static final long MAX_BYTES = io.sentio.web.access.BodySizeLimit.MAX_IMPORT_BYTES;

    /** A job as JSON; {@code rowsTotal} is null until the job has finished. */
    public record JobView(String id, String kind, String format, String state, long rowsDone, Long rowsTotal,
                          long imported, long unchanged, List<ImportError> errors, long errorCount, String failure,
                          Instant createdAt, Instant finishedAt) {
        static JobView of(ImportJob job) {
            return new JobView(job.id(), job.kind().wire(), job.format(), job.state(), job.rowsDone(), job.rowsTotal(),
                    job.imported(), job.unchanged(), job.errors(), job.errorCount(), job.failure(), job.createdAt(),
                    job.finishedAt());
        }
    }

    @Inject
    CustomerData customerData;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.WILDCARD)
    public Response start(@QueryParam("kind") String kind, @QueryParam("format") String format, InputStream body) {
        List<Violation> violations = new ArrayList<>();
        RecordKind recordKind = kind == null ? null : RecordKind.fromWire(kind).orElse(null);
        if (recordKind == null) {
            violations.add(new Violation("kind", "must be one of customers, transactions, interactions, community"));
        }
        if (!"csv".equals(format) && !"ndjson".equals(format)) {
            violations.add(new Violation("format", "must be csv or ndjson"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid import parameters", violations);
        }
        java.nio.file.Path file = receive(body);
        ImportJob job = customerData.startImport(recordKind, format, file);
        return Response.accepted(JobView.of(job))
                .location(uri.getBaseUriBuilder().path("imports").path(job.id()).build()).build();
    }

    @GET
    @Path("{job}")
    @RolesAllowed({"admin", "cx-manager", "executive"})
    public JobView get(@PathParam("job") String job) {
        return JobView.of(customerData.importJob(job));
    }

    private static java.nio.file.Path receive(InputStream body) {
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("sentio-import-", ".upload");
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(file)) {
                if (body != null) {
                    int n;
                    while ((n = body.read(buffer)) != -1) {
                        total += n;
                        if (total > MAX_BYTES) {
                            throw new DomainException(DomainException.Kind.TOO_LARGE,
                                    "import files are limited to " + MAX_BYTES + " bytes: split the file", List.of());
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
            if (total == 0) {
                throw DomainException.invalid("body", "is empty: send the file as the request body");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot store the import file", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(java.nio.file.Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp directory
            }
        }
    }
}
