package health.limber.referral.internal;

import health.limber.organisation.GpPractice;
import health.limber.organisation.Organisations;
import health.limber.patient.AccessibilityNeeds;
import health.limber.patient.BirthDate;
import health.limber.patient.ContactPreferences;
import health.limber.patient.NhsNumber;
import health.limber.patient.Postcode;
import health.limber.patient.WorkStatus;
import health.limber.platform.InvalidFieldsException;
import health.limber.platform.InvalidInputException;
import health.limber.platform.PersonName;
import health.limber.referral.BodySite;
import health.limber.referral.Instrument;
import health.limber.referral.InstrumentScore;
import health.limber.referral.RedFlagQuestion;
import health.limber.referral.RedFlagQuestions;
import health.limber.referral.RedFlagScreen;
import health.limber.referral.ReferralSource;
import health.limber.referral.SymptomDuration;
import health.limber.referral.Urgency;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A referral as typed on the staff form, sent to {@code POST /api/referrals} or gathered by the
 * self-referral pages: strings and lists, not yet trusted. {@link #check} applies every rule once
 * and throws all broken rules together, each naming its field with an NHS.UK-style message.
 *
 * @param redFlagsAsked the red-flag questions put to the person (empty: all questions were asked)
 * @param redFlags      the ones answered yes
 */
public record ReferralInput(String source, String ubrn, String receivedOn, String gpPracticeCode, String postcodeOrIcb,
                            String referrer, String nhsNumber, String givenName, String familyName, String birthDate,
                            String postcode, String phone, String email, List<String> contactPreferences,
                            String preferredLanguage, Boolean interpreterNeeded, List<String> accessibilityNeeds,
                            String reasonCode, List<String> bodySites, String symptomDuration, String history,
                            String requestedUrgency, List<String> redFlagsAsked, List<String> redFlags,
                            List<Integer> instrumentAnswers, String workStatus, Integer daysOffWork,
                            Boolean wantsEmploymentSupport, Boolean wantsDebtSupport, Boolean consentToContact) {

    /** The service is for adults and young people from 16 (community MSK, DOMAIN.md §1). */
    public static final int YOUNGEST_AGE = 16;
    private static final Pattern UBRN = Pattern.compile("[0-9]{12}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{10,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");

    /**
     * Checks every field.
     *
     * @param acceptedIcbs the ICBs this referral may come from: those the staff member's organisation
     *                     serves, or, for the public, those any provider on this deployment serves
     */
    public NewReferral check(Organisations organisations, RedFlagQuestions questions, ReferralReasons reasons,
                             Set<String> acceptedIcbs, LocalDate today) {
        var errors = new InvalidFieldsException.Collector();
        Receipt receipt = receipt(errors, today);
        Person person = person(errors, today, receipt.received());
        Contact contact = contact(errors, receipt.source());
        String icb = icb(errors, organisations, acceptedIcbs, contact.postcode());
        Problem problem = problem(errors, reasons);
        RedFlagScreen screen = screen(errors, questions);
        InstrumentScore score = score(errors, problem.sites());
        WorkStatus work = blankToNull(workStatus) == null ? null
                : enumValue(errors, "workStatus", workStatus, WorkStatus.class, "Select a work status from the list");
        if (daysOffWork != null && (daysOffWork < 0 || daysOffWork > 28)) {
            errors.add("daysOffWork", "Days off work in the last 4 weeks must be a number from 0 to 28");
        }
        boolean self = receipt.source() == ReferralSource.SELF;
        if (self && !Boolean.TRUE.equals(consentToContact)) {
            errors.add("consentToContact", "Confirm that we may use your answers and contact you about your care");
        }
        errors.throwIfAny();

        return new NewReferral(receipt.source(), receipt.ubrn(), receipt.received(), icb, practiceCode(organisations), blankToNull(referrer),
                person.nhsNumber(), person.given(), person.family(), person.born(), contact.postcode(), contact.phone(), contact.email(),
                contact.channels(), contact.language(), Boolean.TRUE.equals(interpreterNeeded), contact.needs(), problem.reason(),
                problem.sites(), problem.duration(), problem.history(), problem.urgency(), screen,
                score == null ? null : instrumentAnswers, score, work, daysOffWork, Boolean.TRUE.equals(wantsEmploymentSupport),
                Boolean.TRUE.equals(wantsDebtSupport), !self || Boolean.TRUE.equals(consentToContact));
    }

    private record Receipt(ReferralSource source, String ubrn, LocalDate received) {}

    private record Person(NhsNumber nhsNumber, String given, String family, LocalDate born) {}

    private record Contact(String postcode, String phone, String email, List<String> channels, String language, List<String> needs) {}

    private record Problem(String reason, Set<BodySite> sites, SymptomDuration duration, String history, Urgency urgency) {}

    /** Where the referral came from and when it arrived: today or in the last 5 years; an e-RS referral needs its UBRN. */
    private Receipt receipt(InvalidFieldsException.Collector errors, LocalDate today) {
        ReferralSource checkedSource = enumValue(errors, "source", source, ReferralSource.class, "Select where the referral came from");
        String checkedUbrn = blankToNull(ubrn) == null ? null : ubrn.replaceAll("[\\s-]", "");
        if (checkedSource == ReferralSource.ERS && checkedUbrn == null) {
            errors.add("ubrn", "Enter the e-Referral Service booking reference number (UBRN)");
        } else if (checkedUbrn != null && !UBRN.matcher(checkedUbrn).matches()) {
            errors.add("ubrn", "The UBRN must be 12 digits");
        }
        LocalDate received = date(errors, "receivedOn", receivedOn, "the date the referral was received");
        if (received != null && received.isAfter(today)) {
            errors.add("receivedOn", "The date the referral was received must be today or in the past");
        } else if (received != null && received.isBefore(today.minusYears(5))) {
            errors.add("receivedOn", "The date the referral was received must be within the last 5 years");
        }
        return new Receipt(checkedSource, checkedUbrn, received);
    }

    /** Who the person is: a valid NHS number if given, names, and a date of birth by the one rule, aged 16 or over. */
    private Person person(InvalidFieldsException.Collector errors, LocalDate today, LocalDate received) {
        NhsNumber nhs = null;
        if (blankToNull(nhsNumber) != null) {
            try {
                nhs = NhsNumber.parse(nhsNumber);
            } catch (InvalidInputException e) {
                errors.add("nhsNumber", e.getMessage());
            }
        }
        String given = requiredText(errors, "givenName", givenName, "Enter a first name", 100);
        String family = requiredText(errors, "familyName", familyName, "Enter a last name", 100);
        for (String[] name : new String[][] {{"givenName", given}, {"familyName", family}}) {
            if (name[1] != null && !PersonName.acceptable(name[1])) {
                errors.add(name[0], "A name can only contain letters, spaces, hyphens, apostrophes and similar characters");
            }
        }
        LocalDate born = date(errors, "birthDate", birthDate, "date of birth");
        if (born != null) {
            var problem = BirthDate.problem(born, today, received);
            if (problem.isPresent()) {
                errors.add("birthDate", problem.get());
            } else if (Period.between(born, today).getYears() < YOUNGEST_AGE) {
                errors.add("birthDate", "This service is for people aged 16 or over. Under 16s are seen by children's physiotherapy: "
                        + "ask your GP or call 111");
            }
        }
        return new Person(nhs, given, family, born);
    }

    /** How to reach the person (a self-referral needs a phone number or an email address) and what they need. */
    private Contact contact(InvalidFieldsException.Collector errors, ReferralSource checkedSource) {
        String checkedPostcode = null;
        if (blankToNull(postcode) != null) {
            try {
                checkedPostcode = Postcode.parse(postcode).value();
            } catch (InvalidInputException e) {
                errors.add("postcode", e.getMessage());
            }
        }
        String checkedPhone = optionalMatch(errors, "phone", phone, PHONE, "Enter a phone number, like 01632 960 001 or 07700 900 982");
        String checkedEmail = optionalMatch(errors, "email", email, EMAIL, "Enter an email address in the correct format, like name@example.com");
        List<String> channels = enumNames(errors, "contactPreferences", contactPreferences, ContactPreferences.Channel.class,
                "Select how we may contact you");
        if (checkedSource == ReferralSource.SELF && checkedPhone == null && checkedEmail == null && !errors.has("phone")) {
            errors.add("phone", "Enter a phone number or an email address so we can contact you");
        }
        String language = blankToNull(preferredLanguage) == null ? "en" : preferredLanguage.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add("preferredLanguage", "Select a language from the list");
        }
        List<String> needs = enumNames(errors, "accessibilityNeeds", accessibilityNeeds, AccessibilityNeeds.Need.class,
                "Select the support you need from the list");
        return new Contact(checkedPostcode, checkedPhone, checkedEmail, channels, language, needs);
    }

    /** What the problem is: a reason from the list, where it hurts (at least one site), how long, and the urgency asked for. */
    private Problem problem(InvalidFieldsException.Collector errors, ReferralReasons reasons) {
        String reason = blankToNull(reasonCode);
        if (reason != null && !reasons.contains(reason)) {
            errors.add("reasonCode", "Select a reason from the list");
        }
        Set<BodySite> sites = EnumSet.noneOf(BodySite.class);
        if (bodySites == null || bodySites.stream().allMatch(s -> blankToNull(s) == null)) {
            errors.add("bodySites", "Select where the pain is");
        } else {
            for (String site : bodySites) {
                BodySite value = enumValue(errors, "bodySites", site, BodySite.class, "Select where the pain is from the list");
                if (value != null) {
                    sites.add(value);
                }
            }
        }
        SymptomDuration duration = enumValue(errors, "symptomDuration", symptomDuration, SymptomDuration.class,
                "Select how long the problem has lasted");
        String checkedHistory = optionalText(errors, "history", history, 4000);
        Urgency urgency = blankToNull(requestedUrgency) == null ? Urgency.ROUTINE
                : enumValue(errors, "requestedUrgency", requestedUrgency, Urgency.class, "Select urgent, soon or routine");
        return new Problem(reason, sites, duration, checkedHistory, urgency);
    }

    /** The red-flag screen: every question put (or all of them) and the ones answered yes, by their ids. */
    private RedFlagScreen screen(InvalidFieldsException.Collector errors, RedFlagQuestions questions) {
        List<String> yes = redFlags == null ? List.of() : redFlags.stream().filter(id -> blankToNull(id) != null).toList();
        List<String> unknown = yes.stream().filter(id -> questions.find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            errors.add("redFlags", "Unknown red-flag question " + String.join(", ", unknown) + ": use the ids in GET /api/referrals/red-flags");
            return RedFlagScreen.NOT_SCREENED;
        }
        List<String> asked = redFlagsAsked == null || redFlagsAsked.isEmpty()
                ? questions.all().stream().map(RedFlagQuestion::id).toList() : redFlagsAsked;
        return questions.screen(asked, yes);
    }

    /** The questionnaire for where it hurts, scored when every item is answered. */
    private InstrumentScore score(InvalidFieldsException.Collector errors, Set<BodySite> sites) {
        if (instrumentAnswers == null || instrumentAnswers.isEmpty() || sites.isEmpty()) {
            return null;
        }
        Instrument instrument = Instrument.forSites(sites);
        try {
            if (instrumentAnswers.contains(null)) {
                throw new IllegalArgumentException("Answer every " + instrument.title() + " question");
            }
            return instrument.score(instrumentAnswers);
        } catch (IllegalArgumentException e) {
            errors.add("instrumentAnswers", e.getMessage());
            return null;
        }
    }

    private String practiceCode(Organisations organisations) {
        String code = blankToNull(gpPracticeCode);
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * The ICB the person belongs to: their GP practice's, else their postcode district's, else an ICB
     * code given directly. Outside the accepted ICBs the person is told who to contact instead.
     */
    private String icb(InvalidFieldsException.Collector errors, Organisations organisations, Set<String> acceptedIcbs,
                       String checkedPostcode) {
        String code = blankToNull(gpPracticeCode);
        String icb = null;
        String field;
        if (code != null) {
            field = "gpPracticeCode";
            GpPractice practice = organisations.practice(code.trim().toUpperCase(Locale.ROOT)).orElse(null);
            if (practice == null) {
                errors.add(field, "We cannot find a GP practice with the code " + code.trim()
                        + ". Check the code (a letter and 5 numbers) or search by name");
                return null;
            }
            icb = practice.icbCode();
        } else if (blankToNull(postcodeOrIcb) != null && postcodeOrIcb.trim().matches("(?i)Q[A-Z0-9]{2}")) {
            field = "postcodeOrIcb";
            icb = postcodeOrIcb.trim().toUpperCase(Locale.ROOT);
        } else {
            field = blankToNull(postcodeOrIcb) != null ? "postcodeOrIcb" : "gpPracticeCode";
            String typed = blankToNull(postcodeOrIcb) != null ? postcodeOrIcb : checkedPostcode;
            if (typed == null) {
                errors.add("gpPracticeCode", "Enter the GP practice, or a postcode so we can tell which area the person lives in");
                return null;
            }
            try {
                String outward = Postcode.parse(typed).outwardCode();
                icb = organisations.icbForPostcodeDistrict(outward).orElse(null);
                if (icb == null) {
                    errors.add(field, "We do not run services for the postcode " + typed.trim().toUpperCase(Locale.ROOT)
                            + ". Contact your GP practice or call 111 to find the MSK service for your area");
                    return null;
                }
            } catch (InvalidInputException e) {
                errors.add(field, e.getMessage());
                return null;
            }
        }
        if (!acceptedIcbs.contains(icb)) {
            String area = organisations.icb(icb).map(i -> i.pilotArea()).orElse(icb);
            errors.add(field, "This service does not cover " + area + ". Contact your GP practice or call 111 "
                    + "to find the MSK service for that area");
            return null;
        }
        return icb;
    }

    private static LocalDate date(InvalidFieldsException.Collector errors, String field, String value, String what) {
        if (blankToNull(value) == null) {
            errors.add(field, "Enter " + what);
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, capitalise(what) + " must be a real date");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(InvalidFieldsException.Collector errors, String field, String value,
                                                   Class<E> type, String message) {
        if (blankToNull(value) == null) {
            errors.add(field, message);
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, message);
            return null;
        }
    }

    private static <E extends Enum<E>> List<String> enumNames(InvalidFieldsException.Collector errors, String field,
                                                              List<String> values, Class<E> type, String message) {
        Set<String> names = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                if (blankToNull(value) == null) {
                    continue;
                }
                E e = enumValue(errors, field, value, type, message);
                if (e != null) {
                    names.add(e.name());
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static String requiredText(InvalidFieldsException.Collector errors, String field, String value, String message, int max) {
        if (blankToNull(value) == null) {
            errors.add(field, message);
            return null;
        }
        return optionalText(errors, field, value, max);
    }

    private static String optionalText(InvalidFieldsException.Collector errors, String field, String value, int max) {
        String text = blankToNull(value);
        if (text != null && text.length() > max) {
            errors.add(field, "Must be " + max + " characters or fewer");
        }
        return text;
    }

    private static String optionalMatch(InvalidFieldsException.Collector errors, String field, String value, Pattern pattern, String message) {
        String text = blankToNull(value);
        if (text != null && !pattern.matcher(text).matches()) {
            errors.add(field, message);
        }
        return text;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The body sites as a sorted, comma-separated list (how they are stored). */
    static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
