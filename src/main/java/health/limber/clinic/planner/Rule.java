package health.limber.clinic.planner;

/** The rules every published plan keeps; {@link PlanChecker} has one method per rule. */
public enum Rule {
    KNOWN_REFERENCES("An appointment names a patient, service, practitioner and room of the day, and a service the patient needs."),
    ON_GRID("An appointment starts on the slot grid, inside the day, and lasts exactly its service's length."),
    PATIENT_AVAILABLE("An appointment lies inside the patient's available window."),
    PRACTITIONER_AVAILABLE("An appointment lies inside one of the practitioner's working windows."),
    PRACTITIONER_GIVES_SERVICE("The practitioner gives the appointment's service."),
    ROOM_HOSTS_SERVICE("The room can host the appointment's service."),
    STEP_FREE("A patient who needs step-free access is only seen in step-free rooms."),
    LANGUAGE("A patient who needs an interpreter sees a practitioner who speaks their language, unless an interpreter is booked."),
    PATIENT_ONE_AT_A_TIME("A patient is in at most one appointment at a time."),
    PRACTITIONER_ONE_AT_A_TIME("A practitioner sees at most one patient at a time."),
    ROOM_ONE_AT_A_TIME("A room holds at most one appointment at a time."),
    WHOLE_VISIT("A patient is served whole or not at all: every need exactly once, or no appointment."),
    MAX_STAY("A patient's stay, from their first start to their last end, is at most their longest stay."),
    UNSERVED_LISTED("The plan's unserved list names exactly the patients who have no appointment.");

    private final String description;

    Rule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
