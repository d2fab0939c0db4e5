package health.limber.platform;

import tools.jackson.databind.exc.InvalidFormatException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's error contract: RFC 9457 problem+json naming the field and the rule broken. No stack
 * trace or internal message ever reaches the caller.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage());
        problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        if (e instanceof InvalidFieldsException many) {
            return invalid(many.errors().entrySet().stream().map(error -> new FieldError(error.getKey(), error.getValue())).toList());
        }
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList());
    }

    /** A malformed id in the address names nothing (404); a malformed value in the query or body is a bad request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail invalidParameter(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing at this address");
        }
        return invalid(List.of(new FieldError(e.getName(), "Enter a valid " + e.getName())));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e) {
        return invalid(List.of(new FieldError(e.getHeaderName(), "The " + e.getHeaderName() + " header is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (org.springframework.core.NestedExceptionUtils.getRootCause(e) instanceof RequestSizeLimits.TooLarge tooLarge) {
            ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", tooLarge.getMessage());
            problem.setProperty("errors", List.of(new FieldError("body", tooLarge.getMessage())));
            return problem;
        }
        if (e.getCause() instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
            String field = format.getPath().get(format.getPath().size() - 1).getPropertyName();
            return invalid(List.of(new FieldError(field, "Enter a valid " + field)));
        }
        return invalid(List.of(new FieldError("body", "The request body must be valid JSON")));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedType(org.springframework.web.HttpMediaTypeNotSupportedException e) {
        return FrameworkProblems.unsupportedType(e);
    }

    @ExceptionHandler(org.springframework.web.bind.MissingPathVariableException.class)
    ProblemDetail blankId(org.springframework.web.bind.MissingPathVariableException e) {
        // an id of blanks becomes no id at all: the address names nothing
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing at this address");
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail badUpload(org.springframework.web.multipart.MultipartException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", "Send the file as multipart/form-data with a part named file");
        problem.setProperty("errors", List.of(new FieldError("file", "Send the file as multipart/form-data with a part named file")));
        return problem;
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return invalid(List.of(new FieldError(e.getParameterName(), "The " + e.getParameterName() + " parameter is required")));
    }

    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ProblemDetail missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e) {
        return invalid(List.of(new FieldError(e.getRequestPartName(), "Send the " + e.getRequestPartName() + " part")));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        problem.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        if (e.current() != null) {
            problem.setProperty("current", e.current());
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You do not have access to this record");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error serving request {}", RequestIds.current(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong",
                "Something went wrong. Quote request id " + RequestIds.current() + " if you contact support.");
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.isEmpty() ? "The request is not valid" : errors.get(0).field() + ": " + errors.get(0).message();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://limber.health/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("requestId", RequestIds.current());
        return problem;
    }

    /** One broken rule: the field (as named in the request) and a sentence a person can act on. */
    record FieldError(String field, String message) {}

}
