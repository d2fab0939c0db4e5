package health.limber.patient.internal;

import health.limber.patient.AccessibilityNeeds;
import health.limber.patient.ContactPreferences;
import health.limber.patient.EthnicCategory;
import health.limber.patient.NhsNumber;
import health.limber.patient.Patient;
import health.limber.patient.Postcode;
import health.limber.patient.WorkStatus;
import health.limber.patient.WorkStatusChange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The patient record as the API shows it. */
public record PatientView(UUID id, String nhsNumber, String nhsNumberUnknownReason, String givenName, String familyName,
                          LocalDate birthDate, Sex sex, String postcode, String phone, String email,
                          String preferredLanguage, boolean interpreterNeeded, List<AccessibilityNeeds.Need> accessibilityNeeds,
                          String otherNeeds, List<ContactPreferences.Channel> contactPreferences, String gpPracticeCode,
                          String icbCode, WorkStatus workStatus, List<WorkStatusChange> workStatusHistory, EthnicCategory ethnicCategory,
                          boolean voided, Instant voidedAt, String voidedBy, String voidReason, long version) {

    public static PatientView of(Patient p) {
        return new PatientView(p.id().value(), p.nhsNumber().map(NhsNumber::formatted).orElse(null), p.nhsNumberUnknownReason(),
                p.givenName(), p.familyName(), p.birthDate(), p.sex(), p.postcode().map(Postcode::value).orElse(null),
                p.phone(), p.email(), p.preferredLanguage(), p.interpreterNeeded(), p.needs().needs(),
                p.needs().otherNeeds(), p.contact().channels(), p.gpPracticeCode(), p.icbCode(), p.workStatus(),
                p.workStatusHistory(), p.ethnicCategory(), p.isVoided(), p.voidedAt(), p.voidedBy(), p.voidReason(), p.version());
    }
}
