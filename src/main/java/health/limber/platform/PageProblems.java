package health.limber.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Friendly pages for errors raised while rendering a page; never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    /**
     * A malformed id in the address is an address that does not exist; a malformed value in the
     * query (a date that is not a date) is a bad request.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badAddress(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
        if (!e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            response.setStatus(400);
            return "error/4xx";
        }
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    String badRequest(ServletRequestBindingException e, HttpServletResponse response) {
        response.setStatus(400);
        return "error/4xx";
    }

    /** A request a page refuses on purpose (a status chosen by the code, such as 400 or 413). */
    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    String refused(org.springframework.web.server.ResponseStatusException e, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        return e.getStatusCode().value() == 404 ? "error/404" : "error/4xx";
    }

    /** A value a page's address or form could not take (a date that is not a date, a choice not offered): 400, naming the rule. */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("message", e.getMessage());
        return "error/4xx";
    }

    /** A change the record's state refuses (it was closed, someone changed it first): 409, saying why. */
    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("message", e.getMessage());
        return "error/4xx";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        log.error("Unexpected error serving page, request {}", RequestIds.current(), e);
        response.setStatus(500);
        model.addAttribute("requestId", RequestIds.current());
        return "error/5xx";
    }
}
