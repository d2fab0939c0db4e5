package health.limber.referral;

import java.util.Set;

/**
 * One yes/no red-flag question. The wording is configuration signed off by the service's clinical
 * safety officer; {@code sites} limits where it is asked (empty: asked of everyone).
 */
public record RedFlagQuestion(String id, RedFlagLevel level, String group, Set<BodySite> sites, String patientText,
                              String staffText, String route) {

    public RedFlagQuestion {
        if (level == null || level == RedFlagLevel.NONE) {
            throw new IllegalArgumentException("Red-flag question " + id + " needs a level of EMERGENCY or URGENT");
        }
        sites = sites == null ? Set.of() : Set.copyOf(sites);
    }

    /** Whether to ask someone with pain at these sites (a question without sites is asked of everyone). */
    public boolean appliesTo(Set<BodySite> painSites) {
        return sites.isEmpty() || painSites.isEmpty() || painSites.stream().anyMatch(sites::contains);
    }
}
