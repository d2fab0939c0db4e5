package health.limber.support.web;

import health.limber.patient.SupportDetails;
import health.limber.patient.WorkStatusChange;
import health.limber.support.internal.SupportReferral;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A support referral as the API shows it: the support part of the record only (who, how to reach
 * them, their work, why they asked) and the referral's own facts. The one clinical fact, the kind of
 * care, is there only while the person agrees to share it. {@code SupportApiIntegrationTests} checks
 * every field name against the clinical record's, so a clinical field cannot be added here unnoticed.
 */
record AdviserView(UUID id, String status, String serviceCode, String serviceName, String need, boolean inHouse, String askedFor, String source,
                   LocalDate referredOn, String referredBy, LocalDate acceptedOn, LocalDate firstContactOn, LocalDate closedOn, String closeReason,
                   String closeNote, Consent consent, Person person, List<Contact> contacts, List<Outcome> outcomes, Shared shared) {

    record Consent(String recordedBy, Instant recordedAt, String whatIsShared, String withdrawnBy, Instant withdrawnAt) {}

    record Person(String name, String nhsNumber, LocalDate birthDate, String phone, String email, String postcode, List<String> contactBy,
                  String preferredLanguage, boolean interpreterNeeded, String workStatus, List<Work> workHistory) {}

    record Work(String status, LocalDate from, String recordedBy) {}

    record Contact(LocalDate on, String mode, int minutes, String notes, String by) {}

    record Outcome(String kind, String label, LocalDate on, String note, String by) {}

    /** What the person agreed to share with the adviser. */
    record Shared(String kindOfCare) {}

    static AdviserView of(SupportReferral r, SupportDetails p) {
        SupportReferral.Consent c = r.consent();
        return new AdviserView(r.id(), r.status().name(), r.service().code(), r.service().name(), r.service().need().name(), r.service().inHouse(),
                r.details().reason(), r.details().source().name(), r.referredOn(), r.referredBy(), r.acceptedOn(), r.firstContactOn(), r.closedOn(),
                r.closeReason() == null ? null : r.closeReason().name(), r.closeNote(),
                c == null ? null : new Consent(c.givenBy(), c.givenAt(), c.shared(), c.withdrawnBy(), c.withdrawnAt()),
                new Person(p.name(), p.nhsNumber(), p.birthDate(), p.phone(), p.email(), p.postcode(), p.contactBy(), p.preferredLanguage(),
                        p.interpreterNeeded(), p.workStatus() == null ? null : p.workStatus().name(),
                        p.workStatusHistory().stream().map(AdviserView::work).toList()),
                r.contacts().stream().map(x -> new Contact(x.on(), x.mode().name(), x.minutes(), x.notes(), x.by())).toList(),
                r.outcomes().stream().map(o -> new Outcome(o.kind().name(), o.kind().label(), o.on(), o.note(), o.by())).toList(),
                r.shareClinical() && r.details().kindOfCare() != null ? new Shared(r.details().kindOfCare()) : null);
    }

    private static Work work(WorkStatusChange change) {
        return new Work(change.status().name(), change.recordedOn(), change.recordedBy());
    }
}
