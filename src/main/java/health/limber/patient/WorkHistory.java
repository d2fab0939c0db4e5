package health.limber.patient;

import java.time.LocalDate;
import java.util.List;

/** A person's work status over time, without who they are: for reports on work outcomes. */
public record WorkHistory(WorkStatus current, List<WorkStatusChange> changes) {

    /** The status on a day: the last recorded on or before it, else the first ever recorded, else the current one. */
    public WorkStatus on(LocalDate day) {
        return changes.stream().filter(c -> !c.recordedOn().isAfter(day)).reduce((a, b) -> b).map(WorkStatusChange::status)
                .orElse(changes.isEmpty() ? current : changes.get(0).status());
    }
}
