package health.limber.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Several fields broke their rules at once: a form shows every message, the API lists every error. */
public class InvalidFieldsException extends InvalidInputException {

    private final Map<String, String> errors;

    public InvalidFieldsException(Map<String, String> errors) {
        super(errors.keySet().iterator().next(), errors.values().iterator().next());
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** Field name to message, in the order the fields appear on the form. */
    public Map<String, String> errors() {
        return errors;
    }

    /** Collects errors while checking a form, then throws them together. */
    public static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        public void add(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        public void add(InvalidInputException e) {
            if (e instanceof InvalidFieldsException many) {
                many.errors().forEach(this::add);
            } else {
                add(e.field(), e.getMessage());
            }
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidFieldsException(errors);
            }
        }
    }
}
