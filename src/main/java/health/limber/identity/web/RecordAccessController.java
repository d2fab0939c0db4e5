package health.limber.identity.web;

import health.limber.identity.AuditLog;
import health.limber.identity.CurrentActor;
import health.limber.identity.StaffAccounts;
import health.limber.identity.internal.AuditEvent;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A patient sees who has looked at or changed their record. */
@Controller
class RecordAccessController {

    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final StaffAccounts staff;

    RecordAccessController(AuditLog auditLog, CurrentActor currentActor, StaffAccounts staff) {
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.staff = staff;
    }

    @GetMapping("/my/record-access")
    String recordAccess(Model model) {
        var patientId = currentActor.get().patientId();
        List<Access> entries = auditLog.forPatient(patientId, 200).stream()
                .filter(event -> event.outcome() == AuditEvent.Outcome.ALLOWED)
                .map(event -> new Access(event, event.actorRole().isStaff()
                        ? staff.findByUsername(event.actor()).map(user -> user.displayName()).orElse(event.actor())
                        : "You"))
                .toList();
        model.addAttribute("entries", entries);
        return "identity/record-access";
    }

    record Access(AuditEvent event, String who) {}
}
