package health.limber.waitinglist;

import java.util.Map;

/**
 * People seen quicker in one ICB over a period (DOMAIN.md §9), from the replay of its list at the
 * pre-period capacity: of the {@code seen} people whose clock stopped in the period by first
 * definitive contact, {@code quicker} were seen before the replay would have seen them, saving
 * {@code weeksSaved} weeks in all; {@code notWithinHorizon} of them the replay had not seen within
 * {@link #HORIZON_WEEKS} weeks of the period's end (counted as seen then). Per kind of care too
 * (the key "NOT_RECORDED" for stops without one).
 *
 * @param capacityPerWeek R: first definitive contacts a week, on average, over the 12 weeks before the period
 */
public record SeenQuicker(String icb, double capacityPerWeek, long seen, long quicker, long weeksSaved, long notWithinHorizon,
                          Map<String, Counts> byKind) {

    public static final int HORIZON_WEEKS = 52;

    /** The method, in words, printed beside the figure wherever it is published. */
    public static final String METHOD = "Seen quicker: each area's list is replayed through the period at the service's capacity before "
            + "it (R, the average first contacts a week over the 12 weeks before the period), seeing people each week in the list's own "
            + "order (priority, then longest wait), with the referrals that really arrived. A person seen in the period is counted as "
            + "seen quicker when they were really seen in an earlier week than the replay would have seen them; weeks saved is the "
            + "difference, capped at 52 weeks after the period ends.";

    /** Seen, seen quicker and weeks saved for one kind of care. */
    public record Counts(long seen, long quicker, long weeksSaved) {
        public Counts plus(Counts other) {
            return new Counts(seen + other.seen, quicker + other.quicker, weeksSaved + other.weeksSaved);
        }
    }
}
