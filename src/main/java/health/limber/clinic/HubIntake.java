package health.limber.clinic;

import health.limber.referral.CarePathway;
import health.limber.referral.ReferralAccepted;
import health.limber.referral.RiskGroup;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts referrals accepted to a hub's pathways on the hub's waiting lists: group-class referrals
 * wait for a place on a course; one-stop referrals wait for a one-stop visit, with what they need from triage: physiotherapy and a physical activity coach
 * for everyone, mental health support when the STarT score is high risk, and employment or debt
 * advice when the person asked for it. It listens in the triage transaction, so an accepted
 * one-stop referral is never lost between the two modules.
 */
@Component
class HubIntake {

    private final JdbcClient jdbc;

    HubIntake(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        if (accepted.pathway() == CarePathway.GROUP_CLASS) {
            jdbc.sql("""
                    insert into class_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, accepted_on,
                        birth_date, nhs_number)
                    values (:id, :reference, :patient, :name, :icb, :provider, :acceptedOn, :born, :nhs)""")
                    .param("born", accepted.birthDate()).param("nhs", accepted.nhsNumber())
                    .param("id", accepted.referralId()).param("reference", accepted.reference()).param("patient", accepted.patientId())
                    .param("name", accepted.displayName()).param("icb", accepted.icbCode()).param("provider", accepted.providerCode())
                    .param("acceptedOn", accepted.acceptedOn()).update();
            return;
        }
        if (accepted.pathway() != CarePathway.ONE_STOP_CLINIC) {
            return;
        }
        jdbc.sql("""
                insert into one_stop_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, needs,
                    language, interpreter_needed, step_free, accepted_on, birth_date, nhs_number)
                values (:id, :reference, :patient, :name, :icb, :provider, :needs, :language, :interpreter, :stepFree, :acceptedOn, :born, :nhs)""")
                .param("born", accepted.birthDate()).param("nhs", accepted.nhsNumber())
                .param("id", accepted.referralId())
                .param("reference", accepted.reference())
                .param("patient", accepted.patientId())
                .param("name", accepted.displayName())
                .param("icb", accepted.icbCode())
                .param("provider", accepted.providerCode())
                .param("needs", String.join(",", needs(accepted)))
                .param("language", accepted.preferredLanguage() == null ? "en" : accepted.preferredLanguage())
                .param("interpreter", accepted.interpreterNeeded())
                .param("stepFree", accepted.stepFreeAccess())
                .param("acceptedOn", accepted.acceptedOn())
                .update();
    }
}
