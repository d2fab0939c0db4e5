package health.limber.referral;

import health.limber.patient.PatientId;
import health.limber.patient.PatientInput;
import java.util.Optional;

/**
 * Self-management from a self-referral (DOMAIN.md §3a, digital self-management): the module that
 * gives starter programmes decides what a person who referred themselves is offered on the
 * confirmation page, and starts it. The referral module asks only for referrals with no red flag
 * answered yes; the offer is a starter "wait well" programme, never treatment: it stops no clock.
 */
public interface SelfManagementStarter {

    /**
     * A person who has just referred themselves.
     *
     * @param asPatient a new patient record from the form: no NHS number (a typed one is never used
     *                  to find or link a record; the team traces and confirms it at triage)
     * @param textsAllowed whether they agreed to text messages to {@code phone}
     * @param emailsAllowed whether they agreed to emails to {@code email}
     */
    record SelfReferred(ReferralId referralId, String reference, String icbCode, BodySite site, RiskGroup risk, PatientInput asPatient,
                        String phone, boolean textsAllowed, String email, boolean emailsAllowed) {}

    /** What the person is offered: a starter programme for where it hurts. */
    record Offer(String programmeName, int weeks, String sentTo) {}

    /** The programme started: the new record, and the access code, shown once and sent to {@code sentTo}. */
    record Started(PatientId patientId, String accessCode, String sentTo, String programmeName) {}

    /** The offer for this person, or empty when the service does not offer one (switched off, high risk, no programme for the site, no contact). */
    Optional<Offer> offerFor(SelfReferred person);

    /** Makes the record, starts the programme, issues the access code and sends it. */
    Started start(SelfReferred person);
}
