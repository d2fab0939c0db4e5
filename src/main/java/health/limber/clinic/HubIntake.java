package health.limber.clinic;

import health.limber.referral.ReferralAccepted;
import health.limber.referral.RiskGroup;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts referrals accepted to a hub's pathways on the hub's waiting lists ({@link HubWaitingLists}):
 * group-class referrals wait for a place on a course; one-stop referrals wait for a one-stop visit,
 * with what they need from triage: physiotherapy and a physical activity coach for everyone, mental
 * health support when the STarT score is high risk, and employment or debt advice when the person
 * asked for it. It listens in the triage transaction, so an accepted referral is never lost between
 * the two modules.
 */
@Component
class HubIntake {

    private final HubWaitingLists lists;

    HubIntake(HubWaitingLists lists) {
        this.lists = lists;
    }

    static List<String> needs(ReferralAccepted accepted) {
        List<String> needs = new ArrayList<>(List.of("PHYSIO"));
        if (accepted.riskGroup() == RiskGroup.HIGH) {
            needs.add("MENTAL_HEALTH");
        }
        needs.add("PHYSICAL_ACTIVITY");
        if (accepted.wantsEmploymentSupport()) {
            needs.add("EMPLOYMENT");
        }
        if (accepted.wantsDebtSupport()) {
            needs.add("DEBT");
        }
        return needs;
    }

    @EventListener
    void on(ReferralAccepted accepted) {
        lists.admit(new HubWaitingLists.Admission(accepted.referralId(), accepted.reference(), accepted.patientId(), accepted.displayName(),
                accepted.icbCode(), accepted.providerCode(), accepted.pathway(), needs(accepted), accepted.preferredLanguage(),
                accepted.interpreterNeeded(), accepted.stepFreeAccess(), accepted.acceptedOn(), accepted.birthDate(), accepted.nhsNumber(),
                accepted.priority(), accepted.receivedOn()));
    }
}
