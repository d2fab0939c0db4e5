package health.limber.patient;

import java.time.LocalDate;
import org.springframework.data.relational.core.mapping.Table;

/** One entry of the work status history. */
@Table("patient_work_status")
public record WorkStatusChange(WorkStatus status, LocalDate recordedOn, String recordedBy) {}
