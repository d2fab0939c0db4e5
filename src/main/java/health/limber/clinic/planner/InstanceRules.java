package health.limber.clinic.planner;

import health.limber.clinic.planner.Instance.Patient;
import health.limber.clinic.planner.Instance.Practitioner;
import health.limber.clinic.planner.Instance.Room;
import health.limber.clinic.planner.Instance.Service;
import health.limber.clinic.planner.Instance.Window;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What makes a clinic day well-formed: unique ids, known services, windows that run forwards,
 * sit on the slot grid and inside the day, and a practitioner's windows that do not overlap.
 * A patient needing a service nobody offers is not an error here: {@link Instance#unservable}
 * lists them with the reason.
 */
final class InstanceRules {

    private InstanceRules() {}

    static void check(Instance day) {
        if (day.slotMinutes() <= 0 || day.slotMinutes() > 60) {
            throw new InstanceException("slotMinutes", "must be between 1 and 60, not " + day.slotMinutes());
        }
        onGrid(day, "dayStart", day.dayStart());
        onGrid(day, "dayEnd", day.dayEnd());
        if (day.dayEnd() <= day.dayStart()) {
            throw new InstanceException("dayEnd", "must be after dayStart");
        }
        unique("services", day.services(), Service::id);
        unique("rooms", day.rooms(), Room::id);
        unique("practitioners", day.practitioners(), Practitioner::id);
        unique("patients", day.patients(), Patient::id);
        Set<String> known = day.servicesById().keySet();
        for (int i = 0; i < day.services().size(); i++) {
            Service service = day.services().get(i);
            String element = "services[" + i + "] (" + service.id() + ").minutes";
            if (service.minutes() <= 0 || service.minutes() % day.slotMinutes() != 0) {
                throw new InstanceException(element, "must be a positive multiple of slotMinutes (" + day.slotMinutes() + "), not " + service.minutes());
            }
        }
        for (int i = 0; i < day.rooms().size(); i++) {
            Room room = day.rooms().get(i);
            for (String service : room.services()) {
                known(known, "rooms[" + i + "] (" + room.id() + ").services", service);
            }
        }
        for (int i = 0; i < day.practitioners().size(); i++) {
            practitioner(day, known, i);
        }
        for (int i = 0; i < day.patients().size(); i++) {
            patient(day, known, i);
        }
    }

    /** A practitioner gives a known service, in windows inside the day that do not overlap. */
    private static void practitioner(Instance day, Set<String> known, int i) {
        Practitioner practitioner = day.practitioners().get(i);
        String element = "practitioners[" + i + "] (" + practitioner.id() + ")";
        known(known, element + ".service", practitioner.service());
        List<Window> windows = practitioner.available();
        for (int w = 0; w < windows.size(); w++) {
            window(day, element + ".available[" + w + "]", windows.get(w));
            for (int v = 0; v < w; v++) {
                if (windows.get(v).overlaps(windows.get(w))) {
                    throw new InstanceException(element + ".available[" + w + "]", "overlaps available[" + v + "]");
                }
            }
        }
    }

    /** A patient needs known services, each once, is available inside the day, and has a positive longest stay and weight. */
    private static void patient(Instance day, Set<String> known, int i) {
        Patient patient = day.patients().get(i);
        String element = "patients[" + i + "] (" + patient.id() + ")";
        if (patient.needs().isEmpty()) {
            throw new InstanceException(element + ".needs", "must name at least one service");
        }
        if (new HashSet<>(patient.needs()).size() != patient.needs().size()) {
            throw new InstanceException(element + ".needs", "names a service twice");
        }
        for (String need : patient.needs()) {
            known(known, element + ".needs", need);
        }
        window(day, element + ".available", patient.available());
        if (patient.maxStayMinutes() <= 0) {
            throw new InstanceException(element + ".maxStayMinutes", "must be more than 0");
        }
        if (patient.weight() < 1) {
            throw new InstanceException(element + ".weight", "must be 1 or more");
        }
    }

    private static void onGrid(Instance day, String element, int minutes) {
        if (minutes < 0 || minutes > 24 * 60) {
            throw new InstanceException(element, "is not a time of day");
        }
        if (minutes % day.slotMinutes() != 0) {
            throw new InstanceException(element, InstanceJson.time(minutes) + " is not on the " + day.slotMinutes() + "-minute grid");
        }
    }

    private static void window(Instance day, String element, Window window) {
        onGrid(day, element + ".from", window.from());
        onGrid(day, element + ".to", window.to());
        if (window.to() <= window.from()) {
            throw new InstanceException(element, "ends (" + InstanceJson.time(window.to()) + ") before it starts (" + InstanceJson.time(window.from()) + ")");
        }
        if (window.from() < day.dayStart() || window.to() > day.dayEnd()) {
            throw new InstanceException(element, "lies outside the day " + InstanceJson.time(day.dayStart()) + "–" + InstanceJson.time(day.dayEnd()));
        }
    }

    private static void known(Set<String> services, String element, String service) {
        if (!services.contains(service)) {
            throw new InstanceException(element, "unknown service " + service + " (not in services)");
        }
    }

    private static <T> void unique(String list, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value == null || value.isBlank()) {
                throw new InstanceException(list + "[" + i + "].id", "is required");
            }
            if (!seen.add(value)) {
                throw new InstanceException(list + "[" + i + "].id", "duplicate id " + value);
            }
        }
    }
}
