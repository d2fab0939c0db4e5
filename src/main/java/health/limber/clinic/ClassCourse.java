package health.limber.clinic;

import health.limber.referral.ReferralId;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A course of weekly group-class sessions at a hub, with its bookings, waiting list and register. */
public record ClassCourse(UUID id, Hub hub, Hub.Room room, String name, String description, LocalDate firstDate, int weeks,
                          int startMinute, int minutes, int capacity, int booked, List<Booking> bookings,
                          List<Attendance> register) {

    /** BOOKED takes a place; WAITING is in line for one (oldest request first); CANCELLED has left. */
    public enum Status { BOOKED, WAITING, CANCELLED }

    /** A place (or a place on the waiting list); date of birth and NHS number tell two people of one name apart on the register. */
    public record Booking(UUID id, ReferralId referralId, String reference, String name, java.time.LocalDate birthDate, String nhsNumber, Status status,
                          java.time.Instant requestedAt, String reason) {}

    public record Attendance(UUID bookingId, int session, boolean attended) {}

    public LocalDate sessionDate(int session) {
        return firstDate.plusWeeks(session - 1L);
    }

    public List<Integer> sessions() {
        return java.util.stream.IntStream.rangeClosed(1, weeks).boxed().toList();
    }

    public List<Booking> onCourse() {
        return bookings.stream().filter(b -> b.status() == Status.BOOKED).toList();
    }

    /** The waiting list in the order places are offered. */
    public List<Booking> waiting() {
        return bookings.stream().filter(b -> b.status() == Status.WAITING)
                .sorted(java.util.Comparator.comparing(Booking::requestedAt)).toList();
    }

    public int placesLeft() {
        return capacity - booked;
    }

    public Boolean attended(UUID bookingId, int session) {
        return register.stream().filter(a -> a.bookingId().equals(bookingId) && a.session() == session)
                .map(Attendance::attended).findFirst().orElse(null);
    }
}
