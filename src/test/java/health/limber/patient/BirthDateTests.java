package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.platform.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One rule for a date of birth, at its edges: today is allowed, tomorrow is not; 130 years ago is, a day more is not; never after a referral. */
class BirthDateTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void todayIsTheLatestAndTomorrowIsRefused() {
        assertThat(BirthDate.problem(TODAY, TODAY, null)).isEmpty();
        assertThat(BirthDate.problem(TODAY.plusDays(1), TODAY, null)).hasValueSatisfying(m -> assertThat(m).contains("today or in the past"));
    }

    @Test
    void exactly130YearsAgoIsTheEarliestAndADayMoreIsRefused() {
        assertThat(BirthDate.problem(TODAY.minusYears(130), TODAY, null)).isEmpty();
        assertThat(BirthDate.problem(TODAY.minusYears(130).minusDays(1), TODAY, null)).hasValueSatisfying(m -> assertThat(m).contains("over 130"));
    }

    @Test
    void aPersonIsBornOnOrBeforeTheDayTheirReferralWasReceived() {
        LocalDate received = LocalDate.of(2025, 1, 10);
        assertThat(BirthDate.problem(received, TODAY, received)).isEmpty();
        assertThat(BirthDate.problem(received.plusDays(1), TODAY, received)).hasValueSatisfying(m -> assertThat(m).contains("10 January 2025"));
        assertThatThrownBy(() -> BirthDate.of("birthDate", received.plusDays(1), TODAY, received))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("birthDate"));
    }
}
