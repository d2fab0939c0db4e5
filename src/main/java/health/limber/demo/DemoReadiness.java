package health.limber.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the demo data are loaded, every page says "Getting the demo ready" (503, refreshing itself
 * every 5 seconds) instead of showing empty lists to someone who opened the demo at once. Health
 * checks, the stylesheet and the icons are served as usual.
 */
@Component
@ConditionalOnProperty(name = "limber.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoReadiness extends OncePerRequestFilter {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="5"><title>Getting the demo ready – Limber</title>
            <link rel="stylesheet" href="/css/limber.css"></head>
            <body><div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent">
            <h1 class="nhsuk-heading-xl">Getting the demo ready</h1>
            <p class="nhsuk-body-l" role="status">Limber is loading its demo data: 17 areas, their waiting lists, referrals, clinics and
            exercise programmes. This takes about half a minute the first time. This page will refresh by itself.</p>
            <p class="nhsuk-body">The sign-ins are printed where you typed <code>./limber demo</code> once it is ready.</p>
            </main></div></body></html>
            """;

    private final DemoData demo;

    DemoReadiness(DemoData demo) {
        this.demo = demo;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return demo.isReady() || path.startsWith("/actuator/") || path.startsWith("/css/") || path.equals("/favicon.svg");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(PAGE);
    }
}
