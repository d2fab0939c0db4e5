package health.limber.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests refused before any controller is chosen (the address exists but not for this method or
 * content type): problem+json under {@code /api}, a page elsewhere, with the status that says why.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FrameworkProblems {

    static ProblemDetail unsupportedType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : String.join(" or ", e.getSupportedMediaTypes().stream().map(MediaType::toString).toList());
        ProblemDetail problem = ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send the body as " + supported);
        problem.setProperty("errors", List.of(new ApiProblems.FieldError("Content-Type", "Send the body as " + supported)));
        return problem;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, unsupportedType(e));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.METHOD_NOT_ALLOWED, ApiProblems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "Method not allowed", "This address does not take " + e.getMethod()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, response, HttpStatus.NOT_ACCEPTABLE, ApiProblems.problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "Not acceptable", "This address answers with application/json"));
    }

    private static Object answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ProblemDetail problem) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error/4xx", Map.of());
        page.setStatus(status);
        response.setStatus(status.value());
        return page;
    }
}
