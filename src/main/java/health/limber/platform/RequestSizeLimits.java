package health.limber.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How large a request each address takes, checked before anything reads the body (before sign-in,
 * CSRF or multipart parsing): a 250 MB "letter", or 50 MB sent by someone not signed in, is refused
 * at once with 413 instead of being read. The public pages and most forms take a few kilobytes;
 * letters 10 MB, exercise media 50 MB, the waiting-list file page 300 MB; the waiting-list import API
 * streams its body and is not limited here. A body without a declared length is counted as it is
 * read; a multipart one without a length is held to the servlet's multipart limit (spooled to disk,
 * never to memory) and each file's size is checked before it is read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimits extends OncePerRequestFilter {

    record Limit(String prefix, DataSize size) {}

    /** First match wins; the last is the default. */
    static final List<Limit> LIMITS = List.of(
            new Limit("/api/waiting-list/imports", null),
            new Limit("/waiting-list/import", DataSize.ofMegabytes(300)),
            new Limit("/exercises/", DataSize.ofMegabytes(51)),
            new Limit("/referrals", DataSize.ofMegabytes(11)),
            new Limit("/api/referrals", DataSize.ofMegabytes(11)),
            new Limit("/self-referral", DataSize.ofKilobytes(64)),
            new Limit("/sign-in", DataSize.ofKilobytes(16)),
            new Limit("/patient/sign-in", DataSize.ofKilobytes(16)),
            new Limit("/", DataSize.ofMegabytes(1)));

    static DataSize limitFor(String path) {
        return LIMITS.stream().filter(limit -> path.startsWith(limit.prefix())).findFirst().map(Limit::size).orElse(DataSize.ofMegabytes(1));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        DataSize limit = limitFor(path);
        if (limit == null) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too-large", "Request too large",
                    "This address takes at most " + describe(limit) + " in one request");
            return;
        }
        chain.doFilter(declared < 0 ? new Counted(request, limit.toBytes()) : request, response);
    }

    private static String describe(DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://limber.health/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail + "\",\"errors\":[{\"field\":\"body\",\"message\":\"" + detail + "\"}]}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " – Limber</title>"
                    + "<link rel=\"stylesheet\" href=\"/css/limber.css\"></head><body><div class=\"nhsuk-width-container\"><main class=\"nhsuk-main-wrapper\">"
                    + "<h1 class=\"nhsuk-heading-xl\">" + title + "</h1><p class=\"nhsuk-body\">" + detail + ". Go back and choose a smaller file."
                    + "</p><p class=\"nhsuk-body\"><a href=\"/\">Go to the home page</a></p></main></div></body></html>");
        }
    }

    /** A body of unknown length, cut off with 413 once it passes the limit. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new TooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new TooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    /** Thrown while reading a body that passed its limit; answered with 413. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("The request body is larger than this address takes");
        }
    }
}
