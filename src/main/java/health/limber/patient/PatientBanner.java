package health.limber.patient;

import java.time.LocalDate;
import java.time.Period;

/**
 * Who a page is about, shown at the top of every page that shows or changes one person's care, as
 * NHS systems do: name, NHS number and date of birth together, so two people of the same name are
 * never confused (hazard H-27). Built from a patient record, or from what a referral or a waiting-list
 * file says when no record is linked yet.
 *
 * @param nhsNumber 10 digits, or null when not known yet
 */
public record PatientBanner(String name, String nhsNumber, LocalDate birthDate) {

    public static PatientBanner of(Patient patient) {
        return new PatientBanner(patient.displayName(), patient.nhsNumber().map(NhsNumber::value).orElse(null), patient.birthDate());
    }

    /** The NHS number as people read it (943 476 5919), or "not known". */
    public String formattedNhsNumber() {
        return nhsNumber == null ? "Not known" : NhsNumber.isValid(nhsNumber) ? NhsNumber.parse(nhsNumber).formatted() : nhsNumber;
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }
}
