package health.limber.patient.internal;



/** Administrative sex as recorded for the patient (FHIR AdministrativeGender). */
public enum Sex {
    FEMALE("Female"), MALE("Male"), OTHER("Other"), UNKNOWN("Not known");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
