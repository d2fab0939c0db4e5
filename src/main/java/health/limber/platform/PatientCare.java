package health.limber.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one module holds of a person's care, as links: the patient's home page leads with them
 * (today's exercises, the next visit) and a patient record links to them (referrals, waiting-list
 * pathways, programmes, appointments), so no record is a dead end. Each module answers from its own
 * tables; the pages only show what they are given, so the patient module depends on none of them.
 */
public interface PatientCare {

    /** Who is asking: the person themselves (their own pages) or staff who may read the record. */
    enum Audience { PATIENT, STAFF }

    /** The person: the record's id and, for what is kept by NHS number, the number (may be null). */
    record Person(UUID patientId, String nhsNumber) {}

    /**
     * One thing in the person's care.
     *
     * @param kind  what it is ("Exercise programme", "Next visit"), the heading it is listed under
     * @param order where it goes on the patient's home page (lower first)
     */
    record Link(String kind, String title, String detail, String href, LocalDate on, int order) {}

    List<Link> of(Person person, Audience audience);
}
