package io.sentio.web.access;

import io.sentio.web.problems.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds API request bodies to {@value #MAX_BYTES} bytes: a declared larger length is refused before
 * reading; a body without a length (chunked) is read up to the bound and refused as soon as it passes it.
 * Either way 413, and nothing reaches the application.
 *
 * <p>Bulk imports ({@code /api/v1/imports}) are the exception: their bodies are files, streamed by
 * {@code ImportsResource} to a temporary file that it bounds itself ({@code ImportsResource.MAX_BYTES}); here
 * only a declared length above that bound is refused, and the body is never buffered in memory.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class BodySizeLimit extends HttpFilter {

    public static final int MAX_BYTES = 1024 * 1024;

    /** Largest bulk import file; the import resource enforces it while streaming a body of unknown length. */
    public static final long MAX_IMPORT_BYTES = 256L * 1024 * 1024;

    private static final String IMPORTS_PATH = "/api/v1/imports";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        if (request.getRequestURI().startsWith(request.getContextPath() + IMPORTS_PATH)) {
            if (declared > MAX_IMPORT_BYTES) {
                tooLarge(response, MAX_IMPORT_BYTES);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (declared > MAX_BYTES) {
            tooLarge(response, MAX_BYTES);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                tooLarge(response, MAX_BYTES);
                return;
            }
            chain.doFilter(new BufferedRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        AuthenticationFilter.send(response, Problem.of(413, "too-large", "Request too large",
                "request bodies are limited to " + limit + " bytes"));
    }

    /** A request whose body was already read into memory (at most {@value #MAX_BYTES} bytes). */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
