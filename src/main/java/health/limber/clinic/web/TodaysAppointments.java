package health.limber.clinic.web;

import health.limber.clinic.OneToOneAppointments;
import health.limber.identity.CurrentActor;
import health.limber.identity.Role;
import health.limber.platform.HomeFigures;
import health.limber.platform.LimberTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A clinician's own 1:1 appointments today, on their home page: time, who (with NHS number), what and where, and the outcome so far. */
@Component
class TodaysAppointments implements HomeFigures {

    private final OneToOneAppointments appointments;
    private final CurrentActor currentActor;
    private final Clock clock;

    TodaysAppointments(OneToOneAppointments appointments, CurrentActor currentActor, Clock clock) {
        this.appointments = appointments;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @Override
    public List<Panel> panels() {
        if (currentActor.get().role() != Role.CLINICIAN) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (var a : appointments.onDay(LimberTime.today(clock), false)) {
            rows.add(List.of(a.start() + "–" + a.end(), a.name() + (a.nhsNumber() == null ? "" : " (" + a.nhsNumber() + ")"), a.type().label(),
                    a.place() == null ? a.mode().name().toLowerCase(java.util.Locale.ROOT) : a.place(), a.status() == null ? "Booked" : a.status().label()));
        }
        return List.of(new Panel("Your appointments today", rows.isEmpty() ? "You have no 1:1 appointments today."
                : "Your 1:1 appointments today, in time order.", "/appointments",
                List.of("Time", "Person", "Appointment", "Where", "Outcome"), rows, null, null, null));
    }
}
