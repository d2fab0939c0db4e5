package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import health.limber.organisation.GpPractice;
import health.limber.organisation.Icb;
import health.limber.organisation.Organisations;
import health.limber.platform.InvalidFieldsException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every rule a patient's details must pass, with the message a person sees. */
class PatientInputTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** Organisations with one ICB (QHL) and one practice in another ICB. */
    static final Organisations ORGANISATIONS = new Organisations(null) {
        @Override
        public Optional<Icb> icb(String code) {
            return "QHL".equals(code) ? Optional.of(new Icb("QHL", "NHS Birmingham and Solihull ICB", "Birmingham and Solihull"))
                    : Optional.empty();
        }

        @Override
        public Optional<GpPractice> practice(String code) {
            return "Y99001".equals(code) ? Optional.of(new GpPractice("Y99001", "Elsewhere Surgery", "BS1 1AA", "QUY"))
                    : Optional.empty();
        }
    };

    static PatientInput valid() {
        return new PatientInput("943 476 5919", null, "Ada", "Lovelace", "1980-03-15", "FEMALE", "ls1 4ap", "07700 900123",
                "ada@example.com", "en", false, List.of("STEP_FREE"), null, List.of("SMS", "EMAIL"), "M85001", "QHL",
                "EMPLOYED_WORKING", null);
    }

    static PatientInput with(java.util.function.UnaryOperator<PatientInput> change) {
        return change.apply(valid());
    }

    static java.util.Map<String, String> errors(PatientInput input) {
        var e = catchThrowableOfType(InvalidFieldsException.class, () -> input.check(ORGANISATIONS, TODAY));
        assertThat(e).as("expected the input to be refused").isNotNull();
        return e.errors();
    }

    @Test
    void validDetailsAreNormalised() {
        PatientDetails details = valid().check(ORGANISATIONS, TODAY);
        assertThat(details.nhsNumber().value()).isEqualTo("9434765919");
        assertThat(details.postcode().value()).isEqualTo("LS1 4AP");
        assertThat(details.needs().stepFreeAccess()).isTrue();
        assertThat(details.contact().bySms()).isTrue();
    }

    @Test
    void aFutureDateOfBirthIsRefused() {
        var input = new PatientInput("943 476 5919", null, "Ada", "Lovelace", "2026-11-25", "FEMALE", null, null, null, "en",
                false, List.of(), null, List.of(), null, "QHL", null, null);
        assertThat(errors(input)).containsEntry("birthDate", "Date of birth must be today or in the past");
    }

    @Test
    void aBabyBornTodayIsAccepted() {
        var input = new PatientInput("943 476 5919", null, "Baby", "Lovelace", "2026-11-24", "FEMALE", null, null, null, "en",
                false, List.of(), null, List.of(), null, "QHL", null, null);
        assertThat(input.check(ORGANISATIONS, TODAY).birthDate()).isEqualTo(TODAY);
    }

    @Test
    void anImpossibleAgeIsRefused() {
        var input = new PatientInput("943 476 5919", null, "Old", "Person", "1890-01-01", "MALE", null, null, null, "en",
                false, List.of(), null, List.of(), null, "QHL", null, null);
        assertThat(errors(input).get("birthDate")).contains("over 130");
    }

    @Test
    void anNhsNumberMayBeMissingOnlyWithAReason() {
        var missing = new PatientInput("", null, "No", "Number", "1980-01-01", "MALE", null, null, null, "en",
                false, List.of(), null, List.of(), null, "QHL", null, null);
        assertThat(errors(missing)).containsEntry("nhsNumber", "Enter the NHS number, or say why it is not known");
        var explained = new PatientInput("", "Newly arrived, not yet registered", "No", "Number", "1980-01-01", "MALE", null,
                null, null, "en", false, List.of(), null, List.of(), null, "QHL", null, null);
        assertThat(explained.check(ORGANISATIONS, TODAY).nhsNumber()).isNull();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceNamingItsField() {
        var input = new PatientInput("123", null, "", "", "not-a-date", "ALIEN", "XYZ", "12", "not-an-email", "english",
                false, List.of("WINGS"), null, List.of("PIGEON"), "123", "ZZZ", "ASTRONAUT", null);
        assertThat(errors(input)).containsOnlyKeys("nhsNumber", "givenName", "familyName", "birthDate", "sex", "postcode",
                "phone", "email", "preferredLanguage", "accessibilityNeeds", "contactPreferences", "gpPracticeCode", "icbCode",
                "workStatus");
    }

    @Test
    void textMessagesNeedAPhoneNumber() {
        var input = new PatientInput("943 476 5919", null, "Ada", "Lovelace", "1980-03-15", "FEMALE", null, null, null, "en",
                false, List.of(), null, List.of("SMS"), null, "QHL", null, null);
        assertThat(errors(input)).containsEntry("phone", "Enter a mobile number to be contacted by text message");
    }

    @Test
    void aGpPracticeInAnotherIcbIsRefused() {
        var input = new PatientInput("943 476 5919", null, "Ada", "Lovelace", "1980-03-15", "FEMALE", null, null, null, "en",
                false, List.of(), null, List.of(), "y99001", "QHL", null, null);
        assertThat(errors(input).get("gpPracticeCode")).contains("Elsewhere Surgery is in a different ICB");
    }
}
