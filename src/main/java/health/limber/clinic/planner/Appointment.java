package health.limber.clinic.planner;

/** One appointment in a plan: a patient sees a practitioner for a service in a room, {@code [start, end)}. */
public record Appointment(String patient, String service, String practitioner, String room, int start, int end) {

    public boolean overlaps(Appointment other) {
        return start < other.end && other.start < end;
    }

    public Appointment movedTo(int newStart) {
        return new Appointment(patient, service, practitioner, room, newStart, newStart + (end - start));
    }

    @Override
    public String toString() {
        return patient + " " + service + " " + InstanceJson.time(start) + "–" + InstanceJson.time(end) + " with " + practitioner + " in " + room;
    }
}
