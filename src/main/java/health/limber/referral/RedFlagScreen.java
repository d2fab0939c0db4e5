package health.limber.referral;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The outcome of red-flag screening: which questions were asked, which were answered yes, and the
 * highest level among the yeses. Any yes blocks routine routing and raises a task (DOMAIN.md §4).
 */
public record RedFlagScreen(Set<String> asked, Set<String> yes, RedFlagLevel level) {

    public static final RedFlagScreen NOT_SCREENED = new RedFlagScreen(Set.of(), Set.of(), RedFlagLevel.NONE);

    public RedFlagScreen {
        asked = Set.copyOf(new LinkedHashSet<>(asked));
        yes = Set.copyOf(new LinkedHashSet<>(yes));
    }

    public boolean hasRedFlag() {
        return level.isRedFlag();
    }
}
