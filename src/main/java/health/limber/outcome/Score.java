package health.limber.outcome;

/**
 * One score of a response: its value, or null when the rule could not compute it (an item the rule
 * needs was not answered), and the band the value falls in, if the rule has bands.
 */
public record Score(String id, String label, Double value, String band) {

    public boolean computed() {
        return value != null;
    }

    /** The value as people read it: whole numbers without a decimal point, others to one place. */
    public String shown() {
        if (value == null) {
            return "not computed";
        }
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : String.format(java.util.Locale.UK, "%.1f", value);
    }
}
