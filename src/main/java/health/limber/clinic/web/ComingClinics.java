package health.limber.clinic.web;

import health.limber.clinic.ClinicDays;
import health.limber.clinic.GroupClasses;
import health.limber.clinic.internal.ClinicDayStatus;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.HomeFigures;
import health.limber.platform.LimberTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A service manager's coming four weeks on the home page: one-stop days and group classes with their
 * places, bookings and free places, and what puts bookings at risk: a day within a week not yet
 * published (people have not been told their times), or a class starting within a week with people
 * waiting while places are free.
 */
@Component
class ComingClinics implements HomeFigures {

    static final int WEEKS = 4;

    private final ClinicDays days;
    private final GroupClasses classes;
    private final CurrentActor currentActor;
    private final Clock clock;

    ComingClinics(ClinicDays days, GroupClasses classes, CurrentActor currentActor, Clock clock) {
        this.days = days;
        this.classes = classes;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    public List<Panel> panels() {
        if (currentActor.get().role() != Role.SERVICE_MANAGER) {
            return List.of();
        }
        LocalDate today = LimberTime.today(clock);
        LocalDate until = today.plusWeeks(WEEKS);
        record Line(LocalDate day, List<String> cells) {}
        List<Line> lines = new ArrayList<>();
        for (ClinicDays.Summary d : days.list()) {
            if (!d.day().isBefore(today) && !d.day().isAfter(until)) {
                boolean soon = d.day().isBefore(today.plusDays(7));
                String risk = d.status() == ClinicDayStatus.DRAFT && soon && d.offered() > 0 ? "Not published: people do not know their times" : "";
                lines.add(new Line(d.day(), List.of(d.day().toString(), "One-stop day", d.hubName(), Integer.toString(d.offered()),
                        Integer.toString(d.booked()), Integer.toString(Math.max(0, d.offered() - d.booked())), risk)));
            }
        }
        for (GroupClasses.Summary c : classes.list()) {
            if (!c.firstDate().isBefore(today) && !c.firstDate().isAfter(until)) {
                int free = Math.max(0, c.capacity() - c.booked());
                String risk = c.waiting() > 0 && free > 0 && c.firstDate().isBefore(today.plusDays(7))
                        ? c.waiting() + " waiting while places are free" : "";
                lines.add(new Line(c.firstDate(), List.of(c.firstDate().toString(), "Class: " + c.name(), c.hubName(), Integer.toString(c.capacity()),
                        Integer.toString(c.booked()), Integer.toString(free), risk)));
            }
        }
        lines.sort(Comparator.comparing(Line::day));
        List<List<String>> rows = new ArrayList<>(lines.stream().map(Line::cells).toList());
        return List.of(new Panel("Clinic days and classes, next 4 weeks", rows.isEmpty() ? "No one-stop days or classes at your hubs in the next 4 weeks."
                : "Places, bookings and free places at your hubs, and bookings at risk.",
                "/clinic-days", List.of("Date", "What", "Hub", "Places", "Booked", "Free", "At risk"), rows, null, null, null));
    }
}
