package health.limber.exercise.internal;



/** Why a programme needs a clinician's attention, most serious kind first. */
public record CaseloadAlert(Kind kind, String text) {

    /** In order of seriousness: a red flag reported in the app is acted on before anything else. */
    public enum Kind {
        RED_FLAG("Red flag reported", true),
        PAIN_RISING("Pain rising", false),
        NOT_LOGGING("Stopped logging", false),
        LOW_ADHERENCE("Adherence under half", false);

        private final String label;
        private final boolean urgent;

        Kind(String label, boolean urgent) {
            this.label = label;
            this.urgent = urgent;
        }

        public String label() {
            return label;
        }

        public boolean urgent() {
            return urgent;
        }
    }

    public boolean urgent() {
        return kind.urgent();
    }
}
