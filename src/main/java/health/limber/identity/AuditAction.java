package health.limber.identity;

/** What was done to a patient's record. */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, VOID, ISSUE_ACCESS_CODE, READ_AUDIT, RED_FLAG_OVERRIDE
}
