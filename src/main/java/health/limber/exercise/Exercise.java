package health.limber.exercise;

import java.util.List;
import java.util.Map;

/**
 * An exercise in the library: what it is for, how to do it (in the reader's language), what to
 * watch for, a starting dose, easier and harder versions, and the key poses of its demonstration.
 */
public record Exercise(String id, String name, List<Region> regions, Category category, List<Equipment> equipment, int difficulty,
                       List<String> steps, List<String> cautions, Dose dose, List<String> easier, List<String> harder, Animation animation,
                       String language) {

    public Exercise {
        regions = List.copyOf(regions);
        equipment = List.copyOf(equipment);
        steps = List.copyOf(steps);
        cautions = List.copyOf(cautions);
        easier = List.copyOf(easier);
        harder = List.copyOf(harder);
    }

    /** Body regions, as the library is filtered. */
    public enum Region {
        BACK("Back"), NECK("Neck"), SHOULDER("Shoulder"), ELBOW("Elbow"), WRIST_HAND("Wrist and hand"), HIP("Hip"), KNEE("Knee"),
        ANKLE_FOOT("Ankle and foot"), GENERAL("General fitness");

        private final String label;

        Region(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the exercise does (DOMAIN.md §6). */
    public enum Category {
        MOBILITY("Mobility"), STRENGTH("Strength"), BALANCE("Balance"), STRETCH("Stretch"), CARDIO("Fitness"), NEURAL("Nerve movement");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a person needs at home. */
    public enum Equipment {
        CHAIR("Chair"), MAT("Mat or bed"), TOWEL("Towel"), BAND("Exercise band"), STEP("Step or stair"), WALL("Wall"),
        BALL("Soft ball"), WEIGHT("Light weight"), TABLE("Table"), STICK("Stick");

        private final String label;

        Equipment(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A starting dose: sets of reps (or holds of so many seconds), rest, times a day, days a week. */
    public record Dose(int sets, int reps, int holdSeconds, int restSeconds, int timesPerDay, int daysPerWeek) {
        public String describe() {
            String each = holdSeconds > 0 ? (holdSeconds >= 120 ? holdSeconds / 60 + " minutes" : "hold " + holdSeconds + " seconds") : reps + " times";
            return sets + (sets == 1 ? " set" : " sets") + " of " + each + ", " + (timesPerDay == 1 ? "once" : timesPerDay + " times")
                    + " a day, " + (daysPerWeek == 7 ? "every day" : daysPerWeek + " days a week");
        }

        /** The limits a clinician's dose keeps, each refused by the field it is typed in. */
        public void check() {
            if (sets < 1 || sets > 10) {
                throw new health.limber.platform.InvalidInputException("sets", "Sets must be between 1 and 10");
            }
            if (reps < 0 || reps > 100 || holdSeconds < 0 || holdSeconds > 3600 || (reps == 0) == (holdSeconds == 0)) {
                throw new health.limber.platform.InvalidInputException("reps", "Give either repetitions (1 to 100) or a hold in seconds, not both");
            }
            if (restSeconds < 0 || restSeconds > 600) {
                throw new health.limber.platform.InvalidInputException("restSeconds", "Rest must be between 0 and 600 seconds");
            }
            if (timesPerDay < 1 || timesPerDay > 6) {
                throw new health.limber.platform.InvalidInputException("timesPerDay", "Times a day must be between 1 and 6");
            }
            if (daysPerWeek < 1 || daysPerWeek > 7) {
                throw new health.limber.platform.InvalidInputException("daysPerWeek", "Days a week must be between 1 and 7");
            }
        }
    }

    /** Key poses of a stick figure (joint name to [x, y] in a 200 by 200 box, y down) and the seconds to move into the next. */
    public record Animation(String view, List<Map<String, double[]>> poses, List<Double> seconds) {}

    public String difficultyLabel() {
        return switch (difficulty) {
            case 1 -> "Easy";
            case 2 -> "Moderate";
            default -> "Hard";
        };
    }
}
