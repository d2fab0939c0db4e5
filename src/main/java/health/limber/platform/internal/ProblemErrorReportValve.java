package health.limber.platform.internal;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before Limber sees them (an encoded NUL or a malformed escape in the
 * address) and writes its own HTML error. This valve answers those too the way the rest of Limber
 * does: problem+json under {@code /api}, a plain page elsewhere, never a server's report.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String uri = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
        boolean api = uri != null && uri.startsWith("/api/");
        try {
            response.setCharacterEncoding("UTF-8");
            response.setContentType(api ? "application/problem+json" : "text/html;charset=UTF-8");
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (api) {
                out.write("{\"type\":\"https://limber.health/problems/bad-request\",\"title\":\"Bad request\",\"status\":" + status
                        + ",\"detail\":\"The address cannot be read: check it for characters that do not belong\"}");
            } else {
                out.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page not found – Limber</title>"
                        + "<link rel=\"stylesheet\" href=\"/css/limber.css\"></head><body><div class=\"nhsuk-width-container\">"
                        + "<main class=\"nhsuk-main-wrapper\"><h1 class=\"nhsuk-heading-xl\">Page not found</h1><p class=\"nhsuk-body\">"
                        + "Check the address for characters that do not belong.</p><p class=\"nhsuk-body\"><a href=\"/\">Go to the home page</a>"
                        + "</p></main></div></body></html>");
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already committed: nothing more to say
        }
    }

    /** Puts the valve on Tomcat's host, in place of its own error report. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
