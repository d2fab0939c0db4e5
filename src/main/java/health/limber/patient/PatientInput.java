package health.limber.patient;

import health.limber.organisation.Organisations;
import health.limber.patient.internal.Sex;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.PersonName;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A patient's details as typed on the form or sent to the API: strings and lists, not yet trusted.
 * {@link #check} turns it into {@link PatientDetails} or throws every broken rule at once, each
 * naming its field with an NHS.UK-style message. Dates are {@code yyyy-MM-dd}.
 */
public record PatientInput(String nhsNumber, String nhsNumberUnknownReason, String givenName, String familyName,
                           String birthDate, String sex, String postcode, String phone, String email,
                           String preferredLanguage, Boolean interpreterNeeded, List<String> accessibilityNeeds,
                           String otherNeeds, List<String> contactPreferences, String gpPracticeCode, String icbCode,
                           String workStatus, Long version) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{10,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");
    private static final Pattern GP_PRACTICE = Pattern.compile("[A-Z][0-9]{5}");

    public static PatientInput from(Patient patient) {
        return new PatientInput(patient.nhsNumber().map(NhsNumber::formatted).orElse(""),
                patient.nhsNumberUnknownReason(), patient.givenName(), patient.familyName(),
                patient.birthDate().toString(), patient.sex().name(),
                patient.postcode().map(Postcode::value).orElse(""), patient.phone(), patient.email(),
                patient.preferredLanguage(), patient.interpreterNeeded(),
                patient.needs().needs().stream().map(Enum::name).toList(), patient.needs().otherNeeds(),
                patient.contact().channels().stream().map(Enum::name).toList(), patient.gpPracticeCode(),
                patient.icbCode(), patient.workStatus() == null ? "" : patient.workStatus().name(), patient.version());
    }

    public PatientDetails check(Organisations organisations, LocalDate today) {
        var errors = new InvalidFieldsException.Collector();

        NhsNumber nhs = null;
        String unknownReason = blankToNull(nhsNumberUnknownReason);
        if (isBlank(nhsNumber)) {
            if (unknownReason == null) {
                errors.add("nhsNumber", "Enter the NHS number, or say why it is not known");
            }
        } else {
            nhs = attempt(errors, () -> NhsNumber.parse(nhsNumber));
            unknownReason = null;
        }
        String given = requiredText(errors, "givenName", givenName, "Enter the first name", 100);
        String family = requiredText(errors, "familyName", familyName, "Enter the last name", 100);
        nameCharacters(errors, "givenName", given);
        nameCharacters(errors, "familyName", family);
        LocalDate born = checkedBirthDate(errors, today);
        Sex checkedSex = enumValue(errors, "sex", sex, Sex::valueOf, "Select the patient's sex");
        Postcode checkedPostcode = isBlank(postcode) ? null : attempt(errors, () -> Postcode.parse(postcode));

        String checkedPhone = blankToNull(phone);
        if (checkedPhone != null && !PHONE.matcher(checkedPhone).matches()) {
            errors.add("phone", "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192");
        }
        String checkedEmail = blankToNull(email);
        if (checkedEmail != null && (checkedEmail.length() > 254 || !EMAIL.matcher(checkedEmail).matches())) {
            errors.add("email", "Enter an email address in the correct format, like name@example.com");
        }
        String language = isBlank(preferredLanguage) ? "en" : preferredLanguage.trim();
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add("preferredLanguage", "Select the patient's preferred language");
        }

        List<AccessibilityNeeds.Need> needs = needs(errors);
        List<ContactPreferences.Channel> channels = channels(errors, checkedPhone, checkedEmail);

        String icb = isBlank(icbCode) ? null : icbCode.trim().toUpperCase(Locale.ROOT);
        if (icb == null || organisations.icb(icb).isEmpty()) {
            errors.add("icbCode", "Select the patient's integrated care board (ICB)");
        }
        String practice = practice(errors, organisations, icb);
        WorkStatus work = isBlank(workStatus) ? null
                : enumValue(errors, "workStatus", workStatus, WorkStatus::valueOf, "Select the patient's work status");

        errors.throwIfAny();
        return new PatientDetails(nhs, unknownReason, given, family, born, checkedSex, checkedPostcode, checkedPhone,
                checkedEmail, language, Boolean.TRUE.equals(interpreterNeeded), AccessibilityNeeds.of(needs, otherNeeds),
                ContactPreferences.of(channels.isEmpty() ? List.of(ContactPreferences.Channel.LETTER) : channels),
                practice, icb, work);
    }

    private List<AccessibilityNeeds.Need> needs(InvalidFieldsException.Collector errors) {
        List<AccessibilityNeeds.Need> needs = new ArrayList<>();
        for (String need : accessibilityNeeds == null ? List.<String>of() : accessibilityNeeds) {
            AccessibilityNeeds.Need value = enumValue(errors, "accessibilityNeeds", need, AccessibilityNeeds.Need::valueOf,
                    "Select access needs from the list");
            if (value != null) {
                needs.add(value);
            }
        }
        if (otherNeeds != null && otherNeeds.length() > 500) {
            errors.add("otherNeeds", "Other needs must be 500 characters or fewer");
        }
        return needs;
    }

    /** How the patient agrees to be contacted: a text message needs a phone number, an email an address. */
    private List<ContactPreferences.Channel> channels(InvalidFieldsException.Collector errors, String checkedPhone, String checkedEmail) {
        List<ContactPreferences.Channel> channels = new ArrayList<>();
        for (String channel : contactPreferences == null ? List.<String>of() : contactPreferences) {
            ContactPreferences.Channel value = enumValue(errors, "contactPreferences", channel,
                    ContactPreferences.Channel::valueOf, "Select contact preferences from the list");
            if (value != null) {
                channels.add(value);
            }
        }
        if (channels.contains(ContactPreferences.Channel.SMS) && checkedPhone == null) {
            errors.add("phone", "Enter a mobile number to be contacted by text message");
        }
        if (channels.contains(ContactPreferences.Channel.EMAIL) && checkedEmail == null) {
            errors.add("email", "Enter an email address to be contacted by email");
        }
        return channels;
    }

    /** The GP practice code, if given: well formed, and in the patient's ICB when the practice is known. */
    private String practice(InvalidFieldsException.Collector errors, Organisations organisations, String icb) {
        String practice = isBlank(gpPracticeCode) ? null : gpPracticeCode.trim().toUpperCase(Locale.ROOT);
        if (practice != null) {
            if (!GP_PRACTICE.matcher(practice).matches()) {
                errors.add("gpPracticeCode", "Enter the GP practice code: a letter and 5 numbers, like A81001");
            } else if (icb != null) {
                organisations.practice(practice).filter(known -> !known.icbCode().equals(icb)).ifPresent(known ->
                        errors.add("gpPracticeCode", known.name() + " is in a different ICB (" + known.icbCode()
                                + "). Check the practice or the ICB"));
            }
        }
        return practice;
    }

    private LocalDate checkedBirthDate(InvalidFieldsException.Collector errors, LocalDate today) {
        if (isBlank(birthDate)) {
            errors.add("birthDate", "Enter the date of birth");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(birthDate.trim());
        } catch (DateTimeParseException e) {
            errors.add("birthDate", "Date of birth must be a real date");
            return null;
        }
        BirthDate.problem(date, today, null).ifPresent(message -> errors.add("birthDate", message));
        return date;
    }

    /** Names refuse control characters, broken characters and bidirectional overrides (see {@link PersonName}). */
    private static void nameCharacters(InvalidFieldsException.Collector errors, String field, String name) {
        if (name != null && !PersonName.acceptable(name)) {
            errors.add(field, "A name can only contain letters, spaces, hyphens, apostrophes and similar characters");
        }
    }

    private static String requiredText(InvalidFieldsException.Collector errors, String field, String value,
                                       String missing, int max) {
        if (isBlank(value)) {
            errors.add(field, missing);
            return null;
        }
        if (value.trim().length() > max) {
            errors.add(field, "Must be " + max + " characters or fewer");
        }
        return value.trim();
    }

    private static <E> E enumValue(InvalidFieldsException.Collector errors, String field, String value,
                                   Function<String, E> parse, String message) {
        if (isBlank(value)) {
            errors.add(field, message);
            return null;
        }
        try {
            return parse.apply(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, message);
            return null;
        }
    }

    private static <T> T attempt(InvalidFieldsException.Collector errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            errors.add(e);
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
