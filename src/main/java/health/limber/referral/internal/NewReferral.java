package health.limber.referral.internal;

import health.limber.patient.NhsNumber;
import health.limber.patient.WorkStatus;
import health.limber.referral.BodySite;
import health.limber.referral.InstrumentScore;
import health.limber.referral.RedFlagScreen;
import health.limber.referral.ReferralSource;
import health.limber.referral.SymptomDuration;
import health.limber.referral.Urgency;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A referral's details once every rule has passed ({@link ReferralInput#check}). */
public record NewReferral(ReferralSource source, String ubrn, LocalDate receivedOn, String icbCode, String gpPracticeCode,
                          String referrer, NhsNumber nhsNumber, String givenName, String familyName, LocalDate birthDate,
                          String postcode, String phone, String email, List<String> contactPreferences,
                          String preferredLanguage, boolean interpreterNeeded, List<String> accessibilityNeeds,
                          String reasonCode, Set<BodySite> bodySites, SymptomDuration duration, String history,
                          Urgency requestedUrgency, RedFlagScreen redFlags, List<Integer> instrumentAnswers,
                          InstrumentScore score, WorkStatus workStatus, Integer daysOffWork,
                          boolean wantsEmploymentSupport, boolean wantsDebtSupport, boolean consentToContact) {

    public NewReferral {
        contactPreferences = List.copyOf(contactPreferences);
        accessibilityNeeds = List.copyOf(accessibilityNeeds);
        bodySites = Set.copyOf(bodySites);
        instrumentAnswers = instrumentAnswers == null ? null : List.copyOf(instrumentAnswers);
    }
}
