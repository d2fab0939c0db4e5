package health.limber.identity;

import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Why a record is being accessed. Integrators may state it in the {@code X-Purpose-Of-Use} header;
 * otherwise staff act for direct care and patients for their own access.
 */
final class PurposeOfUse {

    static final String HEADER = "X-Purpose-Of-Use";
    static final Set<String> KNOWN = Set.of("DIRECT_CARE", "ADMINISTRATION", "SERVICE_MANAGEMENT", "AUDIT", "PATIENT_ACCESS");

    private PurposeOfUse() {}

    static String current(Actor actor) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String stated = servlet.getRequest().getHeader(HEADER);
            if (stated != null && KNOWN.contains(stated.trim().toUpperCase())) {
                return stated.trim().toUpperCase();
            }
        }
        return actor.isPatient() ? "PATIENT_ACCESS" : AuditLog.DIRECT_CARE;
    }
}
