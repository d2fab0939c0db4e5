package health.limber.referral.web;

import static health.limber.referral.web.SelfReferralStep.first;

import health.limber.organisation.GpPractice;
import health.limber.organisation.Organisations;
import health.limber.patient.BirthDate;
import health.limber.patient.ContactPreferences;
import health.limber.patient.NhsNumber;
import health.limber.platform.LimberTime;
import health.limber.referral.internal.ReferralInput;
import health.limber.referral.web.SelfReferralPage.Field;
import health.limber.referral.web.SelfReferralPage.Option;
import health.limber.referral.web.SelfReferralPage.Question;
import health.limber.referral.web.SelfReferralStep.Simple;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/** Part 1 of the self-referral, about you: age, GP practice, name, NHS number, how to contact you. */
@Component
class AboutYouSteps {

    private final Organisations organisations;
    private final Clock clock;

    AboutYouSteps(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    List<SelfReferralStep> steps() {
        return List.of(
                new Simple("age", 0, Set.of("birthDate"), (draft, errors) -> Question.of("What is your date of birth?", "For example, 15 3 1984",
                        Field.date("birthDate", draft)), this::age),
                new Simple("gp", 0, Set.of("gpPracticeCode", "postcodeOrIcb"), (draft, errors) -> gpQuestion(draft), this::gp),
                new Simple("name", 0, Set.of("givenName", "familyName"), (draft, errors) -> Question.of("What is your name?", null,
                        Field.text("givenName", "First name", null, draft.get("givenName"), "given-name", "20"),
                        Field.text("familyName", "Last name", null, draft.get("familyName"), "family-name", "20")), AboutYouSteps::name),
                new Simple("nhs-number", 0, Set.of("nhsNumber"), (draft, errors) -> Question.of("What is your NHS number?",
                        "It is 10 digits long, like 485 777 3456. You can find it in the NHS App or on a letter from the NHS. Leave it blank if you do not know it.",
                        Field.text("nhsNumber", "NHS number (optional)", null, draft.get("nhsNumber"), "off", "10")), AboutYouSteps::nhsNumber),
                new Simple("contact", 0, Set.of("phone", "email", "contactPreferences", "postcode"),
                        (draft, errors) -> contactQuestion(draft), AboutYouSteps::contact));
    }

    /** A real date of birth by the one rule for birth dates; under 16s are told where to go instead. */
    private String age(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        LocalDate today = LimberTime.today(clock);
        String day = first(form, "birthDate-day");
        String month = first(form, "birthDate-month");
        String year = first(form, "birthDate-year");
        draft.put("birthDate-day", day);
        draft.put("birthDate-month", month);
        draft.put("birthDate-year", year);
        if (day.isBlank() || month.isBlank() || year.isBlank()) {
            errors.put("birthDate", "Enter your date of birth, including the day, month and year");
            return null;
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            errors.put("birthDate", "Date of birth must be a real date");
            return null;
        }
        Optional<String> problem = BirthDate.problem(born, today, null);
        if (problem.isPresent()) {
            errors.put("birthDate", problem.get());
            return null;
        }
        draft.put("birthDate", born.toString());
        return Period.between(born, today).getYears() < ReferralInput.YOUNGEST_AGE ? "redirect:/self-referral/not-eligible?why=age" : null;
    }

    /** Search, then choose from what was found; a practice in an area the service does not cover is told so. */
    private String gp(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        String chosen = first(form, "gpPracticeCode");
        String search = first(form, "practiceSearch");
        draft.put("practiceSearch", search);
        if (!chosen.isBlank()) {
            GpPractice practice = organisations.practice(chosen).orElse(null);
            if (practice == null) {
                errors.put("gpPracticeCode", "Select your GP practice from the list");
            } else if (!organisations.servedIcbs().contains(practice.icbCode())) {
                return "redirect:/self-referral/not-eligible?why=area";
            } else {
                draft.put("gpPracticeCode", practice.code());
                draft.put("gpPracticeName", practice.name() + ", " + practice.postcode());
            }
        } else if (search.length() < 2) {
            errors.put("practiceSearch", "Enter your GP practice's name, town, postcode or code");
        } else if (organisations.findPractices(search).isEmpty()) {
            errors.put("practiceSearch", "We cannot find a GP practice matching " + search + ". Check the spelling, or try the practice's postcode");
        } else {
            // not an error: the person searched and now chooses from what was found
            return SelfReferralStep.STAY;
        }
        return null;
    }

    private Question gpQuestion(SelfReferralDraft draft) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.text("practiceSearch", "GP practice name, town, postcode or code",
                "For example, Exeter Medical Practice or EX1", draft.get("practiceSearch"), "off", null));
        List<GpPractice> found = organisations.findPractices(draft.get("practiceSearch"));
        if (!found.isEmpty()) {
            fields.add(Field.radios("gpPracticeCode", "Select your GP practice",
                    found.stream().map(p -> new Option(p.code(), p.name(), p.postcode())).toList(), draft.get("gpPracticeCode")));
        }
        return new Question("Which GP practice are you registered with?",
                found.isEmpty() ? "Search, then select your practice from the list." : null, fields, found.isEmpty() ? "Search" : "Continue",
                true);
    }

    private static String name(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        draft.put("givenName", first(form, "givenName"));
        draft.put("familyName", first(form, "familyName"));
        if (draft.get("givenName").isBlank()) {
            errors.put("givenName", "Enter your first name");
        }
        if (draft.get("familyName").isBlank()) {
            errors.put("familyName", "Enter your last name");
        }
        return null;
    }

    private static String nhsNumber(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        draft.put("nhsNumber", first(form, "nhsNumber"));
        if (!draft.get("nhsNumber").isBlank() && !NhsNumber.isValid(draft.get("nhsNumber"))) {
            errors.put("nhsNumber", "Enter a valid NHS number: 10 digits, like 485 777 3456, or leave it blank");
        }
        return null;
    }

    private static Question contactQuestion(SelfReferralDraft draft) {
        return Question.of("How can we contact you?",
                "We will use these to arrange your care. If your answers suggest you need urgent care, we will record them and may contact you the same day.",
                Field.text("phone", "Phone number", "For example, 07700 900 982", draft.get("phone"), "tel", "20"),
                Field.text("email", "Email address", null, draft.get("email"), "email", null),
                Field.text("postcode", "Postcode (optional)", null, draft.get("postcode"), "postal-code", "10"),
                Field.checkboxes("contactPreferences", "How would you like us to contact you? (optional)",
                        Arrays.stream(ContactPreferences.Channel.values()).map(c -> new Option(c.name(), c.label(), null)).toList(),
                        draft.list("contactPreferences"), null));
    }

    /** A phone number or an email address (or both), each in a form we can use. */
    private static String contact(MultiValueMap<String, String> form, SelfReferralDraft draft, Map<String, String> errors) {
        draft.put("phone", first(form, "phone"));
        draft.put("email", first(form, "email"));
        draft.put("postcode", first(form, "postcode"));
        draft.putList("contactPreferences", form.getOrDefault("contactPreferences", List.of()));
        if (draft.get("phone").isBlank() && draft.get("email").isBlank()) {
            errors.put("phone", "Enter a phone number or an email address so we can contact you");
        } else if (!draft.get("phone").isBlank() && !draft.get("phone").matches("\\+?[0-9 ()-]{10,20}")) {
            errors.put("phone", "Enter a phone number, like 01632 960 001 or 07700 900 982");
        }
        if (!draft.get("email").isBlank() && !draft.get("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "Enter an email address in the correct format, like name@example.com");
        }
        return null;
    }
}
