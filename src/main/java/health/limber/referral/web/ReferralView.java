package health.limber.referral.web;

import health.limber.referral.internal.Referral;
import health.limber.referral.internal.ReferralAttachment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A referral as the API shows it. */
record ReferralView(UUID id, String reference, String status, String source, String ubrn, LocalDate receivedOn,
                    String icbCode, String gpPracticeCode, UUID patientId, String nhsNumber, String givenName,
                    String familyName, LocalDate birthDate, List<String> bodySites, String symptomDuration,
                    String reasonCode, String requestedUrgency, String redFlagLevel, List<String> redFlags,
                    String instrument, Integer scoreTotal, Integer scoreDistress, String riskGroup, String pathway,
                    String priority, String decisionReason, String overrideReason, boolean wantsEmploymentSupport,
                    boolean wantsDebtSupport, List<AttachmentView> attachments, long version) {

    /** A letter's details; the bytes are at {@code href}. */
    record AttachmentView(UUID id, String filename, String contentType, long sizeBytes, String sha256, Instant uploadedAt,
                          String uploadedBy, String href) {

        static AttachmentView of(UUID referralId, ReferralAttachment a) {
            return new AttachmentView(a.id(), a.filename(), a.contentType(), a.sizeBytes(), a.sha256(), a.uploadedAt(),
                    a.uploadedBy(), "/api/referrals/" + referralId + "/attachments/" + a.id());
        }
    }

    static ReferralView of(Referral r) {
        var score = r.score();
        return new ReferralView(r.id(), r.reference(), r.status().name(), r.source().name(), r.ubrn(), r.receivedOn(),
                r.icbCode(), r.gpPracticeCode(), r.patientId().orElse(null), r.nhsNumber(), r.givenName(), r.familyName(),
                r.birthDate(), r.bodySites().stream().map(Enum::name).toList(), r.symptomDuration().name(), r.reasonCode(),
                r.requestedUrgency().name(), r.redFlagLevel().name(), r.redFlagsYes(),
                score.map(s -> s.instrument().name()).orElse(null), score.map(s -> s.total()).orElse(null),
                score.map(s -> s.distress()).orElse(null), score.map(s -> s.risk().name()).orElse(null),
                r.pathway().map(Enum::name).orElse(null), r.priority().map(Enum::name).orElse(null), r.decisionReason(),
                r.overrideReason(), r.wantsEmploymentSupport(), r.wantsDebtSupport(),
                r.attachments().stream().map(a -> AttachmentView.of(r.id(), a)).toList(), r.version());
    }
}
