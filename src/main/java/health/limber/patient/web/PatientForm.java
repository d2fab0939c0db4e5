package health.limber.patient.web;

import health.limber.patient.PatientInput;
import java.util.List;

/** The patient form as posted: the date of birth arrives as day, month and year (NHS.UK date input). */
public record PatientForm(String nhsNumber, String nhsNumberUnknownReason, String givenName, String familyName,
                   String dobDay, String dobMonth, String dobYear, String sex, String postcode, String phone,
                   String email, String preferredLanguage, Boolean interpreterNeeded, List<String> accessibilityNeeds,
                   String otherNeeds, List<String> contactPreferences, String gpPracticeCode, String icbCode,
                   String workStatus, Long version) {

    static PatientForm empty() {
        return new PatientForm("", "", "", "", "", "", "", "", "", "", "", "en", false, List.of(), "", List.of(),
                "", "", "", null);
    }

    static PatientForm of(PatientInput input) {
        String[] date = input.birthDate() == null ? new String[] {"", "", ""} : input.birthDate().split("-");
        return new PatientForm(input.nhsNumber(), input.nhsNumberUnknownReason(), input.givenName(), input.familyName(),
                date.length == 3 ? strip(date[2]) : "", date.length == 3 ? strip(date[1]) : "", date.length == 3 ? date[0] : "",
                input.sex(), input.postcode(), input.phone(), input.email(), input.preferredLanguage(),
                input.interpreterNeeded(), input.accessibilityNeeds(), input.otherNeeds(), input.contactPreferences(),
                input.gpPracticeCode(), input.icbCode(), input.workStatus(), input.version());
    }

    PatientInput toInput() {
        return new PatientInput(nhsNumber, nhsNumberUnknownReason, givenName, familyName, birthDate(), sex, postcode,
                phone, email, preferredLanguage, interpreterNeeded, accessibilityNeeds == null ? List.of() : accessibilityNeeds,
                otherNeeds, contactPreferences == null ? List.of() : contactPreferences, gpPracticeCode, icbCode,
                workStatus, version);
    }

    /** yyyy-MM-dd, or something that will fail the date rule if a part is missing or not a number. */
    private String birthDate() {
        if (blank(dobDay) && blank(dobMonth) && blank(dobYear)) {
            return "";
        }
        try {
            return String.format("%04d-%02d-%02d", Integer.parseInt(dobYear.trim()), Integer.parseInt(dobMonth.trim()),
                    Integer.parseInt(dobDay.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return "not-a-date";
        }
    }

    public boolean has(String list, String value) {
        List<String> values = "needs".equals(list) ? accessibilityNeeds : contactPreferences;
        return values != null && values.contains(value);
    }

    private static String strip(String part) {
        return part.startsWith("0") && part.length() > 1 ? part.substring(1) : part;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
