package health.limber.referral;

/** Risk of a poor outcome from STarT Back or STarT MSK: it decides how much care to offer. */
public enum RiskGroup {
    LOW, MEDIUM, HIGH
}
