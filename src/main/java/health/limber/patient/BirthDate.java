package health.limber.patient;

import health.limber.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for a date of birth, wherever one is entered (staff forms, the self-referral, the
 * API and the waiting-list import): not in the future, not more than {@value #OLDEST_AGE} years ago,
 * and, where they are known, not after the date a referral was received or a waiting-list clock
 * started (nobody is referred before they are born).
 */
public record BirthDate(LocalDate value) {

    public static final int OLDEST_AGE = 130;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * What is wrong with the date, in words a person can act on, or nothing.
     *
     * @param notAfter a date the person must already have been born by (a referral's or a clock's), or null
     */
    public static Optional<String> problem(LocalDate born, LocalDate today, LocalDate notAfter) {
        if (born.isAfter(today)) {
            return Optional.of("Date of birth must be today or in the past");
        }
        if (born.isBefore(today.minusYears(OLDEST_AGE))) {
            return Optional.of("Date of birth must be a real date of birth: the person would be over " + OLDEST_AGE + " (check the year)");
        }
        if (notAfter != null && born.isAfter(notAfter)) {
            return Optional.of("Date of birth must be before " + DAY.format(notAfter) + ", when the referral was received or the wait began");
        }
        return Optional.empty();
    }

    /** The date, checked, or an {@link InvalidInputException} naming {@code field}. */
    public static BirthDate of(String field, LocalDate born, LocalDate today, LocalDate notAfter) {
        problem(born, today, notAfter).ifPresent(message -> {
            throw new InvalidInputException(field, message);
        });
        return new BirthDate(born);
    }
}
