package health.limber.referral.internal;

import health.limber.patient.PatientInput;
import health.limber.platform.InvalidInputException;
import health.limber.referral.BodySite;
import health.limber.referral.RedFlagLevel;
import health.limber.referral.ReferralId;
import health.limber.referral.SelfManagementStarter;
import health.limber.referral.SelfManagementStarter.Offer;
import health.limber.referral.SelfManagementStarter.SelfReferred;
import health.limber.referral.SelfManagementStarter.Started;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The starter programme offered on a self-referral's confirmation page. Only a finished
 * self-referral with no red flag answered yes, not yet linked to a record, is put to the
 * {@link SelfManagementStarter}; taking it links the referral to the new record it makes, so the
 * clinician at triage sees the programme and how it is going, and confirms who the person is.
 */
@Service
public class StarterOffers {

    private final Referrals referrals;
    private final ObjectProvider<SelfManagementStarter> starter;
    private final Clock clock;

    StarterOffers(Referrals referrals, ObjectProvider<SelfManagementStarter> starter, Clock clock) {
        this.referrals = referrals;
        this.starter = starter;
        this.clock = clock;
    }

    /** What the person who sent this form is offered, if anything. */
    @Transactional(readOnly = true)
    public Optional<Offer> offer(String submissionKey) {
        return referrals.findBySubmissionKey(submissionKey).flatMap(this::person)
                .flatMap(person -> Optional.ofNullable(starter.getIfAvailable()).flatMap(s -> s.offerFor(person)));
    }

    /** Starts the programme offered to the person who sent this form; refused if it is no longer offered (or was taken). */
    @Transactional
    public Started take(String submissionKey) {
        Referral referral = referrals.findBySubmissionKey(submissionKey)
                .orElseThrow(() -> new InvalidInputException("referral", "Send the form first"));
        SelfReferred person = person(referral).filter(p -> starter.getIfAvailable() != null && starter.getObject().offerFor(p).isPresent())
                .orElseThrow(() -> new InvalidInputException("starter", referral.patientId().isPresent()
                        ? "You have already started your exercises: sign in with the access code we sent you"
                        : "Exercises to start now are not offered for this referral: the team will contact you"));
        Started started = starter.getObject().start(person);
        referral.linkPatient(started.patientId().value(), "Record made at self-referral for the starter programme (" + started.programmeName()
                + "); the person's identity and NHS number are to be confirmed at triage", "self-referral", clock.instant());
        referrals.save(referral);
        return started;
    }

    /** The person, for a finished self-referral with no red flag answered yes that is not linked to a record yet. */
    private Optional<SelfReferred> person(Referral r) {
        boolean noRedFlag = r.redFlagLevel() == RedFlagLevel.NONE && r.redFlagsYes().isEmpty();
        if (!r.answersComplete() || !noRedFlag || r.patientId().isPresent() || r.riskGroup().isEmpty() || r.bodySites().isEmpty()) {
            return Optional.empty();
        }
        BodySite site = r.bodySites().stream().min(Comparator.naturalOrder()).orElseThrow();
        PatientInput asPatient = new PatientInput("", "Self-referral: to be traced and confirmed at triage", r.givenName(), r.familyName(),
                r.birthDate().toString(), "UNKNOWN", r.postcode(), r.phone(), r.email(), r.preferredLanguage(), r.interpreterNeeded(),
                r.accessibilityNeeds(), null, r.contactPreferences(), r.gpPracticeCode(), r.icbCode(), r.workStatus().map(Enum::name).orElse(""), null);
        return Optional.of(new SelfReferred(ReferralId.of(r.id()), r.reference(), r.icbCode(), site, r.riskGroup().get(), asPatient, r.phone(),
                r.contactPreferences().contains("SMS"), r.email(), r.contactPreferences().contains("EMAIL")));
    }
}
