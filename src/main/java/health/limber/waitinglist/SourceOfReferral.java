package health.limber.waitinglist;

/** Where the referral came from (WLMDS-like codes). */
public enum SourceOfReferral {
    GP, ERS, SELF, FRACTURE_CLINIC, ED, OTHER
}
