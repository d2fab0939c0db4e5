package health.limber.platform;

import java.util.Locale;

/** Language codes as stored (ISO 639, "pl") in the words people use ("Polish"). */
public final class Languages {

    private Languages() {}

    /** The language's English name, or the code itself if Java does not know it. */
    public static String name(String code) {
        if (code == null || code.isBlank()) {
            return "Not given";
        }
        String name = Locale.forLanguageTag(code.strip()).getDisplayLanguage(Locale.UK);
        return name.isBlank() || name.equalsIgnoreCase(code.strip()) ? code : name;
    }
}
