package health.limber.platform;

/**
 * The rule every name Limber stores keeps: 1 to 200 characters, no control characters (NUL, line
 * breaks), no unpaired surrogates (broken characters) and no bidirectional overrides or isolates,
 * which can make a name display as something else ("Trojan source" spoofing of who a record is).
 */
public final class PersonName {

    public static final int MAX_LENGTH = 200;

    private PersonName() {}

    /** The name stripped of outer spaces, or an {@link InvalidInputException} naming {@code field}. */
    public static String check(String field, String name, String whenMissing) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, whenMissing);
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "A name must be " + MAX_LENGTH + " characters or fewer");
        }
        if (!acceptable(stripped)) {
            throw new InvalidInputException(field, "A name can only contain letters, spaces, hyphens, apostrophes and similar characters");
        }
        return stripped;
    }

    /** Whether the text has no control character, unpaired surrogate or bidirectional control. */
    public static boolean acceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
                continue;
            }
            if (Character.isLowSurrogate(c) || Character.isISOControl(c) || isBidiControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBidiControl(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
