package health.limber.support.internal;

import health.limber.patient.WorkStatus;
import java.util.Set;

/**
 * Back in work and stayed in work (DOMAIN.md §10), from a person's work status at baseline and at
 * discharge or follow-up. Back in work: not working at baseline (off sick, unemployed and seeking
 * work, or inactive from ill health) and working, any hours, at discharge or follow-up. Stayed in
 * work: working at baseline and still working at discharge or follow-up.
 */
public enum WorkOutcome {
    BACK_IN_WORK, NOT_BACK_IN_WORK, STAYED_IN_WORK, LEFT_WORK, NOT_COUNTED;

    static final Set<WorkStatus> NOT_WORKING = Set.of(WorkStatus.EMPLOYED_OFF_SICK, WorkStatus.UNEMPLOYED_SEEKING_WORK,
            WorkStatus.INACTIVE_ILL_HEALTH);

    /**
     * @param later the status at discharge and at follow-up, either may be null when not known
     * @return NOT_COUNTED when the baseline is unknown or outside both groups (retired, student, other), or nothing later is known
     */
    public static WorkOutcome of(WorkStatus baseline, WorkStatus atDischarge, WorkStatus atFollowUp) {
        if (baseline == null || (atDischarge == null && atFollowUp == null)) {
            return NOT_COUNTED;
        }
        boolean workingLater = atDischarge == WorkStatus.EMPLOYED_WORKING || atFollowUp == WorkStatus.EMPLOYED_WORKING;
        if (NOT_WORKING.contains(baseline)) {
            return workingLater ? BACK_IN_WORK : NOT_BACK_IN_WORK;
        }
        if (baseline == WorkStatus.EMPLOYED_WORKING) {
            return workingLater ? STAYED_IN_WORK : LEFT_WORK;
        }
        return NOT_COUNTED;
    }
}
