package health.limber.demo;

import java.time.LocalDate;
import java.util.List;

/** What {@code ./limber demo} prints so a newcomer can sign in straight away. */
record DemoSignIns(List<Staff> staff, String password, List<Patient> patients) {

    public record Staff(String role, String username) {}

    public record Patient(String name, String nhsNumber, LocalDate birthDate, String accessCode) {}
}
