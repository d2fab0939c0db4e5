package health.limber.clinic;

import health.limber.patient.PatientId;
import health.limber.clinic.internal.OneToOneRepository;
import health.limber.referral.CarePathway;
import health.limber.referral.ReferralId;
import health.limber.referral.Urgency;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hubs' waiting lists: people accepted to a group class wait for a place on a course, people
 * accepted to a one-stop visit wait to be offered a clinic day, with what they need from it. Filled
 * from each accepted referral ({@link HubIntake}), or in bulk when a service moves its lists from
 * another system (and by the demo); a bulk caller is trusted (start-up and command-line code only).
 */
@Service
public class HubWaitingLists {

    private final JdbcClient jdbc;
    private final OneToOneRepository oneToOne;

    HubWaitingLists(JdbcClient jdbc, OneToOneRepository oneToOne) {
        this.jdbc = jdbc;
        this.oneToOne = oneToOne;
    }

    /** A person accepted to a hub's pathway, as the hub needs to know them. Needs are for one-stop visits only. */
    public record Admission(ReferralId referralId, String reference, PatientId patientId, String displayName, String icbCode, String providerCode,
                            CarePathway pathway, List<String> needs, String language, boolean interpreterNeeded, boolean stepFree,
                            LocalDate acceptedOn, LocalDate birthDate, String nhsNumber, Urgency priority, LocalDate receivedOn) {}

    /** Puts each person on their pathway's list: a class, a one-stop visit or 1:1 physiotherapy; other pathways are left alone. */
    @Transactional
    public void admit(List<Admission> admissions) {
        admissions.forEach(this::admit);
    }

    void admit(Admission a) {
        if (a.pathway() == CarePathway.GROUP_CLASS) {
            jdbc.sql("""
                    insert into class_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, accepted_on,
                        birth_date, nhs_number)
                    values (:id, :reference, :patient, :name, :icb, :provider, :acceptedOn, :born, :nhs)""")
                    .param("id", a.referralId()).param("reference", a.reference()).param("patient", PatientId.uuidOf(a.patientId()))
                    .param("name", a.displayName()).param("icb", a.icbCode()).param("provider", a.providerCode())
                    .param("acceptedOn", a.acceptedOn()).param("born", a.birthDate()).param("nhs", a.nhsNumber()).update();
        } else if (a.pathway() == CarePathway.ONE_STOP_CLINIC) {
            jdbc.sql("""
                    insert into one_stop_referral (referral_id, reference, patient_id, display_name, icb_code, provider_code, needs,
                        language, interpreter_needed, step_free, accepted_on, birth_date, nhs_number)
                    values (:id, :reference, :patient, :name, :icb, :provider, :needs, :language, :interpreter, :stepFree, :acceptedOn,
                        :born, :nhs)""")
                    .param("id", a.referralId()).param("reference", a.reference()).param("patient", PatientId.uuidOf(a.patientId()))
                    .param("name", a.displayName()).param("icb", a.icbCode()).param("provider", a.providerCode())
                    .param("needs", String.join(",", a.needs())).param("language", a.language() == null ? "en" : a.language())
                    .param("interpreter", a.interpreterNeeded()).param("stepFree", a.stepFree()).param("acceptedOn", a.acceptedOn())
                    .param("born", a.birthDate()).param("nhs", a.nhsNumber()).update();
        } else if (a.pathway() == CarePathway.PHYSIOTHERAPY) {
            oneToOne.admit(new OneToOneRepository.ReferralRow(a.referralId().value(), a.reference(), PatientId.uuidOf(a.patientId()),
                    a.displayName(), a.birthDate(), a.nhsNumber(), a.icbCode(), a.providerCode(),
                    (a.priority() == null ? Urgency.ROUTINE : a.priority()).name(), a.receivedOn() == null ? a.acceptedOn() : a.receivedOn(),
                    a.language() == null ? "en" : a.language(), a.interpreterNeeded(), a.stepFree(), null, null, null));
        }
    }
}
