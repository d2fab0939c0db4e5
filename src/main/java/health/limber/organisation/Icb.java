package health.limber.organisation;

/**
 * An Integrated Care Board: the commissioner of a community MSK service. ODS code: 3 characters
 * starting with Q. {@code pilotArea} is the area's short name as the programme's reports use it.
 */
public record Icb(String code, String name, String pilotArea) {

    /** Whether {@code code} has the shape of an ICB's ODS code (Q and two letters or digits). */
    public static boolean isIcbCode(String code) {
        return code != null && code.matches("Q[A-Z0-9]{2}");
    }
}
