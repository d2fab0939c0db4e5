package health.limber.patient;

import health.limber.platform.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A UK postcode, stored upper case with one space before the inward code (e.g. {@code LS1 4AP}). */
public record Postcode(String value) {

    private static final Pattern FORMAT = Pattern.compile(
            "(GIR 0AA|[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][ABD-HJLNP-UW-Z]{2})");

    public Postcode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("postcode", "Enter a real postcode, like LS1 4AP");
        }
    }

    public static Postcode parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException("postcode", "Enter a postcode");
        }
        String compact = input.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            throw new InvalidInputException("postcode", "Enter a real postcode, like LS1 4AP");
        }
        return new Postcode(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    }

    public String outwardCode() {
        return value.substring(0, value.indexOf(' '));
    }
}
