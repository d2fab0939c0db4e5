package health.limber.waitinglist;

/** Why a clock stopped (the WLMDS RTT period end reasons). */
public enum StopReason {
    /** First definitive treatment: the assessment that starts treatment. */
    FIRST_TREATMENT,
    /** Discharged back to the referrer without treatment. */
    DISCHARGED,
    ACTIVE_MONITORING,
    PATIENT_DECLINED,
    /** A decision not to treat. */
    NOT_TREATED,
    /** Did not attend the first appointment: the clock is nullified and the pathway leaves the list. */
    DNA_NULLIFIED
}
