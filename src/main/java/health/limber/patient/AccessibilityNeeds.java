package health.limber.patient;

import java.util.ArrayList;
import java.util.List;

/** What the service must arrange for the patient to take part (the Accessible Information Standard). */
public record AccessibilityNeeds(boolean stepFreeAccess, boolean largePrint, boolean bslInterpreter,
                                 boolean easyRead, boolean hearingLoop, String otherNeeds) {

    public static final AccessibilityNeeds NONE = new AccessibilityNeeds(false, false, false, false, false, null);

    /** The codes used by the API and forms. */
    public enum Need {
        STEP_FREE("Step-free access"), LARGE_PRINT("Large print"), BSL("British Sign Language interpreter"),
        EASY_READ("Easy read"), HEARING_LOOP("Hearing loop");

        private final String label;

        Need(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static AccessibilityNeeds of(List<Need> needs, String otherNeeds) {
        return new AccessibilityNeeds(needs.contains(Need.STEP_FREE), needs.contains(Need.LARGE_PRINT),
                needs.contains(Need.BSL), needs.contains(Need.EASY_READ), needs.contains(Need.HEARING_LOOP),
                otherNeeds == null || otherNeeds.isBlank() ? null : otherNeeds.trim());
    }

    public List<Need> needs() {
        List<Need> needs = new ArrayList<>();
        if (stepFreeAccess) needs.add(Need.STEP_FREE);
        if (largePrint) needs.add(Need.LARGE_PRINT);
        if (bslInterpreter) needs.add(Need.BSL);
        if (easyRead) needs.add(Need.EASY_READ);
        if (hearingLoop) needs.add(Need.HEARING_LOOP);
        return needs;
    }
}
