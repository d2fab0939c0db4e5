package health.limber.exercise;

import health.limber.patient.PatientId;
import java.time.LocalDate;

/**
 * A clinician's assessment agreed a home exercise programme with the person as their treatment:
 * the first definitive contact of digital self-management (DOMAIN.md §3a). Published in the
 * transaction that stores the programme.
 */
public record ProgrammeAgreed(ProgrammeId programmeId, PatientId patientId, LocalDate on) {}
