package health.limber.patient;

/** Lets other modules' tests take a fresh test-range NHS number from the patient tests' sequence. */
public final class PatientApiIntegrationTestsAccess {

    private PatientApiIntegrationTestsAccess() {}

    public static String freshNhsNumber() {
        return PatientApiIntegrationTests.freshNhsNumber();
    }
}
