package health.limber.patient;

import health.limber.patient.internal.Sex;
import java.time.LocalDate;

/**
 * Checked values for creating or editing a patient: every field already satisfies its own rule
 * (see {@link PatientInput#check}). {@code nhsNumber} is null only when it is truly unknown, and
 * then {@code nhsNumberUnknownReason} says why.
 */
record PatientDetails(NhsNumber nhsNumber, String nhsNumberUnknownReason, String givenName, String familyName,
                             LocalDate birthDate, Sex sex, Postcode postcode, String phone, String email,
                             String preferredLanguage, boolean interpreterNeeded, AccessibilityNeeds needs,
                             ContactPreferences contact, String gpPracticeCode, String icbCode, WorkStatus workStatus) {}
