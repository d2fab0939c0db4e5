package health.limber.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.limber.patient.internal.Sex;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static PatientDetails details(WorkStatus work) {
        return new PatientDetails(NhsNumber.parse("9434765919"), null, "Ada", "Lovelace", LocalDate.of(1980, 3, 15), Sex.FEMALE,
                Postcode.parse("LS1 4AP"), null, null, "en", false, AccessibilityNeeds.NONE, ContactPreferences.LETTER_ONLY,
                null, "QHL", work);
    }

    @Test
    void aChangeOfWorkStatusAddsToItsHistoryAndTheSameStatusDoesNot() {
        Patient patient = Patient.register(details(WorkStatus.EMPLOYED_WORKING), "clinician", TODAY.minusDays(30), NOW);
        patient.update(details(WorkStatus.EMPLOYED_WORKING), "clinician", TODAY.minusDays(10), NOW);
        patient.update(details(WorkStatus.EMPLOYED_OFF_SICK), "physio", TODAY, NOW);
        assertThat(patient.workStatusHistory()).extracting(WorkStatusChange::status)
                .containsExactly(WorkStatus.EMPLOYED_WORKING, WorkStatus.EMPLOYED_OFF_SICK);
        assertThat(patient.workStatusHistory().get(1).recordedBy()).isEqualTo("physio");
        assertThat(patient.workStatusHistory().get(1).recordedOn()).isEqualTo(TODAY);
    }

    @Test
    void aVoidedRecordKeepsWhoWhenAndWhyAndCannotBeEdited() {
        Patient patient = Patient.register(details(null), "clinician", TODAY, NOW);
        patient.voidRecord("Duplicate of another record", "manager", NOW);
        assertThat(patient.isVoided()).isTrue();
        assertThat(patient.voidedBy()).isEqualTo("manager");
        assertThat(patient.voidReason()).isEqualTo("Duplicate of another record");
        assertThatThrownBy(() -> patient.update(details(null), "clinician", TODAY, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> patient.voidRecord("again", "manager", NOW)).isInstanceOf(IllegalStateException.class);
    }
}
