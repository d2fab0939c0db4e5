package health.limber.support.internal;

import health.limber.platform.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a new local service must have: a code, a name, what it helps with, a description and a valid contact route. */
final class SupportServiceRules {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{3,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private SupportServiceRules() {}

    static SupportService check(SupportService s) {
        String code = s.code() == null ? "" : s.code().strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "Enter a code of 3 to 40 capital letters, digits or underscores, such as LEEDS_MONEY_ADVICE");
        }
        if (blank(s.name()) || s.name().length() > 200) {
            throw new InvalidInputException("name", "Enter the service's name, up to 200 characters");
        }
        if (s.need() == null) {
            throw new InvalidInputException("need", "Choose whether the service helps with work or with money");
        }
        if (blank(s.description()) || s.description().length() > 1000) {
            throw new InvalidInputException("description", "Say in up to 1,000 characters what the service does");
        }
        if (!blank(s.email()) && (s.email().length() > 254 || !EMAIL.matcher(s.email().strip()).matches())) {
            throw new InvalidInputException("email", "Enter an email address like name@example.org");
        }
        if (!blank(s.phone()) && !s.phone().strip().matches("[0-9 +()]{6,40}")) {
            throw new InvalidInputException("phone", "Enter a phone number of digits and spaces");
        }
        if (!blank(s.website()) && (!s.website().strip().startsWith("https://") || s.website().length() > 300)) {
            throw new InvalidInputException("website", "Enter the website's address, starting https://");
        }
        if (blank(s.email()) && blank(s.phone()) && blank(s.website())) {
            throw new InvalidInputException("email", "Give at least one contact route: an email address, a phone number or a website");
        }
        return new SupportService(code, s.name().strip(), s.need(), false, blank(s.icbCode()) ? null : s.icbCode().strip(), trim(s.email()),
                trim(s.phone()), trim(s.website()), s.description().strip(), true);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trim(String text) {
        return blank(text) ? null : text.strip();
    }
}
