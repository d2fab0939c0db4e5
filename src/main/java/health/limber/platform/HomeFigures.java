package health.limber.platform;

import java.util.List;

/**
 * What a module puts at the top of a signed-in member of staff's home page: counts that need
 * action today (open and overdue red-flag tasks, red flags reported in the app). Each module answers
 * for the person signed in, from its own tables; the home page only shows what it is given, so the
 * platform depends on no module.
 */
public interface HomeFigures {

    /** The figures for the person signed in now (none when they are not for this person's role). */
    List<Figure> figures();

    /**
     * One count with what it means and where to act on it.
     *
     * @param urgent shown in red when above zero: something a patient's safety depends on
     */
    record Figure(String label, long count, String link, boolean urgent) {

        public boolean alarming() {
            return urgent && count > 0;
        }
    }
}
