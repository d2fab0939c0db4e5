package health.limber.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that reach the servlet container's error dispatch (a request refused by the firewall, a
 * malformed address, a failure outside any controller): problem+json for addresses under {@code /api},
 * Limber's own error pages elsewhere. Replaces the framework's default JSON and HTML bodies.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer number ? number : 500);
        if (status == null || status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ApiProblems.problem(status, status.is5xxServerError() ? "internal" : "bad-request", status.getReasonPhrase(),
                    status.is5xxServerError() ? "Something went wrong. Quote request id " + RequestIds.current() + " if you contact support."
                            : status == HttpStatus.NOT_FOUND ? "There is nothing at this address" : "The request cannot be read: check the address and the body");
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView(status == HttpStatus.NOT_FOUND ? "error/404" : status == HttpStatus.FORBIDDEN ? "error/403"
                : status.is4xxClientError() ? "error/4xx" : "error/5xx");
        page.addObject("requestId", RequestIds.current());
        page.setStatus(status);
        response.setStatus(status.value());
        return page;
    }
}
