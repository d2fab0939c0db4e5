package health.limber.patient;

import health.limber.platform.InvalidInputException;

/**
 * An NHS number: 10 digits, the last a modulus 11 check digit (NHS Data Dictionary). Weights 10 to 2
 * on the first nine digits; check = 11 − (sum mod 11); 11 means 0 and 10 means the number is invalid.
 * Typed input may contain spaces or hyphens; the value is the 10 digits, shown as 3-3-4.
 */
public record NhsNumber(String value) {

    public static final String FHIR_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    public NhsNumber {
        if (value == null || !value.matches("\\d{10}") || checkDigitFor(value.substring(0, 9)) != value.charAt(9) - '0') {
            throw new InvalidInputException("nhsNumber", "Enter a valid NHS number: the check digit does not match");
        }
    }

    public static NhsNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException("nhsNumber", "Enter an NHS number");
        }
        String digits = input.strip().replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}")) {
            throw new InvalidInputException("nhsNumber", "NHS number must be 10 digits");
        }
        return new NhsNumber(digits);
    }

    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** The check digit for nine digits, or -1 when the remainder makes every number with them invalid. */
    public static int checkDigitFor(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    /** As shown to people: {@code 943 476 5919}. */
    public String formatted() {
        return value.substring(0, 3) + " " + value.substring(3, 6) + " " + value.substring(6);
    }

    /** Ten stored digits as shown to people; anything else (or nothing) as it is. */
    public static String format(String digits) {
        return digits != null && digits.matches("[0-9]{10}") ? new NhsNumber(digits).formatted() : digits;
    }

    @Override
    public String toString() {
        return formatted();
    }
}
