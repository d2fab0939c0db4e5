package health.limber.waitinglist.internal;

import health.limber.waitinglist.StopReason;

/** A validation of a waiting pathway: how it was done and what it found. */
public record Validation(Kind kind, Outcome outcome) {

    /** Administrative (duplicates, already seen), patient contact (still needs care?), or clinical (re-prioritise, re-screen red flags). */
    public enum Kind {
        ADMINISTRATIVE("Administrative check"), PATIENT_CONTACT("Contact with the patient"), CLINICAL("Clinical review");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Still waiting, or one of the reasons to take the pathway off the list. */
    public enum Outcome {
        STILL_WAITING("Still waiting", null),
        ALREADY_SEEN("Remove: already seen", StopReason.FIRST_TREATMENT),
        NO_LONGER_NEEDED("Remove: no longer needed", StopReason.DISCHARGED),
        DUPLICATE("Remove: duplicate", StopReason.DISCHARGED),
        MOVED_AWAY("Remove: moved away", StopReason.DISCHARGED);

        private final String label;
        private final StopReason stop;

        Outcome(String label, StopReason stop) {
            this.label = label;
            this.stop = stop;
        }

        public String label() {
            return label;
        }

        /** The clock stop a removal records (null when the patient stays on the list). */
        public StopReason stop() {
            return stop;
        }
    }
}
