package health.limber.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Language codes as stored (ISO 639, "pl") in the words people use ("Polish"), and the languages a service offers. */
public final class Languages {

    /**
     * The languages people may choose, in the self-referral and on the staff form alike: English,
     * Welsh, then the languages most asked for in England, and British Sign Language (ISO 639-3
     * {@code bfi}). Interpreters are booked by the service.
     */
    public static final Map<String, String> OFFERED = offered();

    private Languages() {}

    /** The language's English name, or the code itself if Java does not know it. */
    public static String name(String code) {
        if (code == null || code.isBlank()) {
            return "Not given";
        }
        String stripped = code.strip();
        if (OFFERED.containsKey(stripped)) {
            return OFFERED.get(stripped);
        }
        if (stripped.equals("sgn")) {
            // the generic sign-language code, stored by earlier versions of the staff form for BSL
            return "British Sign Language";
        }
        String name = Locale.forLanguageTag(stripped).getDisplayLanguage(Locale.UK);
        return name.isBlank() || name.equalsIgnoreCase(stripped) ? code : name;
    }

    private static Map<String, String> offered() {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en", "English");
        languages.put("cy", "Welsh (Cymraeg)");
        for (String code : new String[] {"pl", "ro", "pa", "ur", "bn", "gu", "ar", "so", "pt", "tr", "lt", "zh", "es", "ta", "fr", "it"}) {
            languages.put(code, Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK));
        }
        languages.put("bfi", "British Sign Language");
        return Collections.unmodifiableMap(languages);
    }
}
