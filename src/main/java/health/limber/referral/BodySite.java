package health.limber.referral;

/** Where it hurts. Back pain is screened with STarT Back, every other site with STarT MSK. */
public enum BodySite {
    BACK("Lower back"),
    NECK("Neck"),
    SHOULDER("Shoulder"),
    ELBOW("Elbow"),
    WRIST_HAND("Wrist or hand"),
    HIP("Hip"),
    KNEE("Knee"),
    ANKLE_FOOT("Ankle or foot"),
    MANY("Pain in many places");

    private final String label;

    BodySite(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
